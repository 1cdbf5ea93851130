package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** QUBO arithmetic: squares, the Ising form, the Z form. */
class QuboTest {
  private static Qubo random(int n, SplittableRandom rng) {
    String[] labels = new String[n];
    for (int i = 0; i < n; i++) {
      labels[i] = "v" + i;
    }
    Qubo.Builder b = new Qubo.Builder(labels);
    for (int i = 0; i < n; i++) {
      b.addLinear(i, rng.nextDouble() * 4 - 2);
      for (int j = i + 1; j < n; j++) {
        if (rng.nextBoolean()) {
          b.addQuadratic(j, i, rng.nextDouble() * 4 - 2);
        }
      }
    }
    return b.addOffset(0.75).build();
  }

  @Test
  void addSquareExpandsTheSquareOfALinearForm() {
    Qubo q =
        new Qubo.Builder("a", "b", "c")
            .addSquare(new int[] {0, 1, 2}, new double[] {1, 2, -1}, -2, 3)
            .build();
    for (long bits = 0; bits < 8; bits++) {
      double lin = (bits & 1) + 2 * (bits >> 1 & 1) - (bits >> 2 & 1) - 2;
      assertEquals(3 * lin * lin, q.energy(bits), 1e-12, "bits " + bits);
    }
  }

  @Test
  void isingAndZFormsHaveTheSameEnergies() {
    SplittableRandom rng = new SplittableRandom(7);
    Qubo q = random(6, rng);
    Qubo.Ising ising = q.toIsing();
    ZPolynomial z = q.toZPolynomial();
    for (long bits = 0; bits < 64; bits++) {
      int[] spins = new int[6];
      for (int i = 0; i < 6; i++) {
        spins[i] = (bits >> i & 1) == 1 ? 1 : -1;
      }
      assertEquals(q.energy(bits), ising.energy(spins), 1e-12);
      assertEquals(q.energy(bits), z.energy(bits), 1e-12);
    }
    // In Z form (Z = −s) the fields flip sign and the couplings do not.
    assertEquals(-ising.h(2), z.coefficientOf(1L << 2), 1e-12);
    assertEquals(ising.j(1, 4), z.coefficientOf((1L << 1) | (1L << 4)), 1e-12);
    assertEquals(ising.offset(), z.constant(), 1e-12);
  }

  @Test
  void labelsMustBeUniqueAndBiasesFinite() {
    assertThrows(IllegalArgumentException.class, () -> new Qubo.Builder("a", "a"));
    assertThrows(
        IllegalArgumentException.class, () -> new Qubo.Builder("a").addLinear(0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Qubo.Builder("a").addLinear(1, 1));
  }
}
