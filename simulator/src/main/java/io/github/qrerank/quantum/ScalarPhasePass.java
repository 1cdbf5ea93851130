package io.github.qrerank.quantum;

import static io.github.qrerank.quantum.PhaseMath.C0;
import static io.github.qrerank.quantum.PhaseMath.C1;
import static io.github.qrerank.quantum.PhaseMath.C2;
import static io.github.qrerank.quantum.PhaseMath.C3;
import static io.github.qrerank.quantum.PhaseMath.C4;
import static io.github.qrerank.quantum.PhaseMath.C5;
import static io.github.qrerank.quantum.PhaseMath.C6;
import static io.github.qrerank.quantum.PhaseMath.HALF_PI_1;
import static io.github.qrerank.quantum.PhaseMath.HALF_PI_2;
import static io.github.qrerank.quantum.PhaseMath.ROUND_MAGIC;
import static io.github.qrerank.quantum.PhaseMath.S0;
import static io.github.qrerank.quantum.PhaseMath.S1;
import static io.github.qrerank.quantum.PhaseMath.S2;
import static io.github.qrerank.quantum.PhaseMath.S3;
import static io.github.qrerank.quantum.PhaseMath.S4;
import static io.github.qrerank.quantum.PhaseMath.S5;
import static io.github.qrerank.quantum.PhaseMath.TWO_OVER_PI;

/**
 * The phase pass in plain Java, always available: the steps of {@link PhaseMath} as separate
 * loops over chunks of {@value #CHUNK} entries in scratch arrays, each small enough for C2's
 * SuperWord auto-vectoriser (JDK 17), which also turns {@link Math#fma} into vector FMA. One loop
 * per step because SuperWord gives up on long loop bodies and, in the reduction, on mixing offset
 * and plain indices (the final rotation is the exception: indexing the state at an offset measured
 * faster than copying the chunk in and out). Chunks of 256 measured faster than 128, 512 or 1024
 * (2^22 amplitudes, AVX-512): the four scratch arrays then stay in the 32 KiB L1 cache next to the
 * streamed state. Still compute-bound: about 3-4 ns per amplitude at 2^22 to 2^26 amplitudes (one
 * thread, JDK 17, AVX-512), against about 1.2 ns for the {@code VectorPhasePass} register loop and
 * 0.8 ns for a streaming pass over the same bytes (BENCHMARKS.md, section 5).
 */
final class ScalarPhasePass implements PhasePass {
  static final ScalarPhasePass INSTANCE = new ScalarPhasePass();
  static final int CHUNK = 256;

  private ScalarPhasePass() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void apply(double[] re, double[] im, double[] d, double gamma, int from, int to) {
    int chunk = Math.min(CHUNK, to - from);
    double[] h = new double[chunk];
    double[] q = new double[chunk];
    double[] sin = new double[chunk];
    double[] cos = new double[chunk];
    for (int start = from; start < to; start += chunk) {
      int len = Math.min(chunk, to - start);
      System.arraycopy(d, start, h, 0, len);
      reduce(h, q, len, gamma);
      sinCos(h, sin, cos, len);
      quadrant(q, sin, cos, len);
      rotate(re, im, start, cos, sin, len);
    }
  }

  /** h[k] <- γ h[k] − q[k]·π/2 with q[k] <- round(γ h[k]·2/π). */
  private static void reduce(double[] h, double[] q, int len, double gamma) {
    for (int k = 0; k < len; k++) {
      double t = gamma * h[k];
      double n = Math.fma(t, TWO_OVER_PI, ROUND_MAGIC) - ROUND_MAGIC;
      q[k] = n;
      h[k] = Math.fma(n, -HALF_PI_2, Math.fma(n, -HALF_PI_1, t));
    }
  }

  private static void sinCos(double[] h, double[] sin, double[] cos, int len) {
    for (int k = 0; k < len; k++) {
      double x = h[k];
      double z = x * x;
      double p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(z, S5, S4), z, S3), z, S2), z, S1), z, S0);
      sin[k] = Math.fma(x * z, p, x);
      double c =
          Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(z, C6, C5), z, C4), z, C3), z, C2), z, C1), z, C0);
      cos[k] = Math.fma(z, c, 1.0);
    }
  }

  /** (sin h, cos h) -> (sin, cos) of h + q·π/2: selections and sign changes only. */
  private static void quadrant(double[] q, double[] sin, double[] cos, int len) {
    for (int k = 0; k < len; k++) {
      double n = q[k];
      double m = n - 4 * ((n * 0.25 + ROUND_MAGIC) - ROUND_MAGIC);
      double am = Math.abs(m);
      double cq = 1 - am;
      double sq = m * (2 - am);
      double s = sin[k];
      double c = cos[k];
      cos[k] = cq * c - sq * s;
      sin[k] = sq * c + cq * s;
    }
  }

  /** (re + i im)[start + k] <- (re + i im)[start + k] · (cos[k] − i sin[k]). */
  private static void rotate(double[] re, double[] im, int start, double[] cos, double[] sin, int len) {
    for (int k = 0; k < len; k++) {
      int x = start + k;
      double a = re[x];
      double b = im[x];
      double c = cos[k];
      double s = sin[k];
      re[x] = Math.fma(a, c, b * s);
      im[x] = Math.fma(b, c, -(a * s));
    }
  }
}
