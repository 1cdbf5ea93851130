package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import io.github.qrerank.testing.RandomProblems;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortlistTest {
  @Test
  void reservesQuotaMembersAndSkipsUnselectableDocuments() {
    // Utilities 8..1; 7 is out of stock; 6 is in a brand capped at 0; 5 is the only blue one.
    double[] u = {8, 7, 6, 5, 4, 3, 2, 1};
    boolean[] eligible = {true, true, true, true, true, true, true, false};
    boolean[] blue = new boolean[8];
    blue[5] = true;
    Problem p =
        new Problem(
            u,
            new double[64],
            0.5,
            eligible,
            List.of(
                new Cap("brand", 0, new int[] {-1, -1, -1, -1, -1, -1, 0, -1}, new String[] {"x"})),
            List.of(new Quota("color", "blue", 1, blue)),
            2);
    int[] selectable = Shortlist.selectable(p);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, selectable);
    // Three qubits: the reserved {5, 0} plus document 1, in utility order.
    assertArrayEquals(new int[] {0, 1, 5}, Shortlist.select(p, selectable, new int[] {5, 0}, 3));
    assertArrayEquals(selectable, Shortlist.select(p, selectable, new int[] {5, 0}, 20));
  }

  @Test
  void shortlistHoldsTheReservedSelectionInUtilityOrder() {
    for (long seed = 1; seed <= 40; seed++) {
      Problem p = RandomProblems.random(seed, 100, 5, 0.1, 20, 2, true);
      int[] selectable = Shortlist.selectable(p);
      int[] reserved = new GreedySwapSolver().solve(p, Budget.unlimited()).indices();
      int[] shortlist = Shortlist.select(p, selectable, reserved, 20);
      assertEquals(20, shortlist.length);
      for (int i = 1; i < shortlist.length; i++) {
        assertTrue(p.utility(shortlist[i - 1]) >= p.utility(shortlist[i]), "utility order");
      }
      int[] sorted = shortlist.clone();
      Arrays.sort(sorted);
      for (int d : reserved) {
        assertTrue(Arrays.binarySearch(sorted, d) >= 0, "reserved document " + d + " shortlisted");
      }
      assertTrue(
          new io.github.qrerank.model.Selection(p, reserved, false, 0, "r", 0).report().complete());
    }
  }
}
