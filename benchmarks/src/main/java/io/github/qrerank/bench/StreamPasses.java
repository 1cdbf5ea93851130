package io.github.qrerank.bench;

/**
 * STREAM-style reference passes (McCalpin's STREAM triad {@code a[i] = b[i] + s·c[i]}, one thread)
 * that move exactly the bytes an engine pass moves, so that the engine's time over theirs is its
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
    checkLengths(a.length, b.length, d.length);
    for (int i = 0; i < a.length; i++) {
      double x = d[i];
      a[i] = a[i] + s * x;
      b[i] = b[i] - s * x;
    }
  }

  /** {@code a[i] = b[i] + s·c[i]}. */
  static void triad(double[] a, double[] b, double[] c, double s) {
    checkLengths(a.length, b.length, c.length);
    for (int i = 0; i < a.length; i++) {
      a[i] = b[i] + s * c[i];
    }
  }

  private static void checkLengths(int a, int b, int c) {
    if (a != b || b != c) {
      throw new IllegalArgumentException("arrays differ in length: " + a + ", " + b + ", " + c);
    }
  }
}
