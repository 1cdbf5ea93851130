package io.github.qrerank.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemAndReportTest {
  // 4 documents: utilities 3, 2, 2, 1; sim(0,1) = 0.5, sim(0,2) = 1, sim(1,3) = 0.25.
  private static final double[] V = {3, 2, 2, 1};
  private static final double[] SIM = {
    0, 0.5, 1, 0,
    0.5, 0, 0, 0.25,
    1, 0, 0, 0,
    0, 0.25, 0, 0
  };
  // brand: a, a, b, none (capped at 1); quota colour=red (documents 1, 2) at least 2.
  private static final Cap BRAND =
      new Cap("brand", 1, new int[] {0, 0, 1, -1}, new String[] {"a", "b"});
  private static final Quota RED =
      new Quota("color", "red", 2, new boolean[] {false, true, true, false});

  private static Problem problem(int k, boolean[] eligible) {
    return new Problem(V, SIM, 0.5, eligible, List.of(BRAND), List.of(RED), k);
  }

  private static final boolean[] ALL = {true, true, true, true};

  @Test
  void objectiveSubtractsLambdaTimesPairwiseSims() {
    Problem p = problem(3, ALL);
    assertEquals(0, p.objective(new int[0]), 0);
    assertEquals(3, p.objective(new int[] {0}), 0);
    // 3 + 2 + 2 - 0.5 * (0.5 + 1 + 0)
    assertEquals(6.25, p.objective(new int[] {0, 1, 2}), 1e-12);
    // order does not matter
    assertEquals(6.25, p.objective(new int[] {2, 0, 1}), 1e-12);
    // 2 + 1 - 0.5 * 0.25
    assertEquals(2.875, p.objective(new int[] {1, 3}), 1e-12);
  }

  @Test
  void hardConstraints() {
    Problem p = problem(2, new boolean[] {true, true, true, false});
    assertTrue(p.respectsHardConstraints(new int[] {0, 2}));
    assertFalse(p.respectsHardConstraints(new int[] {0, 1}), "two of brand a, cap 1");
    assertFalse(p.respectsHardConstraints(new int[] {2, 3}), "3 is not eligible");
    assertFalse(p.respectsHardConstraints(new int[] {0, 2, 1}), "more than k");
    assertFalse(p.respectsHardConstraints(new int[] {2, 2}), "duplicate");
    assertFalse(p.respectsHardConstraints(new int[] {4}), "out of range");
  }

  @Test
  void reportCountsCapsAndQuotas() {
    Problem p = problem(3, ALL);
    ConstraintReport r = ConstraintReport.of(p, new int[] {0, 2, 3});
    assertEquals(3, r.k());
    assertEquals(3, r.selected());
    assertEquals(4, r.eligible());
    ConstraintReport.CapUsage cap = r.caps().get(0);
    assertEquals("brand", cap.field());
    assertEquals(1, cap.max());
    assertEquals(1, cap.used());
    assertEquals(Map.of("a", 1, "b", 1), cap.perGroup());
    ConstraintReport.QuotaUsage quota = r.quotas().get(0);
    assertEquals("red", quota.value());
    assertEquals(1, quota.achieved());
    assertFalse(quota.met());
    assertFalse(r.complete(), "quota not met");

    ConstraintReport met = ConstraintReport.of(p, new int[] {1, 2, 3});
    assertTrue(met.quotas().get(0).met());
    assertTrue(met.complete());
    assertFalse(ConstraintReport.of(p, new int[] {1, 2}).complete(), "fewer than k");
  }

  @Test
  void selectionOrdersByUtilityAndRecomputesTheObjective() {
    Problem p = problem(3, ALL);
    Selection s = new Selection(p, new int[] {3, 2, 1}, false, Double.POSITIVE_INFINITY, "x", 0);
    assertArrayEquals(new int[] {1, 2, 3}, s.indices(), "ties in utility by index");
    assertEquals(p.objective(new int[] {1, 2, 3}), s.objective(), 0);
    assertTrue(s.report().complete());
  }

  @Test
  void invalidProblemsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Problem(V, new double[15], 0.5, ALL, List.of(), List.of(), 1));
    double[] asymmetric = SIM.clone();
    asymmetric[1] = 0.4;
    assertThrows(
        IllegalArgumentException.class,
        () -> new Problem(V, asymmetric, 0.5, ALL, List.of(), List.of(), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Problem(V, SIM, -1, ALL, List.of(), List.of(), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Problem(V, SIM, 0.5, ALL, List.of(), List.of(), -1));
  }

  @Test
  void restrictToKeepsEachDocumentsDataUnderItsNewIndex() {
    Problem p = problem(2, new boolean[] {true, true, false, true});
    Problem sub = p.restrictTo(new int[] {3, 1, 2});
    assertEquals(3, sub.size());
    assertEquals(2, sub.k());
    assertEquals(0.5, sub.lambda(), 0);
    assertArrayEquals(
        new double[] {1, 2, 2}, new double[] {sub.utility(0), sub.utility(1), sub.utility(2)});
    assertEquals(0.25, sub.sim(0, 1), 0);
    assertEquals(0, sub.sim(1, 2), 0);
    assertFalse(sub.isEligible(2));
    assertEquals(-1, sub.caps().get(0).groupOf(0));
    assertEquals("a", sub.caps().get(0).groupName(sub.caps().get(0).groupOf(1)));
    assertTrue(sub.quotas().get(0).isMember(1) && sub.quotas().get(0).isMember(2));
    assertEquals(2, sub.quotas().get(0).min());
    // F of the same documents is unchanged.
    assertEquals(p.objective(new int[] {1, 3}), sub.objective(new int[] {1, 0}), 0);
    assertThrows(IllegalArgumentException.class, () -> p.restrictTo(new int[] {1, 1}));
    assertThrows(IllegalArgumentException.class, () -> p.restrictTo(new int[] {4}));
  }
}
