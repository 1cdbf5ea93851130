package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import io.github.qrerank.model.Selection;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.ExactSolver;
import io.github.qrerank.solver.GreedySwapSolver;
import io.github.qrerank.testing.RandomProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Hamiltonian against the exact solver: on small random windows with caps and quotas, the
 * ground state of the full-space QUBO (found by trying every bit string, slack bits included) and
 * of the subspace form are optimal selections, with penalty weights below Qiskit's and dimod's
 * defaults.
 */
class HamiltonianTest {
  private static final double TOL = 1e-9;

  /** Largest QUBO searched exhaustively (documents + slack bits). */
  private static final int MAX_VARIABLES = 14;

  /** Small windows with caps and quotas, realistic and tie-heavy. */
  private static List<Problem> instances() {
    List<Problem> list = new ArrayList<>();
    for (int seed = 1; seed <= 60; seed++) {
      int n = 7 + seed % 4;
      list.add(RandomProblems.random(seed, n, 3, 0.1, 3, 1 + seed % 2, true));
      list.add(RandomProblems.discrete(seed, n, 3, 0.1, 3, 2, 1 + seed % 2));
    }
    return list;
  }

  private static int[] eligible(Problem p) {
    return IntStream.range(0, p.size()).filter(p::isEligible).toArray();
  }

  private static Hamiltonian hamiltonian(Problem p) {
    Selection greedy = new GreedySwapSolver().solve(p, Budget.unlimited());
    return Hamiltonian.of(p, eligible(p), greedy.indices());
  }

  @Test
  void fullSpaceGroundStateIsTheExactOptimum() {
    int checked = 0;
    for (Problem p : instances()) {
      Selection exact = new ExactSolver().solve(p, Budget.unlimited());
      Hamiltonian h = hamiltonian(p);
      Qubo qubo = h.fullSpace();
      if (!exact.report().complete() || qubo.size() > MAX_VARIABLES) {
        continue;
      }
      assertTrue(h.referenceFeasible(), "greedy meets every constraint here");
      long best = -1;
      double min = Double.POSITIVE_INFINITY;
      for (long y = 0; y < 1L << qubo.size(); y++) {
        double e = qubo.energy(y);
        if (e < min) {
          min = e;
          best = y;
        }
      }
      long docs = best & ((1L << h.numQubits()) - 1);
      assertTrue(h.feasible(docs), "ground state is feasible for " + p);
      assertEquals(exact.objective(), p.objective(h.selection(docs)), TOL);
      assertEquals(-exact.objective(), min, TOL, "ground energy is -F*");
      checked++;
    }
    assertTrue(checked >= 40, "instances checked exhaustively: " + checked);
  }

  @Test
  void slackMinimumMatchesTheClosedFormOnEveryDocumentSet() {
    for (Problem p : instances().subList(0, 12)) {
      Hamiltonian h = hamiltonian(p);
      Qubo qubo = h.fullSpace();
      int n = h.numQubits();
      int slack = qubo.size() - n;
      if (qubo.size() > MAX_VARIABLES) {
        continue;
      }
      for (long x = 0; x < 1L << n; x++) {
        double min = Double.POSITIVE_INFINITY;
        for (long s = 0; s < 1L << slack; s++) {
          min = Math.min(min, qubo.energy(x | (s << n)));
        }
        assertEquals(h.fullSpaceEnergy(x), min, TOL, "documents " + Long.toBinaryString(x));
        double pen = (h.fullSpaceEnergy(x) - h.objective(x)) / h.fullSpacePenalty();
        assertEquals(h.feasible(x), Math.abs(pen) < TOL, "zero penalty exactly when feasible");
      }
    }
  }

  @Test
  void subspaceGroundStateIsTheExactOptimumAndItsZFormAgrees() {
    int checked = 0;
    for (Problem p : instances()) {
      Selection exact = new ExactSolver().solve(p, Budget.unlimited());
      Hamiltonian h = hamiltonian(p);
      if (!exact.report().complete() || exact.size() != h.weight()) {
        continue;
      }
      WeightSubspace space = WeightSubspace.of(h.numQubits(), h.weight());
      Diagonal d = h.subspaceDiagonal(space);
      ZPolynomial z = h.subspaceCost();
      int argmin = 0;
      for (int r = 0; r < space.dimension(); r++) {
        long bits = space.mask(r);
        assertEquals(h.energy(bits), d.value(r), 0);
        assertEquals(
            h.energy(bits), z.energy(bits), 1e-9, "Z form at " + Long.toBinaryString(bits));
        assertEquals(h.feasible(bits), h.violation(bits) == 0);
        if (d.value(r) < d.value(argmin)) {
          argmin = r;
        }
      }
      assertTrue(h.feasible(space.mask(argmin)));
      assertEquals(-exact.objective(), d.min(), TOL);
      checked++;
    }
    assertTrue(checked >= 60, "instances checked: " + checked);
  }

  @Test
  void penaltyRuleIsBelowQiskitsAndDimodsDefaults() {
    for (Problem p : instances()) {
      Hamiltonian h = hamiltonian(p);
      assertTrue(h.subspacePenalty() < h.fullSpacePenalty());
      assertTrue(
          h.fullSpacePenalty() < h.qiskitDefaultPenalty(), "Qiskit: " + h.qiskitDefaultPenalty());
      assertTrue(
          h.fullSpacePenalty() < h.dimodDefaultPenalty(), "dimod: " + h.dimodDefaultPenalty());
      assertTrue(h.subspacePenalty() > 0);
    }
  }

  /**
   * Three documents, k = 2, utilities 3, 2, 1, no redundancy, and a cap of 1 on a brand held by
   * documents 0 and 1. Greedy picks {0, 2} (F = 4), the optimum: U_2 = 5, G = 1, v⁺ = 3.
   */
  @Test
  void penaltyWeightsFollowTheDocumentedRule() {
    Problem p =
        new Problem(
            new double[] {3, 2, 1},
            new double[9],
            0.5,
            new boolean[] {true, true, true},
            List.of(new Cap("brand", 1, new int[] {0, 0, -1}, new String[] {"a"})),
            List.of(),
            2);
    Hamiltonian h = Hamiltonian.of(p, new int[] {0, 1, 2}, new int[] {0, 2});
    assertEquals(1, h.gap(), 0);
    assertEquals(1 + 1e-6 * 5, h.subspacePenalty(), 1e-15);
    assertEquals(4 + 1e-6 * 5, h.fullSpacePenalty(), 1e-15);
    assertEquals(1, h.constraints().size());
    assertEquals(Hamiltonian.Kind.CAP, h.constraints().get(0).kind());
    // {0, 1} breaks the cap: E = −5 + P_sub > −4 = E({0, 2}).
    assertEquals(-5 + h.subspacePenalty(), h.energy(0b011), 1e-12);
    assertEquals(-4, h.energy(0b101), 1e-12);
    assertEquals(0, h.fullSpace().size() - 3, "a cap of 1 needs no slack");
  }

  @Test
  void quotasOnlyEnterWhenTheyCanBeMissed() {
    boolean[] red = {true, false, false, false};
    Problem p =
        new Problem(
            new double[] {1, 2, 3, 4},
            new double[16],
            0,
            new boolean[] {true, true, true, true},
            List.of(),
            List.of(
                new Quota("color", "red", 1, red), new Quota("color", "blue", 2, new boolean[4])),
            3);
    Hamiltonian h = Hamiltonian.of(p, new int[] {0, 1, 2, 3}, new int[] {0, 2, 3});
    // red: 3 non-members can fill k = 3, so it can be missed; blue has no member (min' = 0).
    assertEquals(1, h.constraints().size());
    assertEquals("quota color=red >= 1", h.constraints().get(0).label());
    assertFalse(h.feasible(0b1110));
    assertTrue(h.feasible(0b1101));
    assertTrue(h.referenceFeasible());
  }

  @Test
  void slackWeightsSumToEveryValueOfTheRangeExactly() {
    for (int range = 0; range <= 40; range++) {
      int[] w = Hamiltonian.slackWeights(range);
      boolean[] reached = new boolean[range + 1];
      for (int s = 0; s < 1 << w.length; s++) {
        int sum = 0;
        for (int b = 0; b < w.length; b++) {
          sum += (s >> b & 1) * w[b];
        }
        assertTrue(sum <= range, "range " + range + " exceeded: " + sum);
        reached[sum] = true;
      }
      for (int v = 0; v <= range; v++) {
        assertTrue(reached[v], "range " + range + " misses " + v);
      }
      assertEquals(range == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(range), w.length);
    }
  }

  @Test
  void badInputsAreRejected() {
    Problem p = RandomProblems.random(3, 10, 3, 0.3, 3, 1, false);
    int ineligible = IntStream.range(0, 10).filter(i -> !p.isEligible(i)).findFirst().orElseThrow();
    int[] ok = eligible(p);
    assertThrows(
        IllegalArgumentException.class,
        () -> Hamiltonian.of(p, new int[] {ineligible}, new int[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Hamiltonian.of(p, new int[] {ok[0], ok[0]}, new int[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Hamiltonian.of(p, new int[] {ok[0]}, new int[] {ok[1]}));
    Hamiltonian h = Hamiltonian.of(p, ok, new int[0]);
    assertFalse(h.referenceFeasible());
    assertThrows(IllegalArgumentException.class, () -> h.energy(0));
    assertArrayEquals(ok, h.docs());
  }
}
