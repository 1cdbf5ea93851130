package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random circuits over every gate kind stay unitary. */
class UnitarityTest {
  @Test
  void randomCircuitMatricesAreUnitary() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 10; trial++) {
      int n = 1 + trial % 4;
      long seed = rng.nextLong();
      CMatrix u = CMatrix.ofCircuit(n, s -> TestStates.randomCircuit(s, 40, new SplittableRandom(seed)));
      assertEquals(0, u.dagger().times(u).distance(CMatrix.identity(1 << n)), 1e-12, "trial " + trial);
    }
  }

  @Test
  void randomCircuitsPreserveNormAndInnerProducts() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int n = 6; n <= 11; n++) {
      StateVector a = TestStates.random(n, rng);
      StateVector b = TestStates.random(n, rng);
      double[] before = TestStates.inner(a, b);
      long seed = rng.nextLong();
      TestStates.randomCircuit(a, 300, new SplittableRandom(seed));
      TestStates.randomCircuit(b, 300, new SplittableRandom(seed));
      assertEquals(1, a.norm2(), 1e-12, "n=" + n);
      assertEquals(1, b.norm2(), 1e-12, "n=" + n);
      double[] after = TestStates.inner(a, b);
      assertEquals(before[0], after[0], 1e-12, "n=" + n);
      assertEquals(before[1], after[1], 1e-12, "n=" + n);
    }
  }

  @Test
  void diagonalPhasePreservesNorm() {
    SplittableRandom rng = new SplittableRandom(13);
    StateVector s = TestStates.random(10, rng);
    Diagonal d = Diagonal.tabulate(s.size(), x -> (rng.nextDouble() - 0.5) * 50);
    for (double gamma : new double[] {0.3, -1.7, 12.5}) {
      s.applyDiagonalPhase(d, gamma);
    }
    assertEquals(1, s.norm2(), 1e-13);
  }
}
