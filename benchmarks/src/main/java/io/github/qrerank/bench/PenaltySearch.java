package io.github.qrerank.bench;

import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.Qubo;
import io.github.qrerank.quantum.WeightSubspace;
import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive search of a {@link Hamiltonian}'s two penalty forms, to check that the weight its rule
 * picks leaves a feasible ground state, and to find the smallest weight that would.
 *
 * <p>Both forms are {@code f(x) + P·pen(x)} with {@code f = −F} and {@code pen ≥ 0}, zero exactly
 * on feasible x. Every feasible minimum is then the feasible optimum {@code f_opt}, and the ground
 * state is feasible exactly when {@code P > P* = max (f_opt − f(x)) / pen(x)} over the infeasible x
 * with {@code f(x) < f_opt} ({@code P* = 0} when there is none). The search computes P* along with
 * the ground state, so any weight rule can be judged against it.
 *
 * <ul>
 *   <li><b>Subspace form</b> ({@link #subspace}): all C(n, w) states with w qubits set, {@code pen =}
 *       {@link Hamiltonian#violation}.
 *   <li><b>Full-space QUBO</b> ({@link #fullSpace}): the QUBO exported for dimod ({@link
 *       Hamiltonian#fullSpace()}), document bits and slack bits. The 2^n document bit patterns are
 *       walked in Gray-code order with incrementally updated local fields; for each, the minimum over
 *       the slack bits is exact, because slack bits only couple to slack bits of the same constraint:
 *       the slack variables are split into the connected groups of their mutual couplings (checked),
 *       and each group is minimised by enumerating its 2^m settings. {@code pen(y)} is read off the
 *       QUBO itself as {@code (min_s E(y, s) − f(y)) / P_full}, so this checks the exported
 *       coefficients, not the Hamiltonian's closed form.
 * </ul>
 */
final class PenaltySearch {
  /** Document bits the full-space search walks at most (2^20 patterns). */
  static final int MAX_FULL_SPACE_QUBITS = 20;

  /** Slack bits one constraint may have for the group enumeration (2^8 settings). */
  static final int MAX_GROUP_BITS = 8;

  private PenaltySearch() {}

  /**
   * What an exhaustive search found.
   *
   * @param states assignments examined (for the full-space form: document patterns, each with its
   *     slack bits minimised)
   * @param feasibleStates feasible ones among them
   * @param optimum f_opt = min f over feasible states (−F of the shortlist's optimum); NaN when no
   *     state is feasible
   * @param weight the penalty weight of the form as the Hamiltonian set it
   * @param groundEnergy the minimum energy
   * @param groundFeasible every state of minimum energy is feasible (strictly below every infeasible
   *     state); false when no state is feasible
   * @param threshold P*: the ground state is feasible exactly for weights above it (NaN when no
   *     state is feasible)
   * @param inconsistent feasible states whose penalty was not zero, or infeasible ones whose penalty
   *     was not positive (0 when the form is right)
   */
  record Outcome(
      long states,
      long feasibleStates,
      double optimum,
      double weight,
      double groundEnergy,
      boolean groundFeasible,
      double threshold,
      long inconsistent) {}

  /** Exhaustive search of the subspace form over its C(n, w) states. */
  static Outcome subspace(Hamiltonian h) {
    WeightSubspace space = WeightSubspace.of(h.numQubits(), h.weight());
    int dim = space.dimension();
    double[] f = new double[dim];
    double[] pen = new double[dim];
    boolean[] feasible = new boolean[dim];
    for (int r = 0; r < dim; r++) {
      long bits = space.mask(r);
      f[r] = h.objective(bits);
      pen[r] = h.violation(bits);
      feasible[r] = h.feasible(bits);
    }
    return summarise(f, pen, feasible, h.subspacePenalty(), 0);
  }

  /**
   * Exhaustive search of the full-space QUBO over every document pattern and, for each, every
   * slack setting (see the class documentation).
   *
   * @throws IllegalArgumentException above {@value #MAX_FULL_SPACE_QUBITS} qubits or when one
   *     constraint has more than {@value #MAX_GROUP_BITS} slack bits
   */
  static Outcome fullSpace(Hamiltonian h) {
    int n = h.numQubits();
    if (n > MAX_FULL_SPACE_QUBITS) {
      throw new IllegalArgumentException(
          "exhaustive search is limited to " + MAX_FULL_SPACE_QUBITS + " qubits: " + n);
    }
    Qubo q = h.fullSpace();
    int vars = q.size();
    int[][] groups = slackGroups(q, n);
    double weight = h.fullSpacePenalty();
    // field[v] = linear(v) + sum over set document bits j of quadratic(v, j)
    double[] field = new double[vars];
    for (int v = 0; v < vars; v++) {
      field[v] = q.linear(v);
    }
    double[][] couplings = new double[n][vars];
    for (int i = 0; i < n; i++) {
      for (int v = 0; v < vars; v++) {
        couplings[i][v] = q.quadratic(i, v);
      }
    }
    int patterns = 1 << n;
    double[] f = new double[patterns];
    double[] pen = new double[patterns];
    boolean[] feasible = new boolean[patterns];
    long bits = 0;
    double documentEnergy = q.offset();
    for (int step = 0; step < patterns; step++) {
      if (step > 0) {
        int flip = Integer.numberOfTrailingZeros(step);
        double sign = (bits >>> flip & 1) == 0 ? 1 : -1;
        documentEnergy += sign * field[flip];
        bits ^= 1L << flip;
        double[] row = couplings[flip];
        for (int v = 0; v < vars; v++) {
          field[v] += sign * row[v];
        }
      }
      double energy = documentEnergy;
      for (int[] g : groups) {
        energy += minimumOverGroup(q, g, field);
      }
      int x = (int) bits;
      f[x] = h.objective(bits);
      pen[x] = (energy - f[x]) / weight;
      feasible[x] = h.feasible(bits);
    }
    return summarise(f, pen, feasible, weight, 1e-9);
  }

  /** min over the group's 2^m settings of sum s_v·field[v] + sum_{v<u in group} b_vu s_v s_u. */
  private static double minimumOverGroup(Qubo q, int[] g, double[] field) {
    double best = 0;
    for (int mask = 1; mask < 1 << g.length; mask++) {
      double e = 0;
      for (int a = 0; a < g.length; a++) {
        if ((mask >>> a & 1) != 0) {
          e += field[g[a]];
          for (int b = a + 1; b < g.length; b++) {
            if ((mask >>> b & 1) != 0) {
              e += q.quadratic(g[a], g[b]);
            }
          }
        }
      }
      best = Math.min(best, e);
    }
    return best;
  }

  /**
   * The slack variables (index ≥ n) split into connected groups of non-zero slack-slack couplings.
   */
  static int[][] slackGroups(Qubo q, int n) {
    int vars = q.size();
    int[] group = new int[vars];
    java.util.Arrays.fill(group, -1);
    List<int[]> groups = new ArrayList<>();
    for (int s = n; s < vars; s++) {
      if (group[s] >= 0) {
        continue;
      }
      List<Integer> members = new ArrayList<>();
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
      queue.add(s);
      group[s] = groups.size();
      while (!queue.isEmpty()) {
        int v = queue.poll();
        members.add(v);
        for (int u = n; u < vars; u++) {
          if (group[u] < 0 && q.quadratic(v, u) != 0) {
            group[u] = groups.size();
            queue.add(u);
          }
        }
      }
      if (members.size() > MAX_GROUP_BITS) {
        throw new IllegalArgumentException(
            "a constraint has " + members.size() + " slack bits, more than " + MAX_GROUP_BITS);
      }
      groups.add(members.stream().mapToInt(Integer::intValue).toArray());
    }
    return groups.toArray(new int[0][]);
  }

  /**
   * Ground state, optimum and threshold from per-state objective, penalty and feasibility.
   * Penalties (violation counts, at least 1 when positive) within {@code tolerance} of zero count as
   * zero: rounding of the QUBO's sums.
   */
  static Outcome summarise(
      double[] f, double[] pen, boolean[] feasible, double weight, double tolerance) {
    double optimum = Double.POSITIVE_INFINITY;
    long feasibleStates = 0;
    long inconsistent = 0;
    double zero = tolerance;
    for (int x = 0; x < f.length; x++) {
      if (feasible[x]) {
        feasibleStates++;
        optimum = Math.min(optimum, f[x]);
        if (Math.abs(pen[x]) > zero) {
          inconsistent++;
        }
      } else if (!(pen[x] > zero)) {
        inconsistent++;
      }
    }
    double minFeasible = Double.POSITIVE_INFINITY;
    double minInfeasible = Double.POSITIVE_INFINITY;
    double threshold = 0;
    for (int x = 0; x < f.length; x++) {
      double e = f[x] + weight * pen[x];
      if (feasible[x]) {
        minFeasible = Math.min(minFeasible, e);
      } else {
        minInfeasible = Math.min(minInfeasible, e);
        if (f[x] < optimum && pen[x] > zero) {
          threshold = Math.max(threshold, (optimum - f[x]) / pen[x]);
        }
      }
    }
    boolean any = feasibleStates > 0;
    return new Outcome(
        f.length,
        feasibleStates,
        any ? optimum : Double.NaN,
        weight,
        Math.min(minFeasible, minInfeasible),
        any && minFeasible < minInfeasible,
        any ? threshold : Double.NaN,
        inconsistent);
  }
}
