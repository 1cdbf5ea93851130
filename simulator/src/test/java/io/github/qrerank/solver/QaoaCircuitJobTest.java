package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.QaoaSimulation;
import io.github.qrerank.quantum.SubspaceState;
import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.quantum.XYMixer;
import io.github.qrerank.testing.RandomProblems;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QaoaCircuitJobTest {
  /** The in-process run of a problem and the job prepared for it with the same settings. */
  private record Both(QaoaRun inProcess, QaoaCircuitJob job) {
    static Both of(Problem p, QuantumSettings s) {
      return new Both(
          new QaoaSolver(s).run(p, Budget.unlimited()),
          QaoaCircuitJob.prepare(p, s, Budget.unlimited()));
    }
  }

  /** The in-process run's circuit text without its comment lines. */
  private static String withoutComments(String qasm) {
    return qasm.lines()
        .filter(l -> !l.startsWith("//"))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** Samples the circuit the way {@link QaoaSolver} does, as bit masks. */
  private static long[] simulatedSamples(QaoaRun run, QuantumSettings s) {
    Hamiltonian h = run.hamiltonian();
    WeightSubspace space = WeightSubspace.of(h.numQubits(), h.weight());
    QaoaSimulation sim = new QaoaSimulation(XYMixer.ring(space), h.subspaceDiagonal(space));
    SubspaceState state = sim.run(run.diagnostics().gammas(), run.diagnostics().betas());
    int[] ranks = state.sample(s.shots(), new SplittableRandom(s.seed()));
    long[] masks = new long[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      masks[i] = space.mask(ranks[i]);
    }
    return masks;
  }

  @Test
  void theCircuitIsTheSimulatedOneWithoutComments() {
    for (long seed = 1; seed <= 4; seed++) {
      Problem p = RandomProblems.random(seed, 40, 4, 0.1, 6, 2, seed % 2 == 0);
      Both both = Both.of(p, new QuantumSettings(seed, 256, 2, 12));
      QaoaCircuitJob job = both.job();
      assertTrue(job.hasCircuit());
      assertNull(job.timedOutAt());
      assertEquals(12, job.numQubits());
      assertEquals(256, job.shots());
      assertEquals(withoutComments(both.inProcess().openQasm()), job.qasm());
      assertFalse(job.qasm().contains("//"), "no comment leaves with the circuit");
    }
  }

  @Test
  void theSimulatorsSamplesGiveTheInProcessAnswer() {
    for (long seed = 1; seed <= 6; seed++) {
      Problem p = RandomProblems.random(seed, 60, 4, 0.1, 8, 2, seed % 2 == 1);
      QuantumSettings s = new QuantumSettings(seed, 512, 2, 14);
      Both both = Both.of(p, s);
      QaoaRun inProcess = both.inProcess();
      Selection exact = new ExactSolver().solve(p, Budget.unlimited());
      QaoaRun remote = both.job().answer(simulatedSamples(inProcess, s), Budget.unlimited(), exact);
      assertFalse(remote.timedOut());
      assertEquals(QaoaCircuitJob.NAME, remote.selection().solver());
      assertArrayEquals(inProcess.selection().indices(), remote.selection().indices());
      assertTrue(p.respectsHardConstraints(remote.selection().indices()));
      QaoaDiagnostics a = inProcess.diagnostics();
      QaoaDiagnostics b = remote.diagnostics();
      assertEquals(a.distinctSamples(), b.distinctSamples());
      assertEquals(a.feasibleSampleShare(), b.feasibleSampleShare(), 0);
      assertEquals(a.bestSampleEnergy(), b.bestSampleEnergy(), 1e-9);
      assertEquals(a.groundEnergy(), b.groundEnergy());
      assertEquals(a.optimumInShortlist(), b.optimumInShortlist());
      assertArrayEquals(a.gammas(), b.gammas());
      assertTrue(Double.isNaN(b.expectation()), "no simulated state, no expectation");
      assertTrue(b.bestSampleProbability() > 0 && b.bestSampleProbability() <= 1);
      assertEquals(exact, remote.windowOptimum());
    }
  }

  @Test
  void anyBitStringIsRepairedToAFeasibleSelection() {
    Problem p = RandomProblems.random(9, 50, 5, 0.2, 5, 1, true);
    QaoaCircuitJob job =
        QaoaCircuitJob.prepare(p, new QuantumSettings(3, 64, 1, 16), Budget.unlimited());
    SplittableRandom rng = new SplittableRandom(77);
    for (int round = 0; round < 50; round++) {
      long[] samples = new long[1 + rng.nextInt(8)];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = rng.nextLong(1L << 16); // any weight: noise leaves the Dicke subspace
      }
      QaoaRun run = job.answer(samples, Budget.unlimited(), null);
      int[] chosen = run.selection().indices();
      assertTrue(p.respectsHardConstraints(chosen), "round " + round);
      assertTrue(chosen.length <= p.k());
    }
  }

  @Test
  void samplesWiderThanTheRegisterAreRefused() {
    Problem p = RandomProblems.random(4, 30, 3, 0.1, 4, 2, false);
    QaoaCircuitJob job =
        QaoaCircuitJob.prepare(p, new QuantumSettings(1, 8, 1, 10), Budget.unlimited());
    assertThrows(
        IllegalArgumentException.class,
        () -> job.answer(new long[] {1L << 10}, Budget.unlimited(), null));
  }

  @Test
  void anExpiredBudgetLeavesNoCircuitAndAGreedyStandIn() {
    Problem p = RandomProblems.random(5, 40, 4, 0.1, 6, 2, true);
    QaoaCircuitJob job =
        QaoaCircuitJob.prepare(p, new QuantumSettings(1, 8, 2, 12), Budget.ofNanos(0));
    assertFalse(job.hasCircuit());
    assertEquals("shortlist", job.timedOutAt());
    QaoaRun run = job.withoutSamples(job.timedOutAt());
    assertTrue(run.timedOut());
    assertEquals(GreedySwapSolver.NAME, run.selection().solver());
    assertTrue(p.respectsHardConstraints(run.selection().indices()));
  }

  @Test
  void nothingToSelectNeedsNoCircuit() {
    Problem p =
        new Problem(
            new double[] {1, 2},
            new double[4],
            0.5,
            new boolean[] {false, false},
            List.of(),
            List.of(),
            1);
    QaoaCircuitJob job =
        QaoaCircuitJob.prepare(p, new QuantumSettings(1, 8, 1, 4), Budget.unlimited());
    assertFalse(job.hasCircuit());
    assertNull(job.timedOutAt());
    assertEquals(0, job.answerWithoutCircuit().selection().size());
  }
}
