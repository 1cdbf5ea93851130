package io.github.qrerank.quantum;

/**
 * The basis states of n qubits with exactly k set (Hamming weight k), indexed 0 .. C(n,k)−1 by the
 * combinatorial number system: the state whose set qubits are {@code c_1 < c_2 < ... < c_k} has rank
 * {@code C(c_1,1) + C(c_2,2) + ... + C(c_k,k)}. Ranks follow the numeric order of the bit masks
 * (colexicographic order of the subsets), so walking ranks upward visits the weight-k states in the
 * same order as a full state vector does.
 *
 * <p>The masks of all ranks are tabulated (8 bytes per state) for O(1) unranking; ranking costs O(k).
 * Immutable and thread-safe.
 */
public final class WeightSubspace {
  /** Largest number of qubits (masks are non-negative {@code long}s). */
  public static final int MAX_QUBITS = 62;
  /** Largest dimension C(n,k), the same amplitude budget as the full engine. */
  public static final int MAX_DIMENSION = 1 << StateVector.MAX_QUBITS;

  private static final long[][] BINOMIAL = binomialTable();

  private final int numQubits;
  private final int weight;
  private final long[] masks;

  private WeightSubspace(int numQubits, int weight, long[] masks) {
    this.numQubits = numQubits;
    this.weight = weight;
    this.masks = masks;
  }

  /** The subspace of {@code n}-qubit states with exactly {@code k} qubits set. */
  public static WeightSubspace of(int n, int k) {
    if (n < 1 || n > MAX_QUBITS) {
      throw new IllegalArgumentException("n must be in [1, " + MAX_QUBITS + "]: " + n);
    }
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("k must be in [0, n=" + n + "]: " + k);
    }
    long dimension = binomial(n, k);
    if (dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "the subspace dimension C(" + n + "," + k + ") = " + dimension + " exceeds " + MAX_DIMENSION);
    }
    long[] masks = new long[(int) dimension];
    long mask = k == 0 ? 0 : (1L << k) - 1;
    masks[0] = mask;
    for (int r = 1; r < masks.length; r++) {
      mask = nextSameWeight(mask);
      masks[r] = mask;
    }
    return new WeightSubspace(n, k, masks);
  }

  /**
   * The next larger integer with the same number of set bits (for x > 0): the lowest block of ones
   * that can move moves its top bit up by one and the rest of the block drops to the bottom.
   */
  private static long nextSameWeight(long x) {
    long lowest = x & -x;
    long ripple = x + lowest;
    long ones = ((ripple ^ x) >>> 2) / lowest;
    return ripple | ones;
  }

  /** C(n, k) for 0 ≤ n ≤ 63 (0 when k < 0 or k > n). */
  public static long binomial(int n, int k) {
    if (n < 0 || n >= BINOMIAL.length) {
      throw new IllegalArgumentException("n must be in [0, " + (BINOMIAL.length - 1) + "]: " + n);
    }
    return k < 0 || k > n ? 0 : BINOMIAL[n][k];
  }

  private static long[][] binomialTable() {
    // Square, so C(n, k) = 0 for k > n can be read directly while ranking.
    long[][] c = new long[MAX_QUBITS + 2][MAX_QUBITS + 2];
    for (int n = 0; n < c.length; n++) {
      c[n][0] = 1;
      c[n][n] = 1;
      for (int k = 1; k < n; k++) {
        c[n][k] = c[n - 1][k - 1] + c[n - 1][k];
      }
    }
    return c;
  }

  public int numQubits() {
    return numQubits;
  }

  /** k, the number of set qubits in every state. */
  public int weight() {
    return weight;
  }

  /** C(n, k). */
  public int dimension() {
    return masks.length;
  }

  /** The bit mask (bit q = qubit q) of the state of this rank. */
  public long mask(int rank) {
    return masks[checkRank(rank)];
  }

  /** The set qubits of the state of this rank, ascending. */
  public int[] members(int rank) {
    long m = mask(rank);
    int[] out = new int[weight];
    for (int i = 0; i < weight; i++) {
      out[i] = Long.numberOfTrailingZeros(m);
      m &= m - 1;
    }
    return out;
  }

  /** The rank of a mask with exactly k of the n low bits set. */
  public int rank(long mask) {
    if (mask < 0 || (mask >>> numQubits) != 0 || Long.bitCount(mask) != weight) {
      throw new IllegalArgumentException(
          "mask must have exactly " + weight + " of the low " + numQubits + " bits set: "
              + Long.toBinaryString(mask));
    }
    return rankUnchecked(mask);
  }

  private int rankUnchecked(long mask) {
    long r = 0;
    int m = 1;
    for (long rest = mask; rest != 0; rest &= rest - 1, m++) {
      r += BINOMIAL[Long.numberOfTrailingZeros(rest)][m];
    }
    return (int) r;
  }

  /**
   * The states an XY rotation on qubits (i, j) couples, as interleaved rank pairs
   * {@code (a_0, b_0, a_1, b_1, ...)}: state a has qubit i set and j clear, b is a with the two
   * swapped. Every other state has i and j equal and is left alone by the rotation. Length
   * {@code 2·C(n−2, k−1)}; the a are ascending.
   */
  public int[] couplingPairs(int i, int j) {
    checkQubit(i, "i");
    checkQubit(j, "j");
    if (i == j) {
      throw new IllegalArgumentException("i and j must differ: both " + i);
    }
    long iBit = 1L << i;
    long jBit = 1L << j;
    long count = weight == 0 ? 0 : binomial(numQubits - 2, weight - 1);
    int[] pairs = new int[(int) (2 * count)];
    int at = 0;
    for (int r = 0; r < masks.length; r++) {
      long m = masks[r];
      if ((m & iBit) != 0 && (m & jBit) == 0) {
        pairs[at++] = r;
        pairs[at++] = rankUnchecked(m ^ iBit ^ jBit);
      }
    }
    if (at != pairs.length) {
      throw new AssertionError("coupling count " + at / 2 + " != C(n-2,k-1) = " + count);
    }
    return pairs;
  }

  private void checkQubit(int q, String name) {
    if (q < 0 || q >= numQubits) {
      throw new IllegalArgumentException(name + " must be a qubit in [0, " + numQubits + "): " + q);
    }
  }

  private int checkRank(int rank) {
    if (rank < 0 || rank >= masks.length) {
      throw new IllegalArgumentException("rank must be in [0, " + masks.length + "): " + rank);
    }
    return rank;
  }

  @Override
  public String toString() {
    return "WeightSubspace[n=" + numQubits + ", k=" + weight + ", dimension=" + masks.length + "]";
  }
}
