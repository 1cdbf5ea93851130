package io.github.qrerank.bench;

import java.util.Locale;

/** Number formatting for the report: durations with a readable unit, ratios, shares. */
final class Format {
  private Format() {}

  /** A duration in the unit that keeps three significant digits readable (ns, µs, ms or s). */
  static String duration(double nanos) {
    if (nanos < 0) {
      return "-" + duration(-nanos);
    }
    if (nanos < 1_000) {
      return String.format(Locale.ROOT, "%.0f ns", nanos);
    }
    if (nanos < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
    if (nanos < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  /** A byte count with thousands separators, and in KiB from 10 KiB on. */
  static String bytes(double bytes) {
    if (Math.abs(bytes) < 10 * 1024) {
      return String.format(Locale.ROOT, "%,.0f B", bytes);
    }
    return String.format(Locale.ROOT, "%,.0f B (%.1f KiB)", bytes, bytes / 1024);
  }

  static String ratio(double r) {
    if (r >= 100) {
      return String.format(Locale.ROOT, "%.0f×", r);
    }
    return String.format(Locale.ROOT, "%.2f×", r);
  }

  static String share(long part, long whole) {
    return String.format(
        Locale.ROOT, "%d/%d (%.1f%%)", part, whole, whole == 0 ? 0.0 : 100.0 * part / whole);
  }

  static String decimal(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
