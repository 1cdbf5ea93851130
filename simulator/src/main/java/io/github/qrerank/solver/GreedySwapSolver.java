package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;

/**
 * Greedy construction followed by swap local search; fast, never exceeds a hard constraint, no
 * optimality guarantee.
 *
 * <p>Construction: repeatedly add the compatible document (eligible, within every cap) with the
 * largest marginal gain {@code v_p - lambda·Σ_{i∈S} sim_ip}, except that while quotas are unmet a
 * document is only taken if it keeps the quota coverage still reachable with the remaining slots
 * as high as before (measured by {@link SearchState#coverageBound}); when no document does, the one
 * losing the least reachable coverage is taken. Ties go to the earlier document in utility order.
 *
 * <p>Then {@link LocalSearch} improves the key (size, quota coverage, F) by additions and swaps
 * while the budget lasts.
 */
public final class GreedySwapSolver implements Solver {
  public static final String NAME = "greedy";

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
    LocalSearch.improve(s, budget);
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
      // Candidates in decreasing gain (ties: earlier position), picked lazily: usually the first
      // keeps the target reachable.
      int chosen = -1;
      int chosenReach = Integer.MIN_VALUE;
      for (int tried = 0; tried < len; tried++) {
        int at = tried;
        for (int i = tried + 1; i < len; i++) {
          if (s.gain(list[i]) > s.gain(list[at])) {
            at = i;
          }
        }
        int p = list[at];
        System.arraycopy(list, tried, list, tried + 1, at - tried);
        list[tried] = p;
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
}
