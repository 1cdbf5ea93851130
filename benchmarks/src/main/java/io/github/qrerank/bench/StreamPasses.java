package io.github.qrerank.bench;

import io.github.qrerank.quantum.PhaseKernelAccess;

/**
 * STREAM-style reference passes (McCalpin's STREAM triad {@code a[i] = b[i] + s·c[i]}) that move
 * exactly the bytes an engine pass moves, so that the engine's time over theirs is its
 * memory-bandwidth efficiency. Each is one simple loop over consecutive indices, which HotSpot
 * vectorises; nothing else is done per element.
 *
 * <ul>
 *   <li>{@link #gateTriad}: reads two arrays and writes both back, the traffic of a single-qubit
 *       gate on split re/im arrays (16 bytes read and 16 written per amplitude).
 *   <li>{@link #phaseTriad}: reads three arrays and writes two back, the traffic of the cost-phase
 *       pass (re, im and the diagonal read; re and im written).
 *   <li>{@link #triad}: the classic triad over three arrays, for a bandwidth figure in GB/s.
 * </ul>
 *
 * The last two also run split into contiguous ranges over several threads ({@code parts}) by the
 * engine's own splitter ({@link PhaseKernelAccess#inParts}: range 0 on the caller, the others on
 * the common ForkJoinPool), so that an engine pass on T threads is compared with a reference on T
 * threads split the same way.
 */
final class StreamPasses {
  private StreamPasses() {}

  /** {@code (a[i], b[i]) <- (a[i] + s·b[i], b[i] − s·a[i])}: two triads fused in one pass. */
  static void gateTriad(double[] a, double[] b, double s) {
    checkLengths(a.length, b.length, b.length);
    for (int i = 0; i < a.length; i++) {
      double x = a[i];
      double y = b[i];
      a[i] = x + s * y;
      b[i] = y - s * x;
    }
  }

  /** {@code (a[i], b[i]) <- (a[i] + s·d[i], b[i] − s·d[i])}. */
  static void phaseTriad(double[] a, double[] b, double[] d, double s) {
    phaseTriad(a, b, d, s, 1);
  }

  /** {@link #phaseTriad(double[], double[], double[], double)} split over {@code parts} threads. */
  static void phaseTriad(double[] a, double[] b, double[] d, double s, int parts) {
    checkLengths(a.length, b.length, d.length);
    PhaseKernelAccess.inParts(a.length, parts, (from, to) -> phaseTriadRange(a, b, d, s, from, to));
  }

  /** {@code a[i] = b[i] + s·c[i]}. */
  static void triad(double[] a, double[] b, double[] c, double s) {
    triad(a, b, c, s, 1);
  }

  /** {@link #triad(double[], double[], double[], double)} split over {@code parts} threads. */
  static void triad(double[] a, double[] b, double[] c, double s, int parts) {
    checkLengths(a.length, b.length, c.length);
    PhaseKernelAccess.inParts(a.length, parts, (from, to) -> triadRange(a, b, c, s, from, to));
  }

  private static void phaseTriadRange(double[] a, double[] b, double[] d, double s, int from, int to) {
    for (int i = from; i < to; i++) {
      double x = d[i];
      a[i] = a[i] + s * x;
      b[i] = b[i] - s * x;
    }
  }

  private static void triadRange(double[] a, double[] b, double[] c, double s, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = b[i] + s * c[i];
    }
  }

  private static void checkLengths(int a, int b, int c) {
    if (a != b || b != c) {
      throw new IllegalArgumentException("arrays differ in length: " + a + ", " + b + ", " + c);
    }
  }
}
