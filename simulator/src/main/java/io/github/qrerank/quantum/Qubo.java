package io.github.qrerank.quantum;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A quadratic unconstrained binary optimisation problem: minimise {@code E(y) = Σ_i a_i y_i +
 * Σ_{i<j} b_ij y_i y_j + c} over {@code y ∈ {0,1}^n}, the BINARY form of a D-Wave binary quadratic
 * model. Variables carry labels (unique strings) for export ({@link BqmJson}). Immutable; built
 * with {@link Builder}.
 */
public final class Qubo {
  private final String[] labels;
  private final double[] linear;

  /** b_ij for i < j at i*n + j; zero elsewhere. */
  private final double[] quadratic;

  private final double offset;

  private Qubo(String[] labels, double[] linear, double[] quadratic, double offset) {
    this.labels = labels;
    this.linear = linear;
    this.quadratic = quadratic;
    this.offset = offset;
  }

  /** Accumulates biases; every add is summed into what is already there. */
  public static final class Builder {
    private final String[] labels;
    private final double[] linear;
    private final double[] quadratic;
    private double offset;

    /** A builder over variables with these labels (unique, non-empty), all biases zero. */
    public Builder(String... labels) {
      Set<String> seen = new HashSet<>();
      for (String l : labels) {
        if (l == null || l.isEmpty() || !seen.add(l)) {
          throw new IllegalArgumentException("labels must be unique and non-empty: " + l);
        }
      }
      this.labels = labels.clone();
      this.linear = new double[labels.length];
      this.quadratic = new double[labels.length * labels.length];
    }

    public Builder addLinear(int i, double bias) {
      linear[check(i)] += finite(bias);
      return this;
    }

    /** Adds {@code bias · y_i y_j}; for i = j this is linear, since y² = y. */
    public Builder addQuadratic(int i, int j, double bias) {
      check(i);
      check(j);
      finite(bias);
      if (i == j) {
        linear[i] += bias;
      } else {
        quadratic[Math.min(i, j) * labels.length + Math.max(i, j)] += bias;
      }
      return this;
    }

    public Builder addOffset(double value) {
      offset += finite(value);
      return this;
    }

    /**
     * Adds {@code weight · (Σ_t coefficients[t]·y_{variables[t]} + constant)²}, expanded with
     * {@code y² = y}; the variables must be distinct.
     */
    public Builder addSquare(
        int[] variables, double[] coefficients, double constant, double weight) {
      if (variables.length != coefficients.length) {
        throw new IllegalArgumentException("one coefficient per variable");
      }
      if (Arrays.stream(variables).distinct().count() != variables.length) {
        throw new IllegalArgumentException(
            "variables must be distinct: " + Arrays.toString(variables));
      }
      for (int s = 0; s < variables.length; s++) {
        double a = coefficients[s];
        addLinear(variables[s], weight * (a * a + 2 * a * constant));
        for (int t = s + 1; t < variables.length; t++) {
          addQuadratic(variables[s], variables[t], weight * 2 * a * coefficients[t]);
        }
      }
      return addOffset(weight * constant * constant);
    }

    public Qubo build() {
      return new Qubo(labels.clone(), linear.clone(), quadratic.clone(), offset);
    }

    private int check(int i) {
      if (i < 0 || i >= labels.length) {
        throw new IllegalArgumentException("variable must be in [0, " + labels.length + "): " + i);
      }
      return i;
    }

    private static double finite(double x) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("bias must be finite: " + x);
      }
      return x;
    }
  }

  /** Number of variables. */
  public int size() {
    return labels.length;
  }

  public String label(int i) {
    return labels[i];
  }

  /** Index of the variable with this label, or −1. */
  public int indexOf(String label) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].equals(label)) {
        return i;
      }
    }
    return -1;
  }

  public double linear(int i) {
    return linear[i];
  }

  /** b_ij (symmetric in i, j; 0 for i = j). */
  public double quadratic(int i, int j) {
    return i == j ? 0 : quadratic[Math.min(i, j) * labels.length + Math.max(i, j)];
  }

  public double offset() {
    return offset;
  }

  /** Number of pairs with a non-zero quadratic bias. */
  public int interactionCount() {
    int c = 0;
    for (double b : quadratic) {
      if (b != 0) {
        c++;
      }
    }
    return c;
  }

  /** The largest |bias| over linear and quadratic biases (offset excluded). */
  public double maxAbsBias() {
    double m = 0;
    for (double a : linear) {
      m = Math.max(m, Math.abs(a));
    }
    for (double b : quadratic) {
      m = Math.max(m, Math.abs(b));
    }
    return m;
  }

  /** E(y) for {@code y[i] ∈ {0,1}} given as booleans. */
  public double energy(boolean[] y) {
    if (y.length != labels.length) {
      throw new IllegalArgumentException("need " + labels.length + " values, got " + y.length);
    }
    int n = labels.length;
    double e = offset;
    for (int i = 0; i < n; i++) {
      if (y[i]) {
        e += linear[i];
        for (int j = i + 1; j < n; j++) {
          if (y[j]) {
            e += quadratic[i * n + j];
          }
        }
      }
    }
    return e;
  }

  /** E(y) with variable i taken from bit i of {@code bits} (at most 63 variables). */
  public double energy(long bits) {
    if (labels.length > 63 || bits < 0 || (bits >>> labels.length) != 0) {
      throw new IllegalArgumentException(
          "bits must only use the low " + labels.length + " bits (at most 63 variables)");
    }
    boolean[] y = new boolean[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (bits >>> i & 1) != 0;
    }
    return energy(y);
  }

  /**
   * The same energy in spins {@code s_i = 2y_i − 1 ∈ {−1, +1}} (dimod's SPIN convention): {@code E
   * = Σ h_i s_i + Σ_{i<j} J_ij s_i s_j + offset}, from {@code y = (1 + s)/2}.
   */
  public Ising toIsing() {
    int n = labels.length;
    double[] h = new double[n];
    double[] j = new double[n * n];
    double off = offset;
    for (int i = 0; i < n; i++) {
      h[i] += linear[i] / 2;
      off += linear[i] / 2;
      for (int k = i + 1; k < n; k++) {
        double b = quadratic[i * n + k];
        if (b != 0) {
          j[i * n + k] = b / 4;
          h[i] += b / 4;
          h[k] += b / 4;
          off += b / 4;
        }
      }
    }
    return new Ising(labels.clone(), h, j, off);
  }

  /**
   * The energy as a {@link ZPolynomial} over qubits 0 .. n−1 (variable i on qubit i, {@code y_i =
   * (1 − Z_i)/2}), so that {@code zPolynomial().energy(bits) == energy(bits)}; at most {@value
   * WeightSubspace#MAX_QUBITS} variables.
   */
  public ZPolynomial toZPolynomial() {
    int n = labels.length;
    ZPolynomial.Builder b = new ZPolynomial.Builder(n).add(0, offset);
    for (int i = 0; i < n; i++) {
      b.addProductOfBits(1L << i, linear[i]);
      for (int k = i + 1; k < n; k++) {
        double q = quadratic[i * n + k];
        if (q != 0) {
          b.addProductOfBits((1L << i) | (1L << k), q);
        }
      }
    }
    return b.build();
  }

  /** The Ising form of a {@link Qubo}: spins s ∈ {−1, +1}, h, J (i < j) and offset. */
  public static final class Ising {
    private final String[] labels;
    private final double[] h;
    private final double[] j;
    private final double offset;

    private Ising(String[] labels, double[] h, double[] j, double offset) {
      this.labels = labels;
      this.h = h;
      this.j = j;
      this.offset = offset;
    }

    public int size() {
      return labels.length;
    }

    public String label(int i) {
      return labels[i];
    }

    public double h(int i) {
      return h[i];
    }

    /** J_ij (symmetric; 0 for i = j). */
    public double j(int a, int b) {
      return a == b ? 0 : j[Math.min(a, b) * labels.length + Math.max(a, b)];
    }

    public double offset() {
      return offset;
    }

    /** E(s) for spins given as +1 / −1. */
    public double energy(int[] spins) {
      if (spins.length != labels.length) {
        throw new IllegalArgumentException("need " + labels.length + " spins, got " + spins.length);
      }
      int n = labels.length;
      double e = offset;
      for (int a = 0; a < n; a++) {
        if (spins[a] != 1 && spins[a] != -1) {
          throw new IllegalArgumentException("spins must be +1 or -1: " + spins[a]);
        }
        e += h[a] * spins[a];
        for (int b = a + 1; b < n; b++) {
          e += j[a * n + b] * spins[a] * spins[b];
        }
      }
      return e;
    }
  }
}
