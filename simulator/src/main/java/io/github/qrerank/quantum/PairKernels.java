package io.github.qrerank.quantum;

/**
 * The loops behind {@link StateVector}'s two-qubit gates on qubits (a, b), lo = min, hi = max. The
 * four amplitudes a gate mixes sit at {@code i}, {@code i + 2^lo}, {@code i + 2^hi} and
 * {@code i + 2^lo + 2^hi} for i with both bits clear. When lo ≥ {@link
 * GateKernels#NESTED_MIN_QUBIT} those i come in runs of {@code 2^lo} consecutive indices and each
 * kernel streams over the runs; below that, one flat loop over the quarter index inserts two zero
 * bits. Each shape is its own method (see {@link GateKernels}).
 */
final class PairKernels {
  private PairKernels() {}

  private static boolean runs(int lo) {
    return lo >= GateKernels.NESTED_MIN_QUBIT;
  }

  /** Index of the p-th basis state with bits lo and hi (lo < hi) clear. */
  private static int insertTwoZeros(int p, int lo, int hi) {
    return GateKernels.insertZero(GateKernels.insertZero(p, lo), hi);
  }

  // ------------------------------------------------------------------------------------ cx

  /** cx: swaps the amplitudes of (control=1, target=0) and (control=1, target=1). */
  static void cx(double[] re, double[] im, int control, int target) {
    int lo = Math.min(control, target), hi = Math.max(control, target);
    int from = 1 << control;
    int to = from | (1 << target);
    if ((1 << lo) >= COPY_SWAP_MIN) {
      int loStride = 1 << lo, hiStride = 1 << hi;
      double[] tmp = new double[Math.min(SWAP_CHUNK, loStride)];
      for (int block = 0; block < re.length; block += hiStride << 1) {
        for (int run = block, end = block + hiStride; run < end; run += loStride << 1) {
          copySwap(re, run + from, run + to, loStride, tmp);
          copySwap(im, run + from, run + to, loStride, tmp);
        }
      }
    } else if (runs(lo)) {
      int loStride = 1 << lo, hiStride = 1 << hi;
      for (int block = 0; block < re.length; block += hiStride << 1) {
        for (int run = block, end = block + hiStride; run < end; run += loStride << 1) {
          swapRange(re, im, run + from, run + to, loStride);
        }
      }
    } else {
      cxFlat(re, im, lo, hi, from, to);
    }
  }

  /**
   * Runs at least this long are swapped with {@link System#arraycopy} through a scratch buffer: the
   * copies are vectorised intrinsics, while C2 does not vectorise an element loop whose two indices
   * differ by a loop-invariant stride. Measured at 18 qubits: cx 0.077 -> 0.045 ms with runs of
   * 512, 0.09 -> 0.07 ms with runs of 64; runs of 16 and 32 were slower copied (call overhead), so
   * they keep the element loop.
   */
  static final int COPY_SWAP_MIN = 64;

  /** Scratch length for the copy swap (16 KiB, fits in L1 with the two runs). */
  private static final int SWAP_CHUNK = 2048;

  private static void swapRange(double[] re, double[] im, int i0, int j0, int len) {
    for (int k = 0; k < len; k++) {
      int i = i0 + k, j = j0 + k;
      double r = re[i];
      re[i] = re[j];
      re[j] = r;
      double m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }

  private static void copySwap(double[] a, int i0, int j0, int len, double[] tmp) {
    for (int done = 0; done < len; done += tmp.length) {
      int n = Math.min(tmp.length, len - done);
      System.arraycopy(a, i0 + done, tmp, 0, n);
      System.arraycopy(a, j0 + done, a, i0 + done, n);
      System.arraycopy(tmp, 0, a, j0 + done, n);
    }
  }

  private static void cxFlat(double[] re, double[] im, int lo, int hi, int from, int to) {
    for (int p = 0, quarter = re.length >>> 2; p < quarter; p++) {
      int base = insertTwoZeros(p, lo, hi);
      int i = base | from, j = base | to;
      double r = re[i];
      re[i] = re[j];
      re[j] = r;
      double m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }

  // ------------------------------------------------------------------------------------ cz

  /** cz: negates the amplitudes with both bits set. */
  static void cz(double[] re, double[] im, int a, int b) {
    int lo = Math.min(a, b), hi = Math.max(a, b);
    int both = (1 << a) | (1 << b);
    if (runs(lo)) {
      int loStride = 1 << lo, hiStride = 1 << hi;
      for (int block = 0; block < re.length; block += hiStride << 1) {
        for (int run = block, end = block + hiStride; run < end; run += loStride << 1) {
          GateKernels.multiplyRange(re, im, run + both, run + both + loStride, -1, 0);
        }
      }
    } else {
      for (int p = 0, quarter = re.length >>> 2; p < quarter; p++) {
        int i = insertTwoZeros(p, lo, hi) | both;
        re[i] = -re[i];
        im[i] = -im[i];
      }
    }
  }

  // ----------------------------------------------------------------------------------- rzz

  /**
   * rzz(θ) = exp(−iθ Z⊗Z/2): multiplies by e^{−iθ/2} when bits a and b are equal, e^{+iθ/2} when
   * they differ.
   */
  static void rzz(double[] re, double[] im, int a, int b, double theta) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    int lo = Math.min(a, b), hi = Math.max(a, b);
    if (runs(lo)) {
      int loStride = 1 << lo, hiStride = 1 << hi;
      for (int block = 0; block < re.length; block += hiStride << 1) {
        for (int run = block, end = block + hiStride; run < end; run += loStride << 1) {
          GateKernels.multiplyRange(re, im, run, run + loStride, c, -s);
          GateKernels.multiplyRange(re, im, run + loStride, run + 2 * loStride, c, s);
          int up = run + hiStride;
          GateKernels.multiplyRange(re, im, up, up + loStride, c, s);
          GateKernels.multiplyRange(re, im, up + loStride, up + 2 * loStride, c, -s);
        }
      }
    } else {
      rzzLow(re, im, lo, hi, c, s);
    }
  }

  /**
   * rzz with lo below the run threshold: the factor depends on bit lo with period 2^(lo+1) ≤ 8,
   * flipped where bit hi is set. For hi below log2(PATTERN) one pattern covers both bits; otherwise
   * each run of 2^hi indices with constant bit hi gets the lo pattern or its swap.
   */
  private static void rzzLow(double[] re, double[] im, int lo, int hi, double c, double s) {
    int p = GateKernels.PATTERN;
    double[] pr = new double[p];
    double[] pi = new double[p];
    double[] swappedPi = new double[p];
    for (int k = 0; k < p; k++) {
      int parity = ((k >>> lo) ^ (k >>> hi)) & 1;
      pr[k] = c;
      pi[k] = parity == 0 ? -s : s;
      swappedPi[k] = ((k >>> lo) & 1) == 0 ? s : -s;
    }
    if ((1 << hi) < p) {
      GateKernels.multiplyPeriodic(re, im, 0, re.length, pr, pi);
      return;
    }
    // Here bit hi of k is 0, so pi is the pattern for runs with bit hi clear.
    int run = 1 << hi;
    for (int base = 0; base < re.length; base += run << 1) {
      GateKernels.multiplyPeriodic(re, im, base, base + run, pr, pi);
      GateKernels.multiplyPeriodic(re, im, base + run, base + (run << 1), pr, swappedPi);
    }
  }

  // ------------------------------------------------------------------------------------ xy

  /**
   * XY rotation on the pair (|a=1,b=0>, |a=0,b=1>): (u, v) <- (cos(θ/2) u − i sin(θ/2) v,
   * cos(θ/2) v − i sin(θ/2) u); states with a = b are untouched.
   */
  static void xy(double[] re, double[] im, int a, int b, double theta) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    int lo = Math.min(a, b), hi = Math.max(a, b);
    int aBit = 1 << a, bBit = 1 << b;
    if (runs(lo)) {
      int loStride = 1 << lo, hiStride = 1 << hi;
      for (int block = 0; block < re.length; block += hiStride << 1) {
        for (int run = block, end = block + hiStride; run < end; run += loStride << 1) {
          rotateRanges(re, im, run + aBit, run + bBit, loStride, c, s);
        }
      }
    } else {
      for (int p = 0, quarter = re.length >>> 2; p < quarter; p++) {
        int base = insertTwoZeros(p, lo, hi);
        rotatePair(re, im, base | aBit, base | bBit, c, s);
      }
    }
  }

  private static void rotateRanges(double[] re, double[] im, int i0, int j0, int len, double c, double s) {
    for (int k = 0; k < len; k++) {
      int i = i0 + k, j = j0 + k;
      double ur = re[i], ui = im[i], vr = re[j], vi = im[j];
      re[i] = c * ur + s * vi;
      im[i] = c * ui - s * vr;
      re[j] = c * vr + s * ui;
      im[j] = c * vi - s * ur;
    }
  }

  private static void rotatePair(double[] re, double[] im, int i, int j, double c, double s) {
    double ur = re[i], ui = im[i], vr = re[j], vi = im[j];
    re[i] = c * ur + s * vi;
    im[i] = c * ui - s * vr;
    re[j] = c * vr + s * ui;
    im[j] = c * vi - s * ur;
  }

  /**
   * The same rotation on explicit index pairs (pairs[m], pairs[m+1]) for even m in [from, to): the
   * subspace engine's XY mixer, with c = cos(θ/2), s = sin(θ/2).
   */
  static void xyPairs(double[] re, double[] im, int[] pairs, int from, int to, double c, double s) {
    for (int m = from; m < to; m += 2) {
      rotatePair(re, im, pairs[m], pairs[m + 1], c, s);
    }
  }

  // ----------------------------------------------------------------------------------- cry

  /**
   * Controlled ry(θ): on the states with the control bit set, (u, v) = (target 0, target 1) <-
   * (cos(θ/2) u − sin(θ/2) v, sin(θ/2) u + cos(θ/2) v). A plain loop: used for state preparation
   * and circuit checks, not in QAOA layers.
   */
  static void cry(double[] re, double[] im, int control, int target, double theta) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    int lo = Math.min(control, target), hi = Math.max(control, target);
    int ctrl = 1 << control, tgt = 1 << target;
    for (int p = 0, quarter = re.length >>> 2; p < quarter; p++) {
      int i = insertTwoZeros(p, lo, hi) | ctrl;
      int j = i | tgt;
      double ur = re[i], ui = im[i], vr = re[j], vi = im[j];
      re[i] = c * ur - s * vr;
      im[i] = c * ui - s * vi;
      re[j] = s * ur + c * vr;
      im[j] = s * ui + c * vi;
    }
  }
}
