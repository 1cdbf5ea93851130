package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ranking, unranking and coupling tables of the fixed-weight subspace. */
class WeightSubspaceTest {
  @Test
  void dimensionsAreBinomials() {
    assertEquals(15_504, WeightSubspace.of(20, 5).dimension());
    assertEquals(142_506, WeightSubspace.of(30, 5).dimension());
    assertEquals(1, WeightSubspace.of(7, 0).dimension());
    assertEquals(1, WeightSubspace.of(7, 7).dimension());
    assertEquals(252, WeightSubspace.of(10, 5).dimension());
  }

  @Test
  void ranksEnumerateWeightKMasksInNumericOrder() {
    for (int n = 1; n <= 12; n++) {
      for (int k = 0; k <= n; k++) {
        WeightSubspace space = WeightSubspace.of(n, k);
        int rank = 0;
        for (long mask = 0; mask < (1L << n); mask++) {
          if (Long.bitCount(mask) == k) {
            assertEquals(mask, space.mask(rank), "n=" + n + " k=" + k + " rank " + rank);
            assertEquals(rank, space.rank(mask));
            rank++;
          }
        }
        assertEquals(space.dimension(), rank);
      }
    }
  }

  @Test
  void rankIsTheCombinatorialNumberSystem() {
    WeightSubspace space = WeightSubspace.of(30, 5);
    // {2, 3, 7, 11, 29}: C(2,1) + C(3,2) + C(7,3) + C(11,4) + C(29,5) = 2 + 3 + 35 + 330 + 118755.
    long mask = (1L << 2) | (1L << 3) | (1L << 7) | (1L << 11) | (1L << 29);
    int rank = space.rank(mask);
    assertEquals(2 + 3 + 35 + 330 + 118_755, rank);
    assertArrayEquals(new int[] {2, 3, 7, 11, 29}, space.members(rank));
    assertEquals(mask, space.mask(rank));
    assertEquals((1L << 30) - (1L << 25), space.mask(space.dimension() - 1));
  }

  @Test
  void couplingPairsSwapExactlyTheTwoQubits() {
    WeightSubspace space = WeightSubspace.of(9, 4);
    for (int i = 0; i < 9; i++) {
      for (int j = 0; j < 9; j++) {
        if (i == j) {
          continue;
        }
        int[] pairs = space.couplingPairs(i, j);
        assertEquals(2 * WeightSubspace.binomial(7, 3), pairs.length);
        Set<Integer> seen = new HashSet<>();
        for (int m = 0; m < pairs.length; m += 2) {
          long a = space.mask(pairs[m]);
          long b = space.mask(pairs[m + 1]);
          assertTrue((a >> i & 1) == 1 && (a >> j & 1) == 0, "a has i set, j clear");
          assertEquals(a ^ (1L << i) ^ (1L << j), b, "b is a with i and j swapped");
          assertTrue(seen.add(pairs[m]) && seen.add(pairs[m + 1]), "each state in one pair");
        }
      }
    }
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> WeightSubspace.of(0, 0));
    assertThrows(IllegalArgumentException.class, () -> WeightSubspace.of(63, 1));
    assertThrows(IllegalArgumentException.class, () -> WeightSubspace.of(5, 6));
    assertThrows(IllegalArgumentException.class, () -> WeightSubspace.of(5, -1));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> WeightSubspace.of(60, 30))
            .getMessage().contains("dimension"));
    WeightSubspace space = WeightSubspace.of(6, 2);
    assertThrows(IllegalArgumentException.class, () -> space.rank(0b111));
    assertThrows(IllegalArgumentException.class, () -> space.rank(1L << 6 | 1));
    assertThrows(IllegalArgumentException.class, () -> space.mask(15));
    assertThrows(IllegalArgumentException.class, () -> space.couplingPairs(2, 2));
    assertThrows(IllegalArgumentException.class, () -> space.couplingPairs(0, 6));
  }
}
