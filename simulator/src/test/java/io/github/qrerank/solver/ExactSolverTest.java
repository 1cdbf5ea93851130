package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import io.github.qrerank.model.Selection;
import io.github.qrerank.testing.RandomProblems;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSolverTest {
  private static final double EPS = 1e-9;

  /** Asserts exact's answer has brute force's key and is proven. */
  private static void assertMatchesBruteForce(Problem p, String label) {
    Selection exact = new ExactSolver().solve(p, Budget.unlimited());
    Selection brute = new BruteForceSolver().solve(p, Budget.unlimited());
    int[] e = exact.indices();
    int[] b = brute.indices();
    assertTrue(p.respectsHardConstraints(e), label + ": hard constraints " + exact);
    assertTrue(exact.provenOptimal(), label + ": not proven");
    assertEquals(ExactSolver.NAME, exact.solver(), label);
    assertEquals(b.length, e.length, label + ": size, exact " + exact + " brute " + brute);
    assertEquals(
        BruteForceSolver.coverage(p, b), BruteForceSolver.coverage(p, e), label + ": coverage");
    assertEquals(brute.objective(), exact.objective(), EPS, label + ": F " + exact + " " + brute);
    assertEquals(exact.objective(), exact.upperBound(), 0, label + ": bound of a proven answer");
  }

  @Test
  void matchesBruteForceOnRealisticInstances() {
    Random rng = new Random(7);
    for (int t = 0; t < 300; t++) {
      int n = 6 + rng.nextInt(9);
      int k = 1 + rng.nextInt(10);
      double ineligible = rng.nextInt(3) * 0.2;
      int brands = rng.nextInt(5);
      int cap = rng.nextInt(4);
      boolean quotas = rng.nextBoolean();
      Problem p = RandomProblems.random(1000 + t, n, k, ineligible, brands, cap, quotas);
      assertMatchesBruteForce(
          p, "random#" + t + " n=" + n + " k=" + k + " brands=" + brands + " cap=" + cap);
    }
  }

  @Test
  void matchesBruteForceWithExactTies() {
    Random rng = new Random(11);
    for (int t = 0; t < 300; t++) {
      int n = 6 + rng.nextInt(9);
      int k = 1 + rng.nextInt(10);
      double ineligible = rng.nextInt(3) * 0.15;
      int brands = rng.nextInt(4);
      int cap = rng.nextInt(4);
      int quotaMin = rng.nextInt(5);
      Problem p = RandomProblems.discrete(2000 + t, n, k, ineligible, brands, cap, quotaMin);
      assertMatchesBruteForce(
          p, "discrete#" + t + " n=" + n + " k=" + k + " cap=" + cap + " quota=" + quotaMin);
    }
  }
}
