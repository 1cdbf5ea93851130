package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import java.util.Arrays;

/**
 * Greedy construction followed by 1-swap local search; fast, never exceeds a hard constraint, no
 * optimality guarantee.
 *
 * <p>Construction: repeatedly add the compatible document (eligible, within every cap) with the
 * largest marginal gain {@code v_p - lambda·Σ_{i∈S} sim_ip}, except that while quotas are unmet a
 * document is only taken if it keeps the quota coverage still reachable with the remaining slots
 * as high as before (measured by {@link SearchState#coverageBound}); when no document does, the one
 * losing the least reachable coverage is taken. Ties go to the earlier document in utility order.
 *
 * <p>Local search: while the budget lasts, add a compatible document when fewer than k are
 * selected, else apply the best swap (one selected out, one unselected in) that improves the key
 * (size, quota coverage, F) lexicographically, until no swap improves it.
 */
public final class GreedySwapSolver implements Solver {
  public static final String NAME = "greedy";

  /** Minimum relative gain in F for a swap to count as an improvement (avoids cycling on noise). */
  static final double MIN_IMPROVEMENT = 1e-12;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Selection solve(Problem problem, Budget budget) {
    Candidates c = new Candidates(problem);
    SearchState s = run(c, budget);
    return new Selection(
        problem, c.docs(s.positions(), s.size()), false, Double.POSITIVE_INFINITY, NAME, 0);
  }

  /** Builds and improves a selection over {@code c}; the construction runs whatever the budget. */
  static SearchState run(Candidates c, Budget budget) {
    SearchState s = new SearchState(c);
    construct(s);
    improve(s, budget);
    return s;
  }

  private static void construct(SearchState s) {
    Candidates c = s.c;
    int[] list = new int[c.m];
    int[] scratch = new int[c.m];
    while (s.size() < c.kEff) {
      int len = s.compatible(0, list);
      if (len == 0) {
        return;
      }
      int slots = c.kEff - s.size();
      int target = s.coverage() + s.coverageBound(list, 0, len, slots);
      if (target == s.coverage()) {
        s.add(bestByGain(s, list, len));
        continue;
      }
      Integer[] order = new Integer[len];
      for (int i = 0; i < len; i++) {
        order[i] = list[i];
      }
      Arrays.sort(
          order,
          (a, b) -> {
            int cmp = Double.compare(s.gain(b), s.gain(a));
            return cmp != 0 ? cmp : Integer.compare(a, b);
          });
      int chosen = -1;
      int chosenReach = Integer.MIN_VALUE;
      for (int p : order) {
        s.add(p);
        int len2 = s.compatible(0, scratch);
        int reach = s.coverage() + s.coverageBound(scratch, 0, len2, slots - 1);
        s.remove(p);
        if (reach > chosenReach) {
          chosen = p;
          chosenReach = reach;
          if (reach >= target) {
            break;
          }
        }
      }
      s.add(chosen);
    }
  }

  private static int bestByGain(SearchState s, int[] list, int len) {
    int best = list[0];
    for (int i = 1; i < len; i++) {
      if (s.gain(list[i]) > s.gain(best)) {
        best = list[i];
      }
    }
    return best;
  }

  private static void improve(SearchState s, Budget budget) {
    Candidates c = s.c;
    int[] list = new int[c.m];
    while (!budget.expired()) {
      if (s.size() < c.kEff) {
        int len = s.compatible(0, list);
        if (len > 0) {
          int best = list[0];
          for (int i = 1; i < len; i++) {
            int p = list[i];
            int cmp = Integer.compare(s.coverageGain(p), s.coverageGain(best));
            if (cmp > 0 || (cmp == 0 && s.gain(p) > s.gain(best))) {
              best = p;
            }
          }
          s.add(best);
          continue;
        }
      }
      if (!bestSwap(s)) {
        return;
      }
    }
  }

  /** Applies the best improving swap; false when there is none. */
  private static boolean bestSwap(SearchState s) {
    Candidates c = s.c;
    int size = s.size();
    int bestCov = s.coverage();
    double bestF = s.objective() + MIN_IMPROVEMENT * (1 + Math.abs(s.objective()));
    int bestOut = -1;
    int bestIn = -1;
    for (int out : s.positions()) {
      int covOut = s.coverage() - s.coverageLoss(out);
      s.remove(out);
      double fOut = s.objective();
      for (int p = 0; p < c.m; p++) {
        if (p == out || !s.canAdd(p)) {
          continue;
        }
        int cov = covOut + s.coverageGain(p);
        double f = fOut + s.gain(p);
        if (SearchState.compareKey(size, cov, f, size, bestCov, bestF) > 0) {
          bestCov = cov;
          bestF = f;
          bestOut = out;
          bestIn = p;
        }
      }
      s.add(out);
    }
    if (bestOut < 0) {
      return false;
    }
    s.remove(bestOut);
    s.add(bestIn);
    return true;
  }
}
