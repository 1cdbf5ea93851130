package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.sat.CpSolverStatus;
import io.github.qrerank.model.Problem;
import org.junit.jupiter.api.Test;

class CpSatSolverTest {

  @Test
  void findsTheBruteForceOptimumWithinTheRoundingTolerance() {
    CpSatSolver cpSat = new CpSatSolver(1e6, 1, 30);
    int compared = 0;
    for (long seed = 1; seed <= 40; seed++) {
      int n = 8 + (int) (seed % 5);
      int k = 1 + (int) (seed % 4);
      Problem p = SmallProblems.random(seed, n, k);
      double best = SmallProblems.bruteForceOptimum(p);
      CpSatSolver.Result r = cpSat.solve(p);
      if (Double.isNaN(best)) {
        assertEquals(CpSolverStatus.INFEASIBLE, r.status(), "seed " + seed);
        continue;
      }
      assertEquals(CpSolverStatus.OPTIMAL, r.status(), "seed " + seed);
      assertEquals(k, r.selection().length, "seed " + seed);
      assertTrue(p.respectsHardConstraints(r.selection()), "seed " + seed);
      assertTrue(SmallProblems.quotasMet(p, r.selection()), "seed " + seed);
      assertEquals(
          best, p.objective(r.selection()), 2 * cpSat.roundingTolerance(k), "seed " + seed);
      assertEquals(
          p.objective(r.selection()),
          r.scaledObjective() / cpSat.scale(),
          cpSat.roundingTolerance(k),
          "seed " + seed);
      compared++;
    }
    assertTrue(compared >= 30, "most seeds must be feasible, got " + compared);
  }

  @Test
  void createsPairVariablesOnlyForPositivePenaltiesBetweenEligibleDocuments() {
    Problem p = SmallProblems.random(7, 10, 3);
    int expected = 0;
    for (int i = 0; i < p.size(); i++) {
      for (int j = i + 1; j < p.size(); j++) {
        if (p.isEligible(i) && p.isEligible(j) && Math.round(1e6 * p.lambda() * p.sim(i, j)) > 0) {
          expected++;
        }
      }
    }
    assertEquals(expected, new CpSatSolver(1e6, 1, 30).solve(p).pairVariables());
  }

  @Test
  void toleranceCoversEveryRoundedTermOfAKSet() {
    CpSatSolver cpSat = new CpSatSolver(1e6, 0, 1);
    assertEquals((5 + 10) * 0.5e-6, cpSat.roundingTolerance(5), 1e-15);
  }
}
