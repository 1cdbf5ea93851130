package io.github.qrerank.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * The XY mixer of constraint-preserving QAOA on a {@link WeightSubspace}: the ordered product
 * {@code xy(i_m, j_m, θ) ... xy(i_1, j_1, θ)} over a list of qubit pairs, applied first pair first.
 * The XY rotations of pairs sharing a qubit do not commute, so the order is part of the mixer; the
 * full engine reproduces it by calling {@link StateVector#xy} on {@link #pairs()} in order.
 *
 * <p>For every pair the ranks the rotation couples are tabulated once ({@link
 * WeightSubspace#couplingPairs}): a layer is then one gather/scatter pass over {@code 2·C(n−2,k−1)}
 * amplitudes per pair, with no ranking at run time. The tables take {@link #tableBytes()} bytes: 4.9
 * MB for the ring at n=30, k=5, but 71 MB for the complete graph there (435 pairs). Immutable and
 * thread-safe; build one per (n, k, topology) and reuse it.
 */
public final class XYMixer {
  private final WeightSubspace space;
  private final int[][] pairs;
  private final int[] table;
  private final int[] offsets;

  private XYMixer(WeightSubspace space, int[][] pairs) {
    this.space = space;
    this.pairs = pairs;
    this.offsets = new int[pairs.length + 1];
    int[][] perPair = new int[pairs.length][];
    long total = 0;
    for (int m = 0; m < pairs.length; m++) {
      perPair[m] = space.couplingPairs(pairs[m][0], pairs[m][1]);
      total += perPair[m].length;
      if (total > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("XY mixer tables too large for " + space);
      }
    }
    this.table = new int[(int) total];
    for (int m = 0; m < pairs.length; m++) {
      System.arraycopy(perPair[m], 0, table, offsets[m], perPair[m].length);
      offsets[m + 1] = offsets[m] + perPair[m].length;
    }
  }

  /**
   * The ring mixer: pairs (0,1), (1,2), ..., (n−2,n−1), then (n−1,0), in that order. For n = 2 the
   * ring is the single pair (0,1); for n = 1 there is no pair (the mixer is the identity).
   */
  public static XYMixer ring(WeightSubspace space) {
    int n = space.numQubits();
    List<int[]> list = new ArrayList<>();
    for (int i = 0; i + 1 < n; i++) {
      list.add(new int[] {i, i + 1});
    }
    if (n > 2) {
      list.add(new int[] {n - 1, 0});
    }
    return new XYMixer(space, list.toArray(new int[0][]));
  }

  /** The complete-graph mixer: every pair (i, j), i < j, in lexicographic order. */
  public static XYMixer complete(WeightSubspace space) {
    int n = space.numQubits();
    List<int[]> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        list.add(new int[] {i, j});
      }
    }
    return new XYMixer(space, list.toArray(new int[0][]));
  }

  /** A mixer over the given ordered pairs of distinct qubits. */
  public static XYMixer of(WeightSubspace space, int[][] pairs) {
    int[][] copy = new int[pairs.length][];
    for (int m = 0; m < pairs.length; m++) {
      if (pairs[m] == null || pairs[m].length != 2) {
        throw new IllegalArgumentException("pairs[" + m + "] must hold two qubits");
      }
      copy[m] = pairs[m].clone();
    }
    return new XYMixer(space, copy);
  }

  public WeightSubspace space() {
    return space;
  }

  /** The qubit pairs in application order (a copy). */
  public int[][] pairs() {
    int[][] copy = new int[pairs.length][];
    for (int m = 0; m < pairs.length; m++) {
      copy[m] = pairs[m].clone();
    }
    return copy;
  }

  /** Memory held by the coupling tables. */
  public long tableBytes() {
    return 4L * table.length;
  }

  /** Applies every pair's xy(θ) in order to amplitudes indexed by rank. */
  void apply(double[] re, double[] im, double theta) {
    double c = Math.cos(theta / 2);
    double s = Math.sin(theta / 2);
    for (int m = 0; m < pairs.length; m++) {
      PairKernels.xyPairs(re, im, table, offsets[m], offsets[m + 1], c, s);
    }
  }
}
