package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import io.github.qrerank.model.Selection;

/**
 * Reference solver for tests: enumerates every subset of at most k eligible documents, keeps
 * those that respect the hard constraints and returns the lexicographic maximum of (size, quota
 * coverage, F) — the same definition {@link ExactSolver} optimises. Exponential; n ≤ ~20 only.
 */
public final class BruteForceSolver implements Solver {
  @Override
  public String name() {
    return "brute-force";
  }

  @Override
  public Selection solve(Problem problem, Budget budget) {
    int n = problem.size();
    if (n > 24) {
      throw new IllegalArgumentException("brute force is for n <= 24, got " + n);
    }
    int[] best = new int[0];
    int bestSize = 0;
    int bestCov = coverage(problem, best);
    double bestF = 0;
    long subsets = 0;
    for (int mask = 1; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) > problem.k()) {
        continue;
      }
      int[] set = members(mask, n);
      if (!problem.respectsHardConstraints(set)) {
        continue;
      }
      subsets++;
      int cov = coverage(problem, set);
      double f = problem.objective(set);
      if (SearchState.compareKey(set.length, cov, f, bestSize, bestCov, bestF) > 0) {
        best = set;
        bestSize = set.length;
        bestCov = cov;
        bestF = f;
      }
    }
    return new Selection(problem, best, true, bestF, name(), subsets);
  }

  /** Σ_q min(count_q, min_q). */
  public static int coverage(Problem problem, int[] set) {
    int cov = 0;
    for (Quota q : problem.quotas()) {
      int count = 0;
      for (int i : set) {
        if (q.isMember(i)) {
          count++;
        }
      }
      cov += Math.min(count, q.min());
    }
    return cov;
  }

  private static int[] members(int mask, int n) {
    int[] out = new int[Integer.bitCount(mask)];
    int t = 0;
    for (int i = 0; i < n; i++) {
      if ((mask & (1 << i)) != 0) {
        out[t++] = i;
      }
    }
    return out;
  }
}
