package io.github.qrerank.quantum;

import java.math.BigDecimal;

/**
 * Applies a diagonal phase {@code a_x <- a_x · exp(-iγ d_x)} to split re/im amplitude arrays: the
 * QAOA cost layer.
 *
 * <p>The cost is dominated by evaluating cos and sin of {@code γ d_x} for every amplitude, not by
 * memory: {@link Math#sin}/{@link Math#cos} cost about 15 ns per amplitude together here, an order
 * of magnitude more than streaming the arrays. The fast path therefore evaluates them with straight
 * line arithmetic that HotSpot's auto-vectoriser turns into SIMD code:
 *
 * <ol>
 *   <li>reduce {@code t = γ d_x} modulo 2π: {@code q = round(t/2π)} (round-to-nearest by adding
 *       and subtracting 1.5·2^52), {@code r = t − q·2π} with 2π split into three parts whose first
 *       two have 25 significant bits, so {@code q·part} is exact for |q| < 2^28 (Cody–Waite);
 *   <li>evaluate sin and cos of {@code h = r/4 ∈ [−π/4, π/4]} with their Taylor polynomials to
 *       degree 17 and 18 (truncation below 1e−19 on that interval);
 *   <li>double the angle twice ({@code cos 2h = (c−s)(c+s)}, {@code sin 2h = 2sc}).
 * </ol>
 *
 * The result agrees with {@code Math.cos/Math.sin} to about 1e−15 (tested). Each step is a separate
 * loop over a chunk of {@value #CHUNK} entries in scratch arrays, all indexed by the loop variable:
 * C2's SuperWord vectoriser only handles small loop bodies, and lost the reduction loop when it
 * mixed offset and plain indices (the final multiply into the state is the exception, measured
 * faster at an offset than with copies). Even so the pass is compute-bound: measured 7-9x the time
 * of a plain read-modify-write pass over the two amplitude arrays (2^22 and 2^24 amplitudes, JDK
 * 17, AVX-512, one thread), against about 30x with {@code Math.sin/Math.cos}. When
 * {@code |γ|·max|d|} exceeds {@link #FAST_LIMIT} the reduction is no longer guaranteed exact and
 * the kernel falls back to {@code Math.cos/Math.sin}.
 */
final class PhaseKernel {
  /** Largest |γ d_x| handled by the fast path (|q| stays far below 2^28). */
  static final double FAST_LIMIT = 1e8;

  private static final int CHUNK = 1024;
  private static final double ROUND_MAGIC = 0x1.8p52;
  private static final double INV_TWO_PI = 1 / (2 * Math.PI);
  private static final double TWO_PI_1;
  private static final double TWO_PI_2;
  private static final double TWO_PI_3;

  static {
    // 2π to 90 digits; split into 25 + 25 + 53 significant bits.
    BigDecimal twoPi =
        new BigDecimal(
            "6.283185307179586476925286766559005768394338798750211641949889184615632812572417997256069650684");
    double p1 = truncate(twoPi.doubleValue());
    BigDecimal rest = twoPi.subtract(new BigDecimal(p1));
    double p2 = truncate(rest.doubleValue());
    rest = rest.subtract(new BigDecimal(p2));
    TWO_PI_1 = p1;
    TWO_PI_2 = p2;
    TWO_PI_3 = rest.doubleValue();
  }

  // Taylor coefficients: sin h = h + h^3 (S3 + h^2 (S5 + ...)), cos h = 1 + h^2 (C2 + h^2 (...)).
  private static final double S3 = -1.0 / 6;
  private static final double S5 = 1.0 / 120;
  private static final double S7 = -1.0 / 5040;
  private static final double S9 = 1.0 / 362880;
  private static final double S11 = -1.0 / 39916800;
  private static final double S13 = 1.0 / 6227020800.0;
  private static final double S15 = -1.0 / 1307674368000.0;
  private static final double S17 = 1.0 / 355687428096000.0;
  private static final double C2 = -1.0 / 2;
  private static final double C4 = 1.0 / 24;
  private static final double C6 = -1.0 / 720;
  private static final double C8 = 1.0 / 40320;
  private static final double C10 = -1.0 / 3628800;
  private static final double C12 = 1.0 / 479001600;
  private static final double C14 = -1.0 / 87178291200.0;
  private static final double C16 = 1.0 / 20922789888000.0;
  private static final double C18 = -1.0 / 6402373705728000.0;

  private PhaseKernel() {}

  private static double truncate(double v) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(v) & ~((1L << 28) - 1));
  }

  /** Multiplies {@code (re[x], im[x])} by {@code exp(-iγ d[x])} for x in [0, size). */
  static void apply(double[] re, double[] im, Diagonal diagonal, double gamma) {
    if (!Double.isFinite(gamma)) {
      throw new IllegalArgumentException("gamma must be finite: " + gamma);
    }
    if (gamma == 0) {
      return;
    }
    double[] d = diagonal.values();
    int size = re.length;
    if (Math.abs(gamma) * diagonal.maxAbs() > FAST_LIMIT) {
      applyExact(re, im, d, gamma);
      return;
    }
    double[] angle = new double[CHUNK];
    double[] sin = new double[CHUNK];
    double[] cos = new double[CHUNK];
    for (int start = 0; start < size; start += CHUNK) {
      int len = Math.min(CHUNK, size - start);
      System.arraycopy(d, start, angle, 0, len);
      reduceToQuarter(angle, len, gamma);
      sinPoly(angle, sin, len);
      cosPoly(angle, cos, len);
      quadrupleAngle(sin, cos, len);
      rotate(re, im, start, cos, sin, len);
    }
  }

  /** Reference path, also used for huge angles: one Math.cos/Math.sin per amplitude. */
  static void applyExact(double[] re, double[] im, double[] d, double gamma) {
    for (int x = 0; x < re.length; x++) {
      double t = gamma * d[x];
      double c = Math.cos(t);
      double s = Math.sin(t);
      double a = re[x];
      double b = im[x];
      re[x] = a * c + b * s;
      im[x] = b * c - a * s;
    }
  }

  /** a[k] <- (γ a[k] reduced to [−π, π]) / 4. */
  private static void reduceToQuarter(double[] a, int len, double gamma) {
    for (int k = 0; k < len; k++) {
      double t = gamma * a[k];
      double q = (t * INV_TWO_PI + ROUND_MAGIC) - ROUND_MAGIC;
      a[k] = (((t - q * TWO_PI_1) - q * TWO_PI_2) - q * TWO_PI_3) * 0.25;
    }
  }

  private static void sinPoly(double[] h, double[] out, int len) {
    for (int k = 0; k < len; k++) {
      double x = h[k];
      double z = x * x;
      out[k] =
          x + x * z * (S3 + z * (S5 + z * (S7 + z * (S9 + z * (S11 + z * (S13 + z * (S15 + z * S17)))))));
    }
  }

  private static void cosPoly(double[] h, double[] out, int len) {
    for (int k = 0; k < len; k++) {
      double x = h[k];
      double z = x * x;
      out[k] =
          1 + z * (C2 + z * (C4 + z * (C6 + z * (C8 + z * (C10 + z * (C12 + z * (C14 + z * (C16 + z * C18))))))));
    }
  }

  /** (sin h, cos h) -> (sin 4h, cos 4h). */
  private static void quadrupleAngle(double[] sin, double[] cos, int len) {
    for (int k = 0; k < len; k++) {
      double s = sin[k];
      double c = cos[k];
      double s2 = 2 * s * c;
      double c2 = (c - s) * (c + s);
      sin[k] = 2 * s2 * c2;
      cos[k] = (c2 - s2) * (c2 + s2);
    }
  }

  /**
   * (re + i im)[start + k] <- (re + i im)[start + k] · (cos[k] − i sin[k]). Indexing the state
   * arrays at an offset here measured faster than copying the chunk in and out.
   */
  private static void rotate(double[] re, double[] im, int start, double[] cos, double[] sin, int len) {
    for (int k = 0; k < len; k++) {
      int x = start + k;
      double a = re[x];
      double b = im[x];
      double c = cos[k];
      double s = sin[k];
      re[x] = a * c + b * s;
      im[x] = b * c - a * s;
    }
  }
}
