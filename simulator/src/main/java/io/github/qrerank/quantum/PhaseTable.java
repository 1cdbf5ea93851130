package io.github.qrerank.quantum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Many diagonal gates applied in one pass: the product of {@link ParityFactor}s, tabulated over
 * blocks of bits so that the pass does two complex multiplications per amplitude and no sin or cos.
 *
 * <p><b>Tables.</b> The basis index x splits into its low {@code L} bits (L = min(n, {@link
 * #LOW_BITS})) and its high bits h = x >>> L. A factor whose masks have no low bit depends on h
 * alone and goes into the high table (2^(n−L) entries). Every other factor goes into the low table:
 * a parity whose mask also has high bits is the low bits' parity XOR the parity of h under the
 * high part, one <i>selector</i> bit per distinct high part; the low table holds one block of 2^L
 * entries per value of the selector bits (at most {@link #MAX_SELECTORS} of them, 2^4 blocks). The
 * pass multiplies amplitude x by low[sel(h), x mod 2^L]·high[h]. A ring of rzz gates, for
 * instance, has two pairs crossing bit L (one being the pair (n−1, 0)) and so two selectors. When
 * the factors need more selectors they are spread over several passes.
 *
 * <p><b>Cost.</b> The pass runs over runs of 2^L consecutive amplitudes, two complex
 * multiplications each, whatever the number of factors. Building the tables costs about
 * (factors)·2^L complex multiplications, with 2^L = 1024 small against the 2^n amplitudes of the
 * states where speed matters.
 *
 * <p>In <i>write</i> mode the pass sets each amplitude to its factor instead of multiplying it: the
 * start of a circuit run from |0...0>, whose first single-qubit gates make a product state (itself
 * a product of one-bit factors) that the diagonal gates after them multiply.
 */
final class PhaseTable implements CircuitPass {
  /** Bits of the index covered by the low table (its blocks have 2^LOW_BITS entries). */
  static final int LOW_BITS = 10;

  /** Most selector bits one table takes (2^MAX_SELECTORS blocks of 2^LOW_BITS entries). */
  static final int MAX_SELECTORS = 4;

  private final boolean write;
  private final int lowBits;
  /** The low table: block sel (one per value of the selector bits) has 2^lowBits entries. */
  private final double[][] lowRe;
  private final double[][] lowIm;
  private final double[] highRe;
  private final double[] highIm;
  /** Per high index h, the selector bits' value: the low block its run uses. */
  private final int[] blockOf;
  private final int factorCount;

  private PhaseTable(
      int numQubits, int lowBits, List<ParityFactor> low, List<Integer> selectors,
      List<ParityFactor> high, boolean write) {
    this.write = write;
    this.lowBits = lowBits;
    this.factorCount = low.size() + high.size();
    int run = 1 << lowBits;
    int blocks = 1 << selectors.size();
    // Factors without selectors are the same in every block: tabulate them once, then copy.
    double[] commonRe = new double[run];
    double[] commonIm = new double[run];
    fillOnes(commonRe, commonIm);
    List<ParityFactor> selected = new ArrayList<>();
    for (ParityFactor f : low) {
      if ((f.mask0() >>> lowBits) == 0 && (f.mask1() >>> lowBits) == 0) {
        multiplyLow(commonRe, commonIm, lowBits, f, selectors, 0);
      } else {
        selected.add(f);
      }
    }
    lowRe = new double[blocks][];
    lowIm = new double[blocks][];
    for (int sel = 0; sel < blocks; sel++) {
      lowRe[sel] = commonRe.clone();
      lowIm[sel] = commonIm.clone();
      for (ParityFactor f : selected) {
        multiplyLow(lowRe[sel], lowIm[sel], lowBits, f, selectors, sel);
      }
    }
    int highSize = 1 << (numQubits - lowBits);
    highRe = new double[highSize];
    highIm = new double[highSize];
    fillOnes(highRe, highIm);
    for (ParityFactor f : high) {
      multiply(highRe, highIm, f, f.mask0() >>> lowBits, 0, f.mask1() >>> lowBits, 0);
    }
    blockOf = new int[highSize];
    for (int h = 0; h < highSize; h++) {
      int sel = 0;
      for (int j = 0; j < selectors.size(); j++) {
        sel |= ParityFactor.parity(h & selectors.get(j)) << j;
      }
      blockOf[h] = sel;
    }
  }

  /**
   * The passes applying the product of {@code factors} to a state of {@code numQubits} qubits: one
   * table, or several when the factors need more than {@link #MAX_SELECTORS} selector bits. With
   * {@code write}, the first pass sets the amplitudes (see the class documentation) and the others
   * multiply.
   */
  static List<CircuitPass> passes(int numQubits, List<ParityFactor> factors, boolean write) {
    int lowBits = Math.min(numQubits, LOW_BITS);
    List<ParityFactor> high = new ArrayList<>();
    List<List<ParityFactor>> lowGroups = new ArrayList<>();
    List<List<Integer>> selectorGroups = new ArrayList<>();
    lowGroups.add(new ArrayList<>());
    selectorGroups.add(new ArrayList<>());
    int lowMask = (1 << lowBits) - 1;
    for (ParityFactor f : factors) {
      if ((f.mask0() & lowMask) == 0 && (f.mask1() & lowMask) == 0) {
        high.add(f);
        continue;
      }
      List<Integer> needed = new ArrayList<>();
      for (int mask : new int[] {f.mask0(), f.mask1()}) {
        int hi = mask >>> lowBits;
        if (hi != 0 && !needed.contains(hi)) {
          needed.add(hi);
        }
      }
      List<Integer> current = selectorGroups.get(selectorGroups.size() - 1);
      List<Integer> union = new ArrayList<>(current);
      for (int hi : needed) {
        if (!union.contains(hi)) {
          union.add(hi);
        }
      }
      if (union.size() > MAX_SELECTORS) {
        lowGroups.add(new ArrayList<>());
        selectorGroups.add(new ArrayList<>(needed));
      } else {
        current.clear();
        current.addAll(union);
      }
      lowGroups.get(lowGroups.size() - 1).add(f);
    }
    List<CircuitPass> out = new ArrayList<>();
    for (int g = 0; g < lowGroups.size(); g++) {
      out.add(
          new PhaseTable(
              numQubits, lowBits, lowGroups.get(g), selectorGroups.get(g),
              g == 0 ? high : List.of(), write && g == 0));
    }
    return out;
  }

  private static void fillOnes(double[] re, double[] im) {
    Arrays.fill(re, 1);
    Arrays.fill(im, 0);
  }

  /**
   * Multiplies a low-table block by factor f, entry k standing for low bits k and selector bits
   * {@code sel}: a mask's parity is that of k under its low bits, flipped by the selector of its
   * high part when it has one.
   */
  private static void multiplyLow(
      double[] tr, double[] ti, int lowBits, ParityFactor f, List<Integer> selectors, int sel) {
    int lowMask = (1 << lowBits) - 1;
    multiply(
        tr, ti, f,
        f.mask0() & lowMask, selectorBit(f.mask0() >>> lowBits, selectors, sel),
        f.mask1() & lowMask, selectorBit(f.mask1() >>> lowBits, selectors, sel));
  }

  private static int selectorBit(int highPart, List<Integer> selectors, int sel) {
    return highPart == 0 ? 0 : (sel >>> selectors.indexOf(highPart)) & 1;
  }

  /**
   * Multiplies every entry k of a table by f's entry for the parities (parity(k & m0) ^ flip0,
   * parity(k & m1) ^ flip1).
   */
  private static void multiply(
      double[] tr, double[] ti, ParityFactor f, int m0, int flip0, int m1, int flip1) {
    double[] fr = f.re();
    double[] fi = f.im();
    for (int k = 0; k < tr.length; k++) {
      int e = f.index(ParityFactor.parity(k & m0) ^ flip0, ParityFactor.parity(k & m1) ^ flip1);
      double r = tr[k];
      double i = ti[k];
      tr[k] = r * fr[e] - i * fi[e];
      ti[k] = r * fi[e] + i * fr[e];
    }
  }

  @Override
  public void apply(double[] re, double[] im) {
    int run = 1 << lowBits;
    for (int h = 0; h < highRe.length; h++) {
      int sel = blockOf[h];
      if (write) {
        writeRun(re, im, h * run, lowRe[sel], lowIm[sel], highRe[h], highIm[h]);
      } else {
        multiplyRun(re, im, h * run, lowRe[sel], lowIm[sel], highRe[h], highIm[h]);
      }
    }
  }

  // C2 (JDK 17) does not vectorise these loops (the table and the amplitudes are indexed from
  // different offsets; measured the same with -XX:-UseSuperWord): at 18 qubits the multiplying
  // pass takes about 0.26 ms and the writing pass 0.2 ms, one h gate's pass 0.15 ms.

  private static void multiplyRun(
      double[] re, double[] im, int base, double[] lr, double[] li, double hr, double hi) {
    for (int k = 0; k < lr.length; k++) {
      double fr = lr[k] * hr - li[k] * hi;
      double fi = lr[k] * hi + li[k] * hr;
      double ar = re[base + k];
      double ai = im[base + k];
      re[base + k] = ar * fr - ai * fi;
      im[base + k] = ar * fi + ai * fr;
    }
  }

  private static void writeRun(
      double[] re, double[] im, int base, double[] lr, double[] li, double hr, double hi) {
    for (int k = 0; k < lr.length; k++) {
      re[base + k] = lr[k] * hr - li[k] * hi;
      im[base + k] = lr[k] * hi + li[k] * hr;
    }
  }

  @Override
  public String describe() {
    return (write ? "product state times diagonal" : "diagonal")
        + " of " + factorCount + " factors (" + lowRe.length + " low blocks)";
  }
}
