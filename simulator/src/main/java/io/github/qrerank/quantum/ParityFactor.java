package io.github.qrerank.quantum;

/**
 * A diagonal factor that depends on the basis index x only through one or two parities {@code p_i
 * = popcount(x & mask_i) mod 2}: the factor is {@code (re[k], im[k])} with {@code k = p0} for one
 * parity or {@code k = p0 + 2·p1} for two. rz, phase and z on a qubit and rzz on a pair, also
 * after cx gates have turned the qubits' values into parities of the original index, are
 * one-parity factors; cz is the one two-parity factor. A product state's amplitude is a product of
 * one-parity factors with single-bit masks.
 *
 * @param mask0 bits of the first parity (not 0)
 * @param mask1 bits of the second parity, 0 for a one-parity factor
 * @param re real parts, 2 or 4 entries
 * @param im imaginary parts, as many
 */
record ParityFactor(int mask0, int mask1, double[] re, double[] im) {
  ParityFactor {
    int entries = mask1 == 0 ? 2 : 4;
    if (mask0 == 0 || re.length != entries || im.length != entries) {
      throw new IllegalArgumentException(
          "a parity factor needs a non-zero first mask and " + entries + " entries");
    }
  }

  /** The one-parity factor diag(f0, f1) on parity(x & mask). */
  static ParityFactor of(int mask, double f0r, double f0i, double f1r, double f1i) {
    return new ParityFactor(mask, 0, new double[] {f0r, f1r}, new double[] {f0i, f1i});
  }

  /** Index into the factor's entries for parities (p0, p1). */
  int index(int p0, int p1) {
    return mask1 == 0 ? p0 : p0 + 2 * p1;
  }

  /** This factor times another of the same masks. */
  ParityFactor times(ParityFactor other) {
    if (other.mask0 != mask0 || other.mask1 != mask1) {
      throw new IllegalArgumentException("factors on different parities");
    }
    double[] r = new double[re.length];
    double[] i = new double[re.length];
    for (int k = 0; k < re.length; k++) {
      r[k] = re[k] * other.re[k] - im[k] * other.im[k];
      i[k] = re[k] * other.im[k] + im[k] * other.re[k];
    }
    return new ParityFactor(mask0, mask1, r, i);
  }

  static int parity(int x) {
    return Integer.bitCount(x) & 1;
  }
}
