package io.github.qrerank.quantum;

/**
 * The loops behind {@link StateVector}'s gates, over split re/im arrays of length 2^n. No objects
 * are created per amplitude. A single-qubit gate on qubit q pairs index i (bit q clear) with
 * {@code j = i + 2^q}; for q ≥ {@link #NESTED_MIN_QUBIT} the pairs are walked as blocks of
 * {@code 2^q} consecutive indices (two sequential streams per array, long enough for the loop to
 * stream), for lower qubits those blocks are too short and one flat loop over the pair number
 * {@code p} inserts a zero bit at q instead. Two-qubit gates walk the quarter of indices with both
 * bits clear the same way (two inserted bits).
 */
final class GateKernels {
  /** Lowest target qubit whose gate uses the nested block loop (blocks of at least 8). */
  static final int NESTED_MIN_QUBIT = 3;

  private GateKernels() {}

  /** Index p with a zero bit inserted at position {@code bit}. */
  private static int insertZero(int p, int bit) {
    int low = p & ((1 << bit) - 1);
    return low | ((p ^ low) << 1);
  }

  /**
   * General 2x2 complex matrix [[m00, m01], [m10, m11]] on qubit q: (a, b) <- (m00 a + m01 b,
   * m10 a + m11 b) with a the amplitude with bit q clear.
   */
  static void unitary(double[] re, double[] im, int q, double[] m) {
    double m00r = m[0], m00i = m[1], m01r = m[2], m01i = m[3];
    double m10r = m[4], m10i = m[5], m11r = m[6], m11i = m[7];
    int stride = 1 << q;
    int size = re.length;
    if (q >= NESTED_MIN_QUBIT) {
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
    } else {
      for (int p = 0, pairs = size >>> 1; p < pairs; p++) {
        int i = insertZero(p, q);
        int j = i + stride;
        double ar = re[i], ai = im[i], br = re[j], bi = im[j];
        re[i] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
        im[i] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
        re[j] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
        im[j] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
      }
    }
  }

  /** Real 2x2 matrix [[a, b], [c, d]] on qubit q (h, x, ry): half the multiplications. */
  static void real(double[] re, double[] im, int q, double a, double b, double c, double d) {
    int stride = 1 << q;
    int size = re.length;
    if (q >= NESTED_MIN_QUBIT) {
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
    } else {
      for (int p = 0, pairs = size >>> 1; p < pairs; p++) {
        int i = insertZero(p, q);
        int j = i + stride;
        double ar = re[i], ai = im[i], br = re[j], bi = im[j];
        re[i] = a * ar + b * br;
        im[i] = a * ai + b * bi;
        re[j] = c * ar + d * br;
        im[j] = c * ai + d * bi;
      }
    }
  }

  /**
   * Diagonal diag(u0, u1) on qubit q (z, rz, phase). When u0 = 1 only the half with bit q set is
   * touched.
   */
  static void diagonal(double[] re, double[] im, int q, double u0r, double u0i, double u1r, double u1i) {
    int stride = 1 << q;
    int size = re.length;
    boolean touchZero = u0r != 1 || u0i != 0;
    if (q >= NESTED_MIN_QUBIT) {
      for (int base = 0; base < size; base += stride << 1) {
        if (touchZero) {
          multiplyRange(re, im, base, base + stride, u0r, u0i);
        }
        multiplyRange(re, im, base + stride, base + (stride << 1), u1r, u1i);
      }
    } else {
      for (int p = 0, pairs = size >>> 1; p < pairs; p++) {
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
  }

  private static void multiplyRange(double[] re, double[] im, int from, int to, double ur, double ui) {
    for (int i = from; i < to; i++) {
      double ar = re[i], ai = im[i];
      re[i] = ur * ar - ui * ai;
      im[i] = ur * ai + ui * ar;
    }
  }

  /** Index of the p-th basis state with bits lo and hi (lo < hi) clear. */
  private static int insertTwoZeros(int p, int lo, int hi) {
    return insertZero(insertZero(p, lo), hi);
  }

  /** cx: swaps the amplitudes of (control=1, target=0) and (control=1, target=1). */
  static void cx(double[] re, double[] im, int control, int target) {
    int lo = Math.min(control, target), hi = Math.max(control, target);
    int cBit = 1 << control, tBit = 1 << target;
    for (int p = 0, quarter = re.length >>> 2; p < quarter; p++) {
      int i = insertTwoZeros(p, lo, hi) | cBit;
      int j = i | tBit;
      double r = re[i];
      re[i] = re[j];
      re[j] = r;
      double m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }

  /** cz: negates the amplitudes with both bits set. */
  static void cz(double[] re, double[] im, int a, int b) {
    int lo = Math.min(a, b), hi = Math.max(a, b);
    int both = (1 << a) | (1 << b);
    for (int p = 0, quarter = re.length >>> 2; p < quarter; p++) {
      int i = insertTwoZeros(p, lo, hi) | both;
      re[i] = -re[i];
      im[i] = -im[i];
    }
  }

  /**
   * rzz(θ) = exp(-iθ Z⊗Z/2): multiplies by e^{-iθ/2} when bits a and b are equal, e^{+iθ/2} when
   * they differ. One branch-free pass: the sign of the imaginary part is 2·parity − 1.
   */
  static void rzz(double[] re, double[] im, int a, int b, double theta) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    for (int x = 0; x < re.length; x++) {
      double si = s * ((((x >>> a) ^ (x >>> b)) & 1) * 2 - 1);
      double ar = re[x], ai = im[x];
      re[x] = c * ar - si * ai;
      im[x] = c * ai + si * ar;
    }
  }

  /**
   * XY rotation on the pair (|a=1,b=0>, |a=0,b=1>): (u, v) <- (cos(θ/2) u − i sin(θ/2) v,
   * cos(θ/2) v − i sin(θ/2) u); states with a = b are untouched.
   */
  static void xy(double[] re, double[] im, int a, int b, double theta) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    int lo = Math.min(a, b), hi = Math.max(a, b);
    int aBit = 1 << a, bBit = 1 << b;
    for (int p = 0, quarter = re.length >>> 2; p < quarter; p++) {
      int base = insertTwoZeros(p, lo, hi);
      int i = base | aBit;
      int j = base | bBit;
      double ur = re[i], ui = im[i], vr = re[j], vi = im[j];
      re[i] = c * ur + s * vi;
      im[i] = c * ui - s * vr;
      re[j] = c * vr + s * ui;
      im[j] = c * vi - s * ur;
    }
  }

  /** The same rotation on explicit index pairs (pairs[m], pairs[m+1]) for even m in [from, to). */
  static void xyPairs(double[] re, double[] im, int[] pairs, int from, int to, double c, double s) {
    for (int m = from; m < to; m += 2) {
      int i = pairs[m];
      int j = pairs[m + 1];
      double ur = re[i], ui = im[i], vr = re[j], vi = im[j];
      re[i] = c * ur + s * vi;
      im[i] = c * ui - s * vr;
      re[j] = c * vr + s * ui;
      im[j] = c * vi - s * ur;
    }
  }
}
