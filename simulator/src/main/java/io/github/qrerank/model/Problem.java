package io.github.qrerank.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The constrained set-selection problem over a window of n documents, independent of Solr.
 *
 * <p>Select S of size k maximising {@code F(S) = sum_{i in S} v_i - lambda * sum_{i<j in S} sim_ij}
 * such that every selected document is eligible and no cap is exceeded; quotas are met where they
 * can be. When no feasible set of size k exists the solvers return the best set of the largest
 * feasible size (see {@link Selection}).
 *
 * <p>Immutable; {@code sim} is held as a flat, symmetric n*n array with a zero diagonal and entries
 * in [0, 1].
 */
public final class Problem {
  private final int n;
  private final int k;
  private final double[] utility;
  private final double[] sim;
  private final double lambda;
  private final boolean[] eligible;
  private final List<Cap> caps;
  private final List<Quota> quotas;

  /**
   * @param utility v_i, finite
   * @param sim flat n*n redundancy matrix, symmetric, entries in [0,1], zero diagonal
   * @param lambda redundancy weight, finite and >= 0
   * @param eligible which documents may be selected
   * @param k how many documents to select, >= 0
   */
  public Problem(
      double[] utility,
      double[] sim,
      double lambda,
      boolean[] eligible,
      List<Cap> caps,
      List<Quota> quotas,
      int k) {
    this.n = utility.length;
    if (sim.length != n * n) {
      throw new IllegalArgumentException("sim must be n*n = " + (n * n) + ", was " + sim.length);
    }
    if (eligible.length != n) {
      throw new IllegalArgumentException("eligible must have n = " + n + " entries");
    }
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be finite and >= 0: " + lambda);
    }
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0: " + k);
    }
    for (double u : utility) {
      if (!Double.isFinite(u)) {
        throw new IllegalArgumentException("utility must be finite: " + u);
      }
    }
    checkSim(sim, n);
    for (Cap c : caps) {
      if (c.size() != n) {
        throw new IllegalArgumentException("cap " + c.field() + " must cover n = " + n);
      }
    }
    for (Quota q : quotas) {
      if (q.size() != n) {
        throw new IllegalArgumentException("quota " + q + " must cover n = " + n);
      }
    }
    this.k = k;
    this.utility = utility.clone();
    this.sim = sim.clone();
    this.lambda = lambda;
    this.eligible = eligible.clone();
    this.caps = List.copyOf(caps);
    this.quotas = List.copyOf(quotas);
  }

  /**
   * Checks that {@code sim} is symmetric with entries in [0,1] and a zero diagonal, visiting each
   * pair i &lt; j once, row by row (its mirror entry is compared with it, so it need not be checked
   * again).
   */
  private static void checkSim(double[] sim, int n) {
    for (int i = 0; i < n; i++) {
      int row = i * n;
      if (sim[row + i] != 0) {
        throw new IllegalArgumentException("sim must be symmetric in [0,1] with zero diagonal");
      }
      for (int j = i + 1; j < n; j++) {
        double s = sim[row + j];
        if (!(s >= 0 && s <= 1) || s != sim[j * n + i]) {
          throw new IllegalArgumentException("sim must be symmetric in [0,1] with zero diagonal");
        }
      }
    }
  }

  public int size() {
    return n;
  }

  public int k() {
    return k;
  }

  public double utility(int i) {
    return utility[i];
  }

  public double sim(int i, int j) {
    return sim[i * n + j];
  }

  public double lambda() {
    return lambda;
  }

  public boolean isEligible(int i) {
    return eligible[i];
  }

  public List<Cap> caps() {
    return caps;
  }

  public List<Quota> quotas() {
    return quotas;
  }

  /**
   * The same problem over the documents {@code docs} only: document i of the result is {@code
   * docs[i]} of this one, with its utility, eligibility, redundancies, cap groups and quota
   * memberships; k, lambda and the cap and quota limits are unchanged.
   *
   * @param docs distinct document indices of this problem
   */
  public Problem restrictTo(int[] docs) {
    int m = docs.length;
    boolean[] seen = new boolean[n];
    for (int d : docs) {
      if (d < 0 || d >= n || seen[d]) {
        throw new IllegalArgumentException("docs must be distinct indices in [0, " + n + "): " + d);
      }
      seen[d] = true;
    }
    double[] u = new double[m];
    double[] s = new double[m * m];
    boolean[] e = new boolean[m];
    for (int a = 0; a < m; a++) {
      u[a] = utility[docs[a]];
      e[a] = eligible[docs[a]];
      for (int b = 0; b < m; b++) {
        s[a * m + b] = sim[docs[a] * n + docs[b]];
      }
    }
    List<Cap> subCaps = new ArrayList<>();
    for (Cap c : caps) {
      int[] groupOf = new int[m];
      String[] names = new String[c.groupCount()];
      for (int g = 0; g < names.length; g++) {
        names[g] = c.groupName(g);
      }
      for (int a = 0; a < m; a++) {
        groupOf[a] = c.groupOf(docs[a]);
      }
      subCaps.add(new Cap(c.field(), c.max(), groupOf, names));
    }
    List<Quota> subQuotas = new ArrayList<>();
    for (Quota q : quotas) {
      boolean[] member = new boolean[m];
      for (int a = 0; a < m; a++) {
        member[a] = q.isMember(docs[a]);
      }
      subQuotas.add(new Quota(q.field(), q.value(), q.min(), member));
    }
    return new Problem(u, s, lambda, e, subCaps, subQuotas, k);
  }

  /** F(S) for the given document indices. */
  public double objective(int[] selection) {
    double f = 0;
    for (int a = 0; a < selection.length; a++) {
      int i = selection[a];
      f += utility[i];
      for (int b = a + 1; b < selection.length; b++) {
        f -= lambda * sim[i * n + selection[b]];
      }
    }
    return f;
  }

  /**
   * True when the selection respects every hard constraint: distinct indices, at most k of them,
   * all eligible, no cap exceeded. Quotas are not hard (see {@link Selection#report()}).
   */
  public boolean respectsHardConstraints(int[] selection) {
    if (selection.length > k) {
      return false;
    }
    boolean[] seen = new boolean[n];
    for (int i : selection) {
      if (i < 0 || i >= n || seen[i] || !eligible[i]) {
        return false;
      }
      seen[i] = true;
    }
    for (Cap c : caps) {
      int[] count = new int[c.groupCount()];
      for (int i : selection) {
        int g = c.groupOf(i);
        if (g >= 0 && ++count[g] > c.max()) {
          return false;
        }
      }
    }
    return true;
  }
}
