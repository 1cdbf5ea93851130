package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.Qubo;
import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.ExactSolver;
import io.github.qrerank.solver.QaoaSolver;
import io.github.qrerank.solver.QuantumSettings;
import io.github.qrerank.testing.RandomProblems;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exhaustive search against plain brute force over every variable of the exported QUBO, and
 * its threshold against direct enumeration at weights just above and below it.
 */
class PenaltySearchTest {

  /**
   * Hamiltonians of small shortlists with caps that bind and quotas on odd seeds; on seeds divisible
   * by 3 the cap of 1 per brand can contradict the quota of 2 on a brand, leaving no feasible state.
   */
  private static List<Hamiltonian> hamiltonians() {
    List<Hamiltonian> out = new ArrayList<>();
    for (long seed = 1; seed <= 8; seed++) {
      Problem p = RandomProblems.random(seed, 40, 4, 0.1, 4, seed % 3 == 0 ? 1 : 2, seed % 2 == 1);
      int qubits = 7 + (int) (seed % 3);
      out.add(
          new QaoaSolver(new QuantumSettings(seed, 1, 0, qubits))
              .run(p, Budget.unlimited())
              .hamiltonian());
    }
    return out;
  }

  @Test
  void fullSpaceSearchMatchesBruteForceOverEveryQuboVariable() {
    int withSlack = 0;
    for (Hamiltonian h : hamiltonians()) {
      PenaltySearch.Outcome o = PenaltySearch.fullSpace(h);
      Qubo q = h.fullSpace();
      int n = h.numQubits();
      assertTrue(q.size() <= 20, "brute force stays small: " + q.size());
      withSlack += q.size() > n ? 1 : 0;
      double[] f = new double[1 << q.size()];
      double[] pen = new double[f.length];
      boolean[] feasible = new boolean[f.length];
      long docMask = (1L << n) - 1;
      for (int z = 0; z < f.length; z++) {
        long y = z & docMask;
        f[z] = h.objective(y);
        pen[z] = (q.energy(z) - f[z]) / h.fullSpacePenalty();
        feasible[z] = h.feasible(y) && Math.abs(pen[z]) < 1e-9;
      }
      double ground = Double.POSITIVE_INFINITY;
      double groundFeasible = Double.POSITIVE_INFINITY;
      double groundInfeasible = Double.POSITIVE_INFINITY;
      for (int z = 0; z < f.length; z++) {
        double e = f[z] + h.fullSpacePenalty() * pen[z];
        ground = Math.min(ground, e);
        if (feasible[z]) {
          groundFeasible = Math.min(groundFeasible, e);
        } else {
          groundInfeasible = Math.min(groundInfeasible, e);
        }
      }
      assertEquals(ground, o.groundEnergy(), 1e-9);
      assertEquals(groundFeasible < groundInfeasible, o.groundFeasible());
      assertEquals(0, o.inconsistent());
      assertEquals(1L << n, o.states());
      if (noFeasibleState(h, o)) {
        continue;
      }
      assertTrue(o.groundFeasible(), "the rule's claim: feasible ground state");
      checkThreshold(f, pen, feasible, o);
    }
    assertTrue(withSlack >= 4, "most instances exercise slack bits: " + withSlack);
  }

  @Test
  void subspaceSearchFindsTheShortlistOptimumAndItsThreshold() {
    for (Hamiltonian h : hamiltonians()) {
      PenaltySearch.Outcome o = PenaltySearch.subspace(h);
      WeightSubspace space = WeightSubspace.of(h.numQubits(), h.weight());
      assertEquals(space.dimension(), o.states());
      assertEquals(0, o.inconsistent());
      if (noFeasibleState(h, o)) {
        continue;
      }
      assertTrue(o.groundFeasible());
      assertEquals(h.subspacePenalty(), o.weight());
      Problem sub = h.problem().restrictTo(h.docs());
      Selection best = new ExactSolver().solve(sub, Budget.unlimited());
      if (best.report().complete() && best.size() == h.weight()) {
        assertEquals(-best.objective(), o.optimum(), 1e-9);
      }
      double[] f = new double[space.dimension()];
      double[] pen = new double[f.length];
      boolean[] feasible = new boolean[f.length];
      for (int r = 0; r < f.length; r++) {
        f[r] = h.objective(space.mask(r));
        pen[r] = h.violation(space.mask(r));
        feasible[r] = h.feasible(space.mask(r));
      }
      checkThreshold(f, pen, feasible, o);
    }
  }

  /**
   * True when the rule claims nothing here: the greedy reference is not feasible (as when the
   * shortlist admits no feasible state at all, which is checked to be reported as such).
   */
  private static boolean noFeasibleState(Hamiltonian h, PenaltySearch.Outcome o) {
    if (o.feasibleStates() == 0) {
      assertFalse(h.referenceFeasible());
      assertFalse(o.groundFeasible());
      assertTrue(Double.isNaN(o.threshold()) && Double.isNaN(o.optimum()));
    }
    return !h.referenceFeasible();
  }

  /** Above P* the ground state is feasible, below it not (when P* > 0). */
  private static void checkThreshold(
      double[] f, double[] pen, boolean[] feasible, PenaltySearch.Outcome o) {
    assertTrue(o.weight() > o.threshold(), "the rule's weight is above P*");
    assertTrue(groundFeasibleAt(o.threshold() * (1 + 1e-6) + 1e-12, f, pen, feasible));
    if (o.threshold() > 0) {
      assertFalse(groundFeasibleAt(o.threshold() * (1 - 1e-6), f, pen, feasible));
    }
  }

  private static boolean groundFeasibleAt(
      double weight, double[] f, double[] pen, boolean[] feasible) {
    double minFeasible = Double.POSITIVE_INFINITY;
    double minInfeasible = Double.POSITIVE_INFINITY;
    for (int x = 0; x < f.length; x++) {
      double e = f[x] + weight * pen[x];
      if (feasible[x]) {
        minFeasible = Math.min(minFeasible, e);
      } else {
        minInfeasible = Math.min(minInfeasible, e);
      }
    }
    return minFeasible < minInfeasible;
  }

  @Test
  void summariseByHand() {
    double[] f = {-3, -2, -5, -1};
    double[] pen = {0, 0, 2, 1};
    boolean[] feasible = {true, true, false, false};
    PenaltySearch.Outcome tie = PenaltySearch.summarise(f, pen, feasible, 1, 0);
    assertEquals(-3, tie.optimum());
    assertEquals(1, tie.threshold(), 1e-15, "(−3 − (−5)) / 2");
    assertFalse(tie.groundFeasible(), "at P = P* the infeasible state ties");
    assertEquals(2, tie.feasibleStates());
    PenaltySearch.Outcome above = PenaltySearch.summarise(f, pen, feasible, 1.5, 0);
    assertTrue(above.groundFeasible());
    assertEquals(-3, above.groundEnergy());
    PenaltySearch.Outcome wrong =
        PenaltySearch.summarise(f, new double[] {0.5, 0, 2, 0}, feasible, 1.5, 0);
    assertEquals(2, wrong.inconsistent(), "a feasible state with a penalty, an infeasible without");
  }

  @Test
  void tooManyQubitsAreRefused() {
    Problem p = RandomProblems.random(3, 60, 5, 0.1, 8, 2, false);
    Hamiltonian h =
        new QaoaSolver(new QuantumSettings(1, 1, 0, PenaltySearch.MAX_FULL_SPACE_QUBITS + 1))
            .run(p, Budget.unlimited())
            .hamiltonian();
    assertThrows(IllegalArgumentException.class, () -> PenaltySearch.fullSpace(h));
  }
}
