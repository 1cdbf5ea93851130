package io.github.qrerank.bench;

import java.util.Arrays;

/**
 * A sample of measured durations (nanoseconds) and its order statistics (also used for other
 * measured counts, such as the bytes of shard responses). Percentiles use the
 * nearest-rank definition: the p-th percentile of n sorted values is the value at rank {@code
 * ceil(p/100 * n)}, so p99 of 50 values is the 50th (the maximum) — small samples are not
 * interpolated into numbers nobody measured.
 */
final class Latencies {
  private final long[] sorted;

  Latencies(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no measurements");
    }
    this.sorted = nanos.clone();
    Arrays.sort(this.sorted);
  }

  int count() {
    return sorted.length;
  }

  /** Nearest-rank percentile, {@code 0 < p <= 100}. */
  long percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  long p50() {
    return percentile(50);
  }

  long p99() {
    return percentile(99);
  }

  long max() {
    return sorted[sorted.length - 1];
  }

  long min() {
    return sorted[0];
  }

  long total() {
    long t = 0;
    for (long v : sorted) {
      t += v;
    }
    return t;
  }

  double mean() {
    return (double) total() / sorted.length;
  }
}
