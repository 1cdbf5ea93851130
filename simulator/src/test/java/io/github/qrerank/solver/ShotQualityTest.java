package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.SubspaceState;
import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.testing.RandomProblems;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShotQualityTest {
  private static final double TOL = 1e-12;

  private static Selection optimum(Problem p) {
    return new ExactSolver().solve(p, Budget.unlimited());
  }

  /**
   * k = 1 over utilities 3, 2, 1, no constraint: the three weight-1 states are the three documents,
   * each feasible and its own repair, with costs −3, −2, −1. The Dicke state gives each 1/3: mean
   * ratio (3 + 2 + 1)/3/3 = 2/3, optimum 1/3, ⟨C⟩ = −2, gap closed 0, and (E_max − ⟨C⟩)/(E_max −
   * E_min) = (−1 + 2)/(−1 + 3) = 1/2.
   */
  @Test
  void dickeStateOfThreeDocumentsByHand() {
    Problem p =
        new Problem(
            new double[] {3, 2, 1}, new double[9], 0.5, new boolean[] {true, true, true},
            List.of(), List.of(), 1);
    ShotQuality q = ShotQuality.of(p, new QuantumSettings(1, 16, 0, 3), optimum(p));
    ShotQuality.Figures f = q.ramp(0);
    assertEquals(2.0 / 3, f.meanRatio(), TOL);
    assertEquals(1, f.feasibleShare(), TOL);
    assertEquals(1.0 / 3, f.optimalShare(), TOL);
    assertEquals(0, f.lessCompleteShare(), TOL);
    assertEquals(-2, f.expectation(), TOL);
    assertEquals(-2, q.dickeMean(), TOL);
    assertEquals(-3, q.minEnergy(), TOL);
    assertEquals(-1, q.maxEnergy(), TOL);
    assertEquals(0, f.gapClosed(), TOL);
    assertEquals(0.5, f.expectedApproximation(), TOL);
    // A layer moves weight towards the cheap states: every figure but feasibility improves.
    ShotQuality.Figures one = q.ramp(1);
    assertTrue(one.meanRatio() > f.meanRatio());
    assertTrue(one.optimalShare() > f.optimalShare());
    assertTrue(one.gapClosed() > 0);
    assertEquals(q.gapClosed(one.expectation()), one.gapClosed(), TOL);
  }

  /**
   * k = 2 over utilities 3, 2.5, 1, 0.5, no redundancy, documents 0 and 1 of one brand capped at
   * 1: the optimum is {0, 2} with F = 4. Of the six weight-2 states only {0, 1} is infeasible; its
   * repair keeps 0, drops 1 for the cap and fills with 2, the optimum. Repaired F: {0,1} → 4, {0,2}
   * 4, {0,3} 3.5, {1,2} 3.5, {1,3} 3, {2,3} 1.5, so under the Dicke state the mean ratio is
   * (4 + 4 + 3.5 + 3.5 + 3 + 1.5)/4/6 = 0.8125, feasible 5/6, optimal 2/6.
   */
  @Test
  void repairAndFeasibilityOnSixStatesByHand() {
    Problem p =
        new Problem(
            new double[] {3, 2.5, 1, 0.5},
            new double[16],
            0.5,
            new boolean[] {true, true, true, true},
            List.of(new Cap("brand", 1, new int[] {0, 0, -1, -1}, new String[] {"a"})),
            List.of(),
            2);
    ShotQuality q = ShotQuality.of(p, new QuantumSettings(1, 16, 0, 4), optimum(p));
    WeightSubspace space = q.simulation().space();
    ShotQuality.Figures f = q.figures(new SubspaceState(space));
    assertEquals(0.8125, f.meanRatio(), TOL);
    assertEquals(5.0 / 6, f.feasibleShare(), TOL);
    assertEquals(2.0 / 6, f.optimalShare(), TOL);
    // Costs −F plus the penalty on {0, 1}: the lowest is −4 ({0, 2}), the highest −1.5 ({2, 3}).
    assertEquals(-4, q.minEnergy(), TOL);
    assertEquals(-1.5, q.maxEnergy(), TOL);
    double mean = 0;
    for (int r = 0; r < space.dimension(); r++) {
      mean += q.simulation().cost().value(r) / space.dimension();
    }
    assertEquals(mean, f.expectation(), TOL);
    assertEquals((-1.5 - mean) / 2.5, f.expectedApproximation(), TOL);
  }

  @Test
  void agreesWithTheSolversOwnRun() {
    for (long seed = 1; seed <= 4; seed++) {
      Problem p = RandomProblems.random(seed, 60, 4, 0.1, 8, 2, seed % 2 == 0);
      QuantumSettings s = new QuantumSettings(seed, 2048, 2, 12);
      QaoaRun run = new QaoaSolver(s).run(p, Budget.unlimited());
      ShotQuality q = ShotQuality.of(p, s, run.windowOptimum());
      ShotQuality.Figures f = q.ramp(2);
      QaoaDiagnostics d = run.diagnostics();
      assertEquals(d.expectation(), f.expectation(), 1e-12, "seed " + seed);
      assertEquals(d.costSpread(), q.simulation().spread(), 1e-12);
      // 2048 shots: the sampled share is within 4 standard deviations (≤ 0.011 each).
      assertEquals(f.feasibleShare(), d.feasibleSampleShare(), 0.045, "seed " + seed);
      if (Boolean.TRUE.equals(d.optimumInShortlist())) {
        assertTrue(f.optimalShare() >= d.optimumProbability() - TOL, "seed " + seed);
      }
      assertTrue(f.meanRatio() > 0 && f.meanRatio() <= 1 + 1e-9);
      assertTrue(f.gapClosed() > 0 && f.gapClosed() <= 1 + 1e-9, "seed " + seed);
      assertEquals(0, q.ramp(0).gapClosed(), TOL);
      // The same draws and repair as the solver: the same best ratio.
      assertEquals(
          run.approximationRatio(),
          q.bestOfShots(q.rampState(2), s.shots(), s.seed()),
          1e-12,
          "seed " + seed);
    }
  }

  @Test
  void rejectsWhatItCannotMeasure() {
    Problem p = RandomProblems.random(3, 30, 3, 0.1, 4, 2, false);
    Selection greedy = new GreedySwapSolver().solve(p, Budget.unlimited());
    assertThrows(
        IllegalArgumentException.class,
        () -> ShotQuality.of(p, new QuantumSettings(1, 16, 1, 8), greedy));
    Selection exact = optimum(p);
    ShotQuality q = ShotQuality.of(p, new QuantumSettings(1, 16, 1, 8), exact);
    assertThrows(
        IllegalArgumentException.class,
        () -> q.figures(new SubspaceState(WeightSubspace.of(8, 2))));
  }
}
