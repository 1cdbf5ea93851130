package io.github.qrerank.quantum;

/**
 * The loops behind {@link StateVector}'s single-qubit gates, over split re/im arrays of length
 * 2^n. No objects are created per amplitude. A gate on qubit q pairs index i (bit q clear) with
 * {@code j = i + 2^q}; for q ≥ {@link #NESTED_MIN_QUBIT} the pairs are walked as blocks of
 * {@code 2^q} consecutive indices (two sequential streams per array). For lower qubits those blocks
 * are too short: states of at least 3 qubits are walked in blocks of {@link #LOW_BLOCK} amplitudes
 * with the block's four pairs (or eight diagonal factors) unrolled, and smaller states use one flat
 * loop over the pair number {@code p} that inserts a zero bit at q.
 *
 * <p>C2 (JDK 17) does not vectorise the pair loops: their two indices into one array differ by a
 * loop-invariant stride, which its SuperWord pass cannot prove independent (measured: the same
 * speed with {@code -XX:-UseSuperWord}), so h and rx run as scalar code, about 3x a vectorised
 * streaming pass while the state is in cache. Diagonal runs (rz, phase on q ≥ 3) use one index
 * per array and are vectorised. Two-qubit gates are in {@link PairKernels}.
 */
final class GateKernels {
  /** Lowest target qubit whose gate uses the nested block loop (blocks of at least 8). */
  static final int NESTED_MIN_QUBIT = 3;

  /** Block of amplitudes the low-qubit (q < {@link #NESTED_MIN_QUBIT}) kernels unroll. */
  static final int LOW_BLOCK = 8;

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
    } else if (re.length >= LOW_BLOCK) {
      realLow(re, im, q, a, b, c, d);
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

  private static void realLow(double[] re, double[] im, int q, double a, double b, double c, double d) {
    int s = 1 << q;
    // The four pairs of each block of 8 amplitudes start at o0..o3 (bit q clear); see lowOffset.
    int o0 = lowOffset(0, q), o1 = lowOffset(1, q), o2 = lowOffset(2, q), o3 = lowOffset(3, q);
    for (int x = 0, size = re.length; x < size; x += 8) {
      realPair(re, im, x + o0, x + o0 + s, a, b, c, d);
      realPair(re, im, x + o1, x + o1 + s, a, b, c, d);
      realPair(re, im, x + o2, x + o2 + s, a, b, c, d);
      realPair(re, im, x + o3, x + o3 + s, a, b, c, d);
    }
  }

  private static void realFlat(double[] re, double[] im, int q, double a, double b, double c, double d) {
    int stride = 1 << q;
    for (int p = 0, pairs = re.length >>> 1; p < pairs; p++) {
      realPair(re, im, insertZero(p, q), insertZero(p, q) + stride, a, b, c, d);
    }
  }

  private static void realPair(double[] re, double[] im, int i, int j, double a, double b, double c, double d) {
    double ar = re[i], ai = im[i], br = re[j], bi = im[j];
    re[i] = a * ar + b * br;
    im[i] = a * ai + b * bi;
    re[j] = c * ar + d * br;
    im[j] = c * ai + d * bi;
  }

  /**
   * Offset within a block of {@link #LOW_BLOCK} amplitudes of the p-th (p < 4) index with bit q
   * clear, for q < 3: the low-qubit kernels of states of at least 3 qubits walk the state in such
   * blocks with the four pairs unrolled, instead of inserting a zero bit per pair (measured about
   * 1.3x faster at 18 qubits: h 0.21 -> 0.17 ms); smaller states keep the flat loop.
   */
  static int lowOffset(int p, int q) {
    return insertZero(p, q);
  }

  /**
   * rx-shaped matrix [[c, −is], [−is, c]] on qubit q: (a, b) <- (c a − i s b, c b − i s a). Four
   * multiplications per output instead of the general kernel's eight.
   */
  static void rx(double[] re, double[] im, int q, double c, double s) {
    if (q >= NESTED_MIN_QUBIT) {
      rxNested(re, im, q, c, s);
    } else if (re.length >= LOW_BLOCK) {
      rxLow(re, im, q, c, s);
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

  private static void rxLow(double[] re, double[] im, int q, double c, double s) {
    int st = 1 << q;
    int o0 = lowOffset(0, q), o1 = lowOffset(1, q), o2 = lowOffset(2, q), o3 = lowOffset(3, q);
    for (int x = 0, size = re.length; x < size; x += 8) {
      rxPair(re, im, x + o0, x + o0 + st, c, s);
      rxPair(re, im, x + o1, x + o1 + st, c, s);
      rxPair(re, im, x + o2, x + o2 + st, c, s);
      rxPair(re, im, x + o3, x + o3 + st, c, s);
    }
  }

  private static void rxFlat(double[] re, double[] im, int q, double c, double s) {
    int stride = 1 << q;
    for (int p = 0, pairs = re.length >>> 1; p < pairs; p++) {
      int i = insertZero(p, q);
      rxPair(re, im, i, i + stride, c, s);
    }
  }

  private static void rxPair(double[] re, double[] im, int i, int j, double c, double s) {
    double ar = re[i], ai = im[i], br = re[j], bi = im[j];
    re[i] = c * ar + s * bi;
    im[i] = c * ai - s * br;
    re[j] = c * br + s * ai;
    im[j] = c * bi - s * ar;
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
    } else if (re.length >= LOW_BLOCK) {
      diagonalLow(re, im, q, u0r, u0i, u1r, u1i);
    } else {
      diagonalFlat(re, im, q, touchZero, u0r, u0i, u1r, u1i);
    }
  }

  /**
   * Diagonal on qubit q < 3 of a state of at least 3 qubits: each block of 8 amplitudes gets the
   * same 8 factors (factor of offset t is u1 when bit q of t is set), held in locals.
   */
  private static void diagonalLow(double[] re, double[] im, int q,
      double u0r, double u0i, double u1r, double u1i) {
    double r0 = factor(0, q, u0r, u1r), i0 = factor(0, q, u0i, u1i);
    double r1 = factor(1, q, u0r, u1r), i1 = factor(1, q, u0i, u1i);
    double r2 = factor(2, q, u0r, u1r), i2 = factor(2, q, u0i, u1i);
    double r3 = factor(3, q, u0r, u1r), i3 = factor(3, q, u0i, u1i);
    double r4 = factor(4, q, u0r, u1r), i4 = factor(4, q, u0i, u1i);
    double r5 = factor(5, q, u0r, u1r), i5 = factor(5, q, u0i, u1i);
    double r6 = factor(6, q, u0r, u1r), i6 = factor(6, q, u0i, u1i);
    double r7 = factor(7, q, u0r, u1r), i7 = factor(7, q, u0i, u1i);
    for (int x = 0, size = re.length; x < size; x += LOW_BLOCK) {
      multiplyOne(re, im, x, r0, i0);
      multiplyOne(re, im, x + 1, r1, i1);
      multiplyOne(re, im, x + 2, r2, i2);
      multiplyOne(re, im, x + 3, r3, i3);
      multiplyOne(re, im, x + 4, r4, i4);
      multiplyOne(re, im, x + 5, r5, i5);
      multiplyOne(re, im, x + 6, r6, i6);
      multiplyOne(re, im, x + 7, r7, i7);
    }
  }

  private static double factor(int t, int q, double zero, double one) {
    return ((t >>> q) & 1) == 0 ? zero : one;
  }

  private static void multiplyOne(double[] re, double[] im, int x, double ur, double ui) {
    double ar = re[x], ai = im[x];
    re[x] = ur * ar - ui * ai;
    im[x] = ur * ai + ui * ar;
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
