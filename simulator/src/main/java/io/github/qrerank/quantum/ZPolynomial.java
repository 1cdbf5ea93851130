package io.github.qrerank.quantum;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A diagonal Hamiltonian written in Pauli Z operators: {@code H = Σ_T c_T Z_T}, where T runs over
 * sets of qubits, {@code Z_T} is the product of Z on the qubits of T and {@code Z_∅ = I} carries
 * the constant. On the basis state x (bit q = qubit q), {@code Z_q} has eigenvalue {@code 1 −
 * 2x_q}, so {@code H|x> = (Σ_T c_T (−1)^{|T ∩ x|}) |x>}. Degree 2 is the Ising form (h on single
 * qubits, J on pairs, the constant as offset); higher degrees come from the exact constraint
 * penalties of {@link Hamiltonian#subspaceCost()}.
 *
 * <p>A term's qubit set is a {@code long} bit mask (at most {@value WeightSubspace#MAX_QUBITS}
 * qubits). Terms are kept sorted by mask, so iteration order (and any circuit written from it) is
 * deterministic. Immutable; built with {@link Builder}.
 */
public final class ZPolynomial {
  private final int numQubits;
  private final long[] masks;
  private final double[] coefficients;

  private ZPolynomial(int numQubits, long[] masks, double[] coefficients) {
    this.numQubits = numQubits;
    this.masks = masks;
    this.coefficients = coefficients;
  }

  /** Collects terms, adding the coefficients of equal qubit sets. */
  public static final class Builder {
    private final int numQubits;
    private final TreeMap<Long, Double> terms = new TreeMap<>();

    public Builder(int numQubits) {
      if (numQubits < 1 || numQubits > WeightSubspace.MAX_QUBITS) {
        throw new IllegalArgumentException(
            "numQubits must be in [1, " + WeightSubspace.MAX_QUBITS + "]: " + numQubits);
      }
      this.numQubits = numQubits;
    }

    /** Adds {@code coefficient · Z_T} for the qubits set in {@code mask} (0: the constant). */
    public Builder add(long mask, double coefficient) {
      if (mask < 0 || (mask >>> numQubits) != 0) {
        throw new IllegalArgumentException(
            "mask has qubits outside [0, " + numQubits + "): " + Long.toBinaryString(mask));
      }
      if (!Double.isFinite(coefficient)) {
        throw new IllegalArgumentException("coefficient must be finite: " + coefficient);
      }
      if (coefficient != 0) {
        terms.merge(mask, coefficient, Double::sum);
      }
      return this;
    }

    /**
     * Adds {@code coefficient · Π_{q∈mask} x_q} with {@code x_q = (1 − Z_q)/2}, expanded into
     * {@code 2^{|mask|}} Z terms.
     */
    public Builder addProductOfBits(long mask, double coefficient) {
      int degree = Long.bitCount(mask);
      double scale = coefficient / (1L << degree);
      for (long sub = mask; ; sub = (sub - 1) & mask) {
        add(sub, (Long.bitCount(sub) & 1) == 0 ? scale : -scale);
        if (sub == 0) {
          break;
        }
      }
      return this;
    }

    /** Drops terms whose coefficient cancelled to exactly zero and freezes the polynomial. */
    public ZPolynomial build() {
      long[] m = new long[terms.size()];
      double[] c = new double[terms.size()];
      int t = 0;
      for (Map.Entry<Long, Double> e : terms.entrySet()) {
        if (e.getValue() != 0) {
          m[t] = e.getKey();
          c[t++] = e.getValue();
        }
      }
      return new ZPolynomial(numQubits, Arrays.copyOf(m, t), Arrays.copyOf(c, t));
    }
  }

  public int numQubits() {
    return numQubits;
  }

  /** Number of terms with a non-zero coefficient, the constant included. */
  public int termCount() {
    return masks.length;
  }

  /** Qubit set of term t (terms ascend by mask; the constant, mask 0, comes first when present). */
  public long mask(int t) {
    return masks[t];
  }

  public double coefficient(int t) {
    return coefficients[t];
  }

  /** Largest number of qubits in one term (0 for a constant). */
  public int degree() {
    int d = 0;
    for (long m : masks) {
      d = Math.max(d, Long.bitCount(m));
    }
    return d;
  }

  /** The coefficient of the constant term (the Ising offset). */
  public double constant() {
    return coefficientOf(0L);
  }

  /** The coefficient of {@code Z_T} for the qubits in {@code mask} (0 when absent). */
  public double coefficientOf(long mask) {
    int i = Arrays.binarySearch(masks, mask);
    return i >= 0 ? coefficients[i] : 0;
  }

  /** The eigenvalue on basis state {@code bits}: {@code Σ_T c_T (−1)^{|T ∩ bits|}}. */
  public double energy(long bits) {
    double e = 0;
    for (int t = 0; t < masks.length; t++) {
      e += (Long.bitCount(masks[t] & bits) & 1) == 0 ? coefficients[t] : -coefficients[t];
    }
    return e;
  }

  @Override
  public String toString() {
    return "ZPolynomial[qubits="
        + numQubits
        + ", terms="
        + masks.length
        + ", degree="
        + degree()
        + "]";
  }
}
