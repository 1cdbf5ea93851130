package io.github.qrerank.quantum;

/**
 * The loops behind {@link StateVector}'s single-qubit gates, over split re/im arrays of length
 * 2^n. No objects are created per amplitude. A gate on qubit q pairs index i (bit q clear) with
 * {@code j = i + 2^q}; for q ≥ {@link #NESTED_MIN_QUBIT} the pairs are walked as blocks of
 * {@code 2^q} consecutive indices (two sequential streams per array, long enough for the loop to
 * stream), for lower qubits those blocks are too short and one flat loop over the pair number
 * {@code p} inserts a zero bit at q instead (measured faster there). Two-qubit gates are in {@link
 * PairKernels}.
 */
final class GateKernels {
  /** Lowest target qubit whose gate uses the nested block loop (blocks of at least 8). */
  static final int NESTED_MIN_QUBIT = 3;

  private GateKernels() {}

  /** Index p with a zero bit inserted at position {@code bit}. */
  static int insertZero(int p, int bit) {
    int low = p & ((1 << bit) - 1);
    return low | ((p ^ low) << 1);
  }

  /**
   * General 2x2 complex matrix [[m00, m01], [m10, m11]] on qubit q: (a, b) <- (m00 a + m01 b,
   * m10 a + m11 b) with a the amplitude with bit q clear. {@code m} holds (re, im) of m00, m01,
   * m10, m11.
   */
  static void unitary(double[] re, double[] im, int q, double[] m) {
    if (q >= NESTED_MIN_QUBIT) {
      unitaryNested(re, im, q, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
    } else {
      unitaryFlat(re, im, q, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
    }
  }

  // Each loop shape is its own method: sharing one method, C2 compiled the shape that ran first
  // well and the other about 2x slower (measured).

  private static void unitaryNested(double[] re, double[] im, int q,
      double m00r, double m00i, double m01r, double m01i,
      double m10r, double m10i, double m11r, double m11i) {
    int stride = 1 << q;
    int size = re.length;
    for (int base = 0; base < size; base += stride << 1) {
      for (int i = base, end = base + stride; i < end; i++) {
        int j = i + stride;
        double ar = re[i], ai = im[i], br = re[j], bi = im[j];
        re[i] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
        im[i] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
        re[j] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
        im[j] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
      }
    }
  }

  private static void unitaryFlat(double[] re, double[] im, int q,
      double m00r, double m00i, double m01r, double m01i,
      double m10r, double m10i, double m11r, double m11i) {
    int stride = 1 << q;
    for (int p = 0, pairs = re.length >>> 1; p < pairs; p++) {
      int i = insertZero(p, q);
      int j = i + stride;
      double ar = re[i], ai = im[i], br = re[j], bi = im[j];
      re[i] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
      im[i] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
      re[j] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
      im[j] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
    }
  }

  /** Real 2x2 matrix [[a, b], [c, d]] on qubit q (h, x, ry): half the multiplications. */
  static void real(double[] re, double[] im, int q, double a, double b, double c, double d) {
    if (q >= NESTED_MIN_QUBIT) {
      realNested(re, im, q, a, b, c, d);
    } else {
      realFlat(re, im, q, a, b, c, d);
    }
  }

  private static void realNested(double[] re, double[] im, int q, double a, double b, double c, double d) {
    int stride = 1 << q;
    int size = re.length;
    for (int base = 0; base < size; base += stride << 1) {
      for (int i = base, end = base + stride; i < end; i++) {
        int j = i + stride;
        double ar = re[i], ai = im[i], br = re[j], bi = im[j];
        re[i] = a * ar + b * br;
        im[i] = a * ai + b * bi;
        re[j] = c * ar + d * br;
        im[j] = c * ai + d * bi;
      }
    }
  }

  private static void realFlat(double[] re, double[] im, int q, double a, double b, double c, double d) {
    int stride = 1 << q;
    for (int p = 0, pairs = re.length >>> 1; p < pairs; p++) {
      int i = insertZero(p, q);
      int j = i + stride;
      double ar = re[i], ai = im[i], br = re[j], bi = im[j];
      re[i] = a * ar + b * br;
      im[i] = a * ai + b * bi;
      re[j] = c * ar + d * br;
      im[j] = c * ai + d * bi;
    }
  }

  /**
   * rx-shaped matrix [[c, −is], [−is, c]] on qubit q: (a, b) <- (c a − i s b, c b − i s a). Four
   * multiplications per output instead of the general kernel's eight.
   */
  static void rx(double[] re, double[] im, int q, double c, double s) {
    if (q >= NESTED_MIN_QUBIT) {
      rxNested(re, im, q, c, s);
    } else {
      rxFlat(re, im, q, c, s);
    }
  }

  private static void rxNested(double[] re, double[] im, int q, double c, double s) {
    int stride = 1 << q;
    int size = re.length;
    for (int base = 0; base < size; base += stride << 1) {
      for (int i = base, end = base + stride; i < end; i++) {
        int j = i + stride;
        double ar = re[i], ai = im[i], br = re[j], bi = im[j];
        re[i] = c * ar + s * bi;
        im[i] = c * ai - s * br;
        re[j] = c * br + s * ai;
        im[j] = c * bi - s * ar;
      }
    }
  }

  private static void rxFlat(double[] re, double[] im, int q, double c, double s) {
    int stride = 1 << q;
    for (int p = 0, pairs = re.length >>> 1; p < pairs; p++) {
      int i = insertZero(p, q);
      int j = i + stride;
      double ar = re[i], ai = im[i], br = re[j], bi = im[j];
      re[i] = c * ar + s * bi;
      im[i] = c * ai - s * br;
      re[j] = c * br + s * ai;
      im[j] = c * bi - s * ar;
    }
  }

  /**
   * Diagonal diag(u0, u1) on qubit q (z, rz, phase). When u0 = 1 only the half with bit q set is
   * touched.
   */
  static void diagonal(double[] re, double[] im, int q, double u0r, double u0i, double u1r, double u1i) {
    boolean touchZero = u0r != 1 || u0i != 0;
    if (q >= NESTED_MIN_QUBIT) {
      int stride = 1 << q;
      for (int base = 0; base < re.length; base += stride << 1) {
        if (touchZero) {
          multiplyRange(re, im, base, base + stride, u0r, u0i);
        }
        multiplyRange(re, im, base + stride, base + (stride << 1), u1r, u1i);
      }
    } else {
      diagonalFlat(re, im, q, touchZero, u0r, u0i, u1r, u1i);
    }
  }

  private static void diagonalFlat(double[] re, double[] im, int q, boolean touchZero,
      double u0r, double u0i, double u1r, double u1i) {
    int stride = 1 << q;
    for (int p = 0, pairs = re.length >>> 1; p < pairs; p++) {
      int i = insertZero(p, q);
      int j = i + stride;
      if (touchZero) {
        double ar = re[i], ai = im[i];
        re[i] = u0r * ar - u0i * ai;
        im[i] = u0r * ai + u0i * ar;
      }
      double br = re[j], bi = im[j];
      re[j] = u1r * br - u1i * bi;
      im[j] = u1r * bi + u1i * br;
    }
  }

  /** Length of the factor patterns of {@link #multiplyPeriodic} (used by {@link PairKernels}). */
  static final int PATTERN = 64;

  /**
   * Multiplies amplitudes [from, to) by the pattern (pr + i pi) repeated from {@code from}; the range
   * is either shorter than {@link #PATTERN} or a multiple of it.
   */
  static void multiplyPeriodic(double[] re, double[] im, int from, int to, double[] pr, double[] pi) {
    for (int base = from; base < to; base += PATTERN) {
      int len = Math.min(PATTERN, to - base);
      for (int k = 0; k < len; k++) {
        int x = base + k;
        double ar = re[x], ai = im[x];
        re[x] = pr[k] * ar - pi[k] * ai;
        im[x] = pr[k] * ai + pi[k] * ar;
      }
    }
  }

  static void multiplyRange(double[] re, double[] im, int from, int to, double ur, double ui) {
    for (int i = from; i < to; i++) {
      double ar = re[i], ai = im[i];
      re[i] = ur * ar - ui * ai;
      im[i] = ur * ai + ui * ar;
    }
  }
}
