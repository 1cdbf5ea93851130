package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.testing.RandomProblems;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GreedySwapSolverTest {

  private static int coverage(Problem p, Selection s) {
    return BruteForceSolver.coverage(p, s.indices());
  }

  @Test
  void respectsHardConstraintsAndNeverBeatsExact() {
    Random rng = new Random(13);
    int strictlyWorse = 0;
    for (int t = 0; t < 300; t++) {
      int n = 6 + rng.nextInt(30);
      int k = 1 + rng.nextInt(10);
      double ineligible = rng.nextInt(3) * 0.2;
      Problem p =
          switch (t % 3) {
            case 0 -> RandomProblems.random(
                500 + t, n, k, ineligible, rng.nextInt(5), rng.nextInt(4), rng.nextBoolean());
            case 1 -> RandomProblems.discrete(
                500 + t, n, k, ineligible, rng.nextInt(4), rng.nextInt(4), rng.nextInt(4));
            default -> RandomProblems.twoFields(
                500 + t, n, k, ineligible, rng.nextInt(4), rng.nextInt(4), rng.nextInt(3),
                rng.nextInt(3));
          };
      Selection g = new GreedySwapSolver().solve(p, Budget.unlimited());
      Selection e = new ExactSolver().solve(p, Budget.unlimited());
      String label = "#" + t + " greedy " + g + " exact " + e;
      assertTrue(p.respectsHardConstraints(g.indices()), label);
      assertEquals(GreedySwapSolver.NAME, g.solver());
      assertFalse(g.provenOptimal());
      int cmp =
          SearchState.compareKey(
              g.size(),
              coverage(p, g),
              g.objective(),
              e.size(),
              coverage(p, e),
              e.objective() + 1e-9);
      assertTrue(cmp <= 0, label);
      if (g.size() == e.size() && g.objective() < e.objective() - 1e-9) {
        strictlyWorse++;
      }
    }
    // The comparison is not vacuous: greedy misses the optimum on some instances.
    assertTrue(strictlyWorse > 0);
  }

  @Test
  void reachesTheLargestSizeUnderOneCap() {
    for (int seed = 0; seed < 50; seed++) {
      Problem p = RandomProblems.random(seed, 40, 8, 0.3, 3, 2, false);
      Selection g = new GreedySwapSolver().solve(p, Budget.unlimited());
      Selection e = new ExactSolver().solve(p, Budget.unlimited());
      assertEquals(e.size(), g.size(), "one cap is a matroid: greedy reaches the largest size");
    }
  }

  @Test
  void meetsSatisfiableQuotas() {
    for (int seed = 0; seed < 100; seed++) {
      Problem p = RandomProblems.random(seed, 100, 5, 0.2, 10, 2, true);
      Selection g = new GreedySwapSolver().solve(p, Budget.unlimited());
      Selection e = new ExactSolver().solve(p, Budget.unlimited());
      assertTrue(p.respectsHardConstraints(g.indices()));
      if (e.report().complete()) {
        assertTrue(g.report().complete(), "seed " + seed + ": " + g.report().quotas());
      }
    }
  }

  @Test
  void expiredBudgetStillGivesAFeasibleConstruction() {
    Problem p = RandomProblems.random(9, 200, 10, 0.2, 8, 2, true);
    Selection g = new GreedySwapSolver().solve(p, Budget.ofNanos(0));
    assertTrue(p.respectsHardConstraints(g.indices()));
    assertEquals(10, g.size());
  }

  @Test
  void edgeCases() {
    Problem none = RandomProblems.random(2, 10, 0, 0, 0, 0, false);
    assertEquals(0, new GreedySwapSolver().solve(none, Budget.unlimited()).size());
    Problem small = RandomProblems.random(2, 4, 9, 0, 0, 0, false);
    assertEquals(4, new GreedySwapSolver().solve(small, Budget.unlimited()).size());
    Problem noEligible = RandomProblems.random(2, 10, 3, 1.0, 0, 0, false);
    assertEquals(0, new GreedySwapSolver().solve(noEligible, Budget.unlimited()).size());
  }
}
