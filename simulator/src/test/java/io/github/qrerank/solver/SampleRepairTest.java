package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import io.github.qrerank.model.Selection;
import io.github.qrerank.testing.RandomProblems;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleRepairTest {
  /**
   * Seven documents, utilities 7..1 (document i has 7 − i), k = 3, brand cap 1 on brands a = {0, 1,
   * 2} and b = {3, 4}, quota red ≥ 1 with red = {4, 5}; document 6 has neither.
   */
  private static Problem problem() {
    return new Problem(
        new double[] {7, 6, 5, 4, 3, 2, 1},
        new double[49],
        0.5,
        new boolean[] {true, true, true, true, true, true, true},
        List.of(new Cap("brand", 1, new int[] {0, 0, 0, 1, 1, -1, -1}, new String[] {"a", "b"})),
        List.of(
            new Quota(
                "color", "red", 1, new boolean[] {false, false, false, false, true, true, false})),
        3);
  }

  private static int[] repair(Problem p, int... sample) {
    int[] pool = Shortlist.selectable(p);
    int[] out = new SampleRepair(p, pool).repair(sample);
    Arrays.sort(out);
    return out;
  }

  @Test
  void capViolatorsWithTheLowestUtilityAreDropped() {
    // {0, 1, 5}: brand a twice; 1 goes, 0 stays; red 5 is there; the fill takes 3 (brand b).
    assertArrayEquals(new int[] {0, 3, 5}, repair(problem(), 0, 1, 5));
  }

  @Test
  void aMissingQuotaMemberIsAddedWhenThereIsRoom() {
    // {0, 3}: no red, one place left: red 4 is blocked by brand b (3), red 5 fits.
    assertArrayEquals(new int[] {0, 3, 5}, repair(problem(), 0, 3));
  }

  @Test
  void aMissingQuotaMemberReplacesADocumentWhenFull() {
    // {0, 3, 6}: no red, full. Red 4 comes first in pool order and only fits without 3.
    assertArrayEquals(new int[] {0, 4, 6}, repair(problem(), 0, 3, 6));
  }

  @Test
  void capViolatorsLeaveFromTheBottom() {
    // {0, 1, 2, 5}: too many, brand a three times: 1 and 2 go; the fill takes 3 (brand b is free).
    assertArrayEquals(new int[] {0, 3, 5}, repair(problem(), 2, 1, 0, 5));
  }

  @Test
  void aFeasibleSampleIsLeftAlone() {
    assertArrayEquals(new int[] {1, 3, 5}, repair(problem(), 1, 3, 5));
    assertArrayEquals(new int[] {4, 5, 6}, repair(problem(), 6, 5, 4));
  }

  @Test
  void emptyAndOversizedSamplesAreMadeFeasible() {
    // Utility order keeps 0 and 3 (1, 2 break brand a; 4 breaks brand b), then 5 (red).
    assertArrayEquals(new int[] {0, 3, 5}, repair(problem(), 3, 4, 0, 1, 2, 5, 6));
    // Empty: the first red that fits (4), then utility order under the cap: 0, then 5.
    assertArrayEquals(new int[] {0, 4, 5}, repair(problem()));
  }

  /**
   * Every repaired sample respects the hard constraints and has as many documents as the exact
   * optimum, on random windows with caps and quotas and random samples of any size (repeated and
   * ineligible documents included).
   */
  @Test
  void everyRepairedSampleIsFeasible() {
    SplittableRandom rng = new SplittableRandom(17);
    int quotaShort = 0;
    int samples = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Problem p =
          seed % 3 == 0
              ? RandomProblems.discrete(seed, 25, 4, 0.2, 4, 1, 2)
              : RandomProblems.random(seed, 40, 5, 0.15, 6, 1 + (int) (seed % 2), true);
      Selection exact = new ExactSolver().solve(p, Budget.unlimited());
      int exactCoverage = QaoaSolver.coverage(p, exact.indices());
      SampleRepair repair = new SampleRepair(p, Shortlist.selectable(p));
      for (int t = 0; t < 50; t++) {
        int[] sample = new int[rng.nextInt(2 * p.k() + 1)];
        for (int i = 0; i < sample.length; i++) {
          sample[i] = rng.nextInt(p.size());
        }
        int[] fixed = repair.repair(sample);
        assertTrue(
            p.respectsHardConstraints(fixed), "seed " + seed + " " + Arrays.toString(sample));
        assertEquals(exact.size(), fixed.length, "seed " + seed);
        if (QaoaSolver.coverage(p, fixed) < exactCoverage) {
          quotaShort++;
        }
        samples++;
      }
    }
    // The repair is greedy: it may in principle miss a quota the window can meet (the solver then
    // falls back, see Solvers). On these windows it never does.
    assertEquals(0, quotaShort, "of " + samples + " samples");
  }
}
