package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The exact count penalties: their values, degrees and Z expansions. */
class CountPenaltyTest {
  private static final int[] FIVE = {0, 2, 3, 5, 6};

  @Test
  void atMostIsZeroUpToTheCapAndCountsTheExcessSubsets() {
    CountPenalty p = CountPenalty.atMost(FIVE, 2);
    double[] expected = {0, 0, 0, 1, 4, 10}; // C(t, 3)
    for (int t = 0; t <= 5; t++) {
      assertEquals(expected[t], p.value(t), 0, "t=" + t);
    }
    assertEquals(3, p.degree());
    assertEquals(2, CountPenalty.atMost(FIVE, 1).degree(), "cap 1 is the pair penalty");
    assertEquals(1, CountPenalty.atMost(FIVE, 0).value(1), 0);
  }

  @Test
  void atLeastIsZeroFromTheMinimumToTheReachAndPositiveBelow() {
    // At least 2 of 5 when at most 4 can be set: g(t) = C(4 − t, 3), degree 3.
    CountPenalty p = CountPenalty.atLeast(FIVE, 2, 4);
    double[] expected = {4, 1, 0, 0, 0};
    for (int t = 0; t <= 4; t++) {
      assertEquals(expected[t], p.value(t), 0, "t=" + t);
    }
    assertEquals(3, p.degree());
    // min = reach: only the top count is allowed, degree 1 (a linear reward).
    CountPenalty top = CountPenalty.atLeast(FIVE, 3, 3);
    assertEquals(1, top.degree());
    assertEquals(0, top.value(3), 0);
    assertEquals(3, top.value(0), 0);
  }

  @Test
  void everyViolationCostsAtLeastItsDistance() {
    for (int m = 0; m < 5; m++) {
      CountPenalty cap = CountPenalty.atMost(FIVE, m);
      for (int t = m + 1; t <= 5; t++) {
        assertTrue(cap.value(t) >= t - m, "cap " + m + " at " + t);
      }
    }
    for (int reach = 1; reach <= 5; reach++) {
      for (int min = 1; min <= reach; min++) {
        CountPenalty quota = CountPenalty.atLeast(FIVE, min, reach);
        for (int t = 0; t < min; t++) {
          assertTrue(quota.value(t) >= min - t, "quota " + min + "/" + reach + " at " + t);
        }
      }
    }
  }

  @Test
  void zExpansionEqualsTheCountFunctionOnEveryBitString() {
    CountPenalty[] all = {
      CountPenalty.atMost(FIVE, 1),
      CountPenalty.atMost(FIVE, 2),
      CountPenalty.atMost(FIVE, 3),
      CountPenalty.atLeast(FIVE, 1, 5),
      CountPenalty.atLeast(FIVE, 2, 3),
      CountPenalty.atLeast(FIVE, 4, 4)
    };
    for (CountPenalty p : all) {
      ZPolynomial.Builder b = new ZPolynomial.Builder(7);
      p.addTo(b, 1.5);
      ZPolynomial z = b.build();
      assertTrue(z.termCount() <= p.zTermCount(), p.toString());
      assertTrue(z.degree() <= p.degree(), p.toString());
      for (long bits = 0; bits < 128; bits++) {
        assertEquals(1.5 * p.valueOf(bits), z.energy(bits), 1e-12, p + " at " + bits);
      }
    }
  }

  @Test
  void badShapesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> CountPenalty.atMost(FIVE, 5));
    assertThrows(IllegalArgumentException.class, () -> CountPenalty.atLeast(FIVE, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> CountPenalty.atLeast(FIVE, 4, 3));
    assertThrows(IllegalArgumentException.class, () -> CountPenalty.atMost(new int[] {1, 1}, 0));
  }
}
