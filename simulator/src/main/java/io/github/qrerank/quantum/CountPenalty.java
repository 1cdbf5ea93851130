package io.github.qrerank.quantum;

import java.util.Arrays;

/**
 * A penalty that depends only on how many qubits of a set are 1: {@code g(t)} with t the count of
 * set qubits among {@link #members()}. Two shapes encode the problem's constraints exactly on the
 * weight-w states of the subspace engine (value 0 on every allowed count, a positive integer on
 * every forbidden one, and of the lowest polynomial degree in t that can do so):
 *
 * <ul>
 *   <li>{@link #atMost}: "at most m of the set" (a cap group), {@code g(t) = C(t, m+1)}: the number
 *       of (m+1)-subsets of the set that are all 1. Zero for t ≤ m and at least t − m above. As a
 *       polynomial in bits it is {@code Σ_{|S|=m+1} Π_{q∈S} x_q}, degree m+1 (pairs for m = 1).
 *   <li>{@link #atLeast}: "at least m of the set" when no state can have more than {@code T} of its
 *       members set (T = min(w, set size) in the weight-w subspace), {@code g(t) = C(T − t, T − m +
 *       1)}: zero for m ≤ t ≤ T, at least m − t below. A function of t vanishing on the T − m + 1
 *       allowed counts cannot have lower degree. Its values for t > T are those of the polynomial
 *       (not a penalty); such counts do not occur in the subspace.
 * </ul>
 *
 * <p>Internally g is held by its Newton coefficients {@code a_j = Δ^j g(0)}, so {@code g(t) = Σ_j
 * a_j C(t, j)} and, as a polynomial in bits, {@code g = Σ_j a_j Σ_{|S|=j} Π_{q∈S} x_q}. Immutable.
 */
public final class CountPenalty {
  private final int[] members;
  private final long mask;
  private final double[] newton;

  /** g(t) for t = 0 .. members.length. */
  private final double[] table;

  private CountPenalty(int[] members, double[] newton) {
    this.members = members;
    long m = 0;
    for (int q : members) {
      if (q < 0 || q >= WeightSubspace.MAX_QUBITS || (m & (1L << q)) != 0) {
        throw new IllegalArgumentException(
            "members must be distinct qubits: " + Arrays.toString(members));
      }
      m |= 1L << q;
    }
    this.mask = m;
    this.newton = newton;
    this.table = new double[members.length + 1];
    for (int t = 0; t < table.length; t++) {
      table[t] = evaluate(t);
    }
  }

  /** "At most {@code max} of {@code members} set": {@code g(t) = C(t, max+1)}. */
  public static CountPenalty atMost(int[] members, int max) {
    if (max < 0 || max >= members.length) {
      throw new IllegalArgumentException(
          "max must be in [0, " + members.length + ") for a set of " + members.length + ": " + max);
    }
    double[] a = new double[max + 2];
    a[max + 1] = 1;
    return new CountPenalty(members.clone(), a);
  }

  /**
   * "At least {@code min} of {@code members} set" when at most {@code reach} of them can be set:
   * {@code g(t) = C(reach − t, reach − min + 1)}.
   */
  public static CountPenalty atLeast(int[] members, int min, int reach) {
    if (reach < 1 || reach > members.length) {
      throw new IllegalArgumentException("reach must be in [1, " + members.length + "]: " + reach);
    }
    if (min < 1 || min > reach) {
      throw new IllegalArgumentException("min must be in [1, reach=" + reach + "]: " + min);
    }
    int degree = reach - min + 1;
    double[] values = new double[degree + 1];
    for (int t = 0; t <= degree; t++) {
      values[t] = binomial(reach - t, degree);
    }
    return new CountPenalty(members.clone(), forwardDifferences(values));
  }

  /** {@code Δ^j g(0)} for j = 0 .. values.length − 1, from g(0), g(1), .... */
  private static double[] forwardDifferences(double[] values) {
    double[] d = values.clone();
    double[] a = new double[d.length];
    for (int j = 0; j < d.length; j++) {
      a[j] = d[0];
      for (int i = 0; i + 1 < d.length - j; i++) {
        d[i] = d[i + 1] - d[i];
      }
    }
    return a;
  }

  /** C(n, k) as a double, 0 when k < 0 or n < k (n ≥ 0). */
  static double binomial(int n, int k) {
    if (k < 0 || n < k) {
      return 0;
    }
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return Math.rint(c);
  }

  /** The qubits counted, in the order given. */
  public int[] members() {
    return members.clone();
  }

  /** The members as a bit mask. */
  public long mask() {
    return mask;
  }

  /** Polynomial degree in the bits (and in t). */
  public int degree() {
    int d = newton.length - 1;
    while (d > 0 && newton[d] == 0) {
      d--;
    }
    return d;
  }

  /** g(t) for a count t in [0, members]. */
  public double value(int t) {
    if (t < 0 || t >= table.length) {
      throw new IllegalArgumentException("count must be in [0, " + members.length + "]: " + t);
    }
    return table[t];
  }

  private double evaluate(int t) {
    double g = 0;
    for (int j = 0; j < newton.length; j++) {
      g += newton[j] * binomial(t, j);
    }
    return g;
  }

  /** g of the members set in {@code bits}. */
  public double valueOf(long bits) {
    return table[Long.bitCount(bits & mask)];
  }

  /**
   * Number of Z terms {@link #addTo} creates: every subset of the members of size 1 .. degree, plus
   * the constant.
   */
  public long zTermCount() {
    long count = 0;
    for (int l = 0; l <= degree(); l++) {
      count += (long) binomial(members.length, l);
    }
    return count;
  }

  /**
   * Adds {@code weight · g} to {@code builder} in Z form. With {@code x_q = (1 − Z_q)/2}, the
   * monomial sum {@code Σ_{|S|=j} Π_S x} gives every U ⊆ members of size l ≤ j the coefficient
   * {@code 2^{−j} (−1)^l C(s − l, j − l)} (s = set size, the number of S ⊇ U), so each term of size
   * l gets {@code Σ_j a_j 2^{−j} (−1)^l C(s − l, j − l)}.
   */
  public void addTo(ZPolynomial.Builder builder, double weight) {
    int s = members.length;
    int degree = degree();
    for (int l = 0; l <= degree; l++) {
      double c = 0;
      for (int j = l; j <= degree; j++) {
        c += newton[j] * binomial(s - l, j - l) / (1L << j);
      }
      if ((l & 1) == 1) {
        c = -c;
      }
      if (c != 0) {
        addSubsets(builder, l, weight * c);
      }
    }
  }

  /** Adds {@code coefficient · Z_U} for every subset U of the members with {@code size} qubits. */
  private void addSubsets(ZPolynomial.Builder builder, int size, double coefficient) {
    int s = members.length;
    int[] pick = new int[size];
    for (int i = 0; i < size; i++) {
      pick[i] = i;
    }
    while (true) {
      long m = 0;
      for (int i : pick) {
        m |= 1L << members[i];
      }
      builder.add(m, coefficient);
      int i = size - 1;
      while (i >= 0 && pick[i] == s - size + i) {
        i--;
      }
      if (i < 0) {
        return;
      }
      pick[i]++;
      for (int j = i + 1; j < size; j++) {
        pick[j] = pick[j - 1] + 1;
      }
    }
  }

  @Override
  public String toString() {
    return "CountPenalty[members=" + Arrays.toString(members) + ", degree=" + degree() + "]";
  }
}
