package io.github.qrerank.quantum.qasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Problem;
import io.github.qrerank.quantum.Diagonal;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.QaoaSimulation;
import io.github.qrerank.quantum.StateVector;
import io.github.qrerank.quantum.SubspaceState;
import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.quantum.XYMixer;
import io.github.qrerank.quantum.ZPolynomial;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.GreedySwapSolver;
import io.github.qrerank.testing.RandomProblems;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The exported circuit, piece by piece and whole: the OpenQASM text is parsed back and run on the
 * full state-vector engine, and must give the subspace engine's state (up to a global phase).
 */
class QaoaCircuitTest {
  private static final double TOL = 1e-10;

  private static StateVector run(int n, List<Gate> gates) {
    StateVector s = new StateVector(n);
    for (Gate g : gates) {
      QasmProgram.apply(s, g);
    }
    return s;
  }

  /** max_x |a_x − e^{iφ} b_x| with φ aligning the largest amplitude of b; asserts the norms. */
  private static double distanceUpToPhase(StateVector a, StateVector b) {
    int big = 0;
    for (int x = 0; x < b.size(); x++) {
      if (b.probability(x) > b.probability(big)) {
        big = x;
      }
    }
    // e^{iφ} = a_big / b_big, normalised.
    double pr = a.re(big) * b.re(big) + a.im(big) * b.im(big);
    double pi = a.im(big) * b.re(big) - a.re(big) * b.im(big);
    double norm = Math.hypot(pr, pi);
    pr /= norm;
    pi /= norm;
    double d = 0;
    for (int x = 0; x < a.size(); x++) {
      double br = pr * b.re(x) - pi * b.im(x);
      double bi = pr * b.im(x) + pi * b.re(x);
      d = Math.max(d, Math.hypot(a.re(x) - br, a.im(x) - bi));
    }
    return d;
  }

  @Test
  void dickeCircuitPreparesTheDickeState() {
    for (int n = 1; n <= 8; n++) {
      for (int k = 0; k <= n; k++) {
        StateVector prepared = run(n, QaoaCircuit.dicke(n, k));
        StateVector expected = new StateVector(n).setDicke(k);
        for (int x = 0; x < prepared.size(); x++) {
          assertEquals(expected.re(x), prepared.re(x), 1e-12, "n=" + n + " k=" + k + " at " + x);
          assertEquals(0, prepared.im(x), 1e-12);
        }
      }
    }
  }

  @Test
  void xyDecompositionIsTheEnginesXyRotation() {
    SplittableRandom rng = new SplittableRandom(9);
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        if (a == b) {
          continue;
        }
        StateVector s = new StateVector(4);
        for (int q = 0; q < 4; q++) {
          s.ry(q, rng.nextDouble() * 3).rz(q, rng.nextDouble() * 3);
        }
        s.cx(0, 1).cx(2, 3).cx(1, 2);
        double theta = (rng.nextDouble() - 0.5) * 8;
        StateVector decomposed = s.copy();
        for (Gate g : QaoaCircuit.xy(a, b, theta)) {
          QasmProgram.apply(decomposed, g);
        }
        s.xy(a, b, theta);
        for (int x = 0; x < 16; x++) {
          // Equal including the global phase.
          assertEquals(s.re(x), decomposed.re(x), 1e-12);
          assertEquals(s.im(x), decomposed.im(x), 1e-12);
        }
      }
    }
  }

  @Test
  void costLayerIsThePhaseOfItsPolynomial() {
    SplittableRandom rng = new SplittableRandom(4);
    ZPolynomial.Builder b = new ZPolynomial.Builder(5);
    for (long mask = 0; mask < 32; mask++) {
      b.add(mask, rng.nextDouble() - 0.5);
    }
    ZPolynomial z = b.build();
    StateVector start = new StateVector(5).setUniform();
    StateVector circuit = start.copy();
    for (Gate g : QaoaCircuit.costLayer(z, 0.8)) {
      QasmProgram.apply(circuit, g);
    }
    StateVector engine = start.copy().applyDiagonalPhase(Diagonal.overBasis(5, z::energy), 0.8);
    assertTrue(distanceUpToPhase(engine, circuit) < TOL);
  }

  /**
   * A window of 8 documents with a cap of 2 (cubic penalty terms) and quotas (higher-degree terms):
   * the written, parsed and executed circuit equals the subspace simulation.
   */
  @Test
  void exportedQasmRunsToTheSubspaceEnginesState() {
    int checked = 0;
    for (long seed = 1; seed <= 6; seed++) {
      Problem p = RandomProblems.random(seed, 9, 3, 0.1, 2, 2, true);
      int[] docs = IntStream.range(0, p.size()).filter(p::isEligible).limit(8).toArray();
      int[] ref = new GreedySwapSolver().solve(p.restrictTo(docs), Budget.unlimited()).indices();
      for (int i = 0; i < ref.length; i++) {
        ref[i] = docs[ref[i]];
      }
      Hamiltonian h = Hamiltonian.of(p, docs, ref);
      int n = h.numQubits();
      WeightSubspace space = WeightSubspace.of(n, h.weight());
      QaoaSimulation sim = new QaoaSimulation(XYMixer.ring(space), h.subspaceDiagonal(space));
      double[] gammas = {0.4 / sim.spread(), 0.9 / sim.spread()};
      double[] betas = {0.5, 0.2};
      SubspaceState engine = sim.run(gammas, betas);
      StateVector embedded = new StateVector(n).setAmplitude(0, 0, 0); // weight 0 is not reached
      for (int r = 0; r < space.dimension(); r++) {
        embedded.setAmplitude((int) space.mask(r), engine.re(r), engine.im(r));
      }
      ZPolynomial cost = h.subspaceCost();
      String text =
          QaoaCircuit.toQasm(n, QaoaCircuit.qaoa(cost, h.weight(), gammas, betas), List.of("test"));
      QasmProgram program = QasmProgram.parse(text);
      assertTrue(program.measured());
      assertEquals(n, program.numQubits());
      StateVector circuit = program.run();
      assertTrue(distanceUpToPhase(embedded, circuit) < TOL, "seed " + seed);
      if (cost.degree() >= 3) {
        checked++;
      }
    }
    assertTrue(checked >= 3, "instances with penalty terms of degree >= 3: " + checked);
  }
}
