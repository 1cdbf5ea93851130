package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Problem;
import io.github.qrerank.testing.RandomProblems;
import org.junit.jupiter.api.Test;

class SolversTest {
  private final Problem problem = RandomProblems.random(4, 60, 5, 0.2, 6, 2, true);

  @Test
  void exactAndAutoProveSmallProblems() {
    for (SolverKind kind : new SolverKind[] {SolverKind.EXACT, SolverKind.AUTO}) {
      SolveReport r = Solvers.run(problem, kind, 10_000);
      assertEquals(kind, r.requested());
      assertEquals(ExactSolver.NAME, r.answered());
      assertTrue(r.selection().provenOptimal());
      assertNull(r.fallbackReason());
      assertTrue(r.solveNanos() > 0);
    }
  }

  @Test
  void greedyAnswersAsGreedy() {
    SolveReport r = Solvers.run(problem, SolverKind.GREEDY, 10_000);
    assertEquals(GreedySwapSolver.NAME, r.answered());
    assertNull(r.fallbackReason());
    assertTrue(problem.respectsHardConstraints(r.selection().indices()));
  }

  @Test
  void zeroTimeoutFallsBackToTheGreedyIncumbent() {
    SolveReport r = Solvers.run(problem, SolverKind.AUTO, 0);
    assertEquals(Solvers.TIMEOUT, r.fallbackReason());
    assertEquals(GreedySwapSolver.NAME, r.answered());
    assertTrue(problem.respectsHardConstraints(r.selection().indices()));
    assertEquals(5, r.selection().size());
  }

  @Test
  void negativeTimeoutIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Solvers.run(problem, SolverKind.EXACT, -1));
    assertTrue(e.getMessage().contains("timeoutMs"));
  }

  @Test
  void qaoaAnswersWithItsRunAttached() {
    QuantumSettings settings = new QuantumSettings(5, 512, 2, 16);
    SolveReport r = Solvers.run(problem, SolverKind.QAOA, 10_000, settings);
    assertEquals(SolverKind.QAOA, r.requested());
    assertNotNull(r.quantum());
    assertEquals(16, r.quantum().diagnostics().qubits());
    assertTrue(problem.respectsHardConstraints(r.selection().indices()));
    if (r.fallbackReason() == null) {
      assertEquals(QaoaSolver.NAME, r.answered());
      assertArrayEquals(r.quantum().selection().indices(), r.selection().indices());
    } else {
      assertEquals(Solvers.INCOMPLETE, r.fallbackReason());
    }
    assertTrue(r.selection().report().complete());
    // The classical kinds carry no quantum run.
    assertNull(Solvers.run(problem, SolverKind.GREEDY, 10_000).quantum());
  }

  @Test
  void qaoaWithoutSettingsUsesTheContractDefaults() {
    SolveReport r = Solvers.run(problem, SolverKind.QAOA, 10_000);
    QaoaDiagnostics d = r.quantum().diagnostics();
    assertEquals(20, d.qubits());
    assertEquals(2, d.layers());
    assertEquals(1024, d.shots());
    assertEquals(42, d.seed());
  }

  @Test
  void qaoaPastItsBudgetFallsBackToTheExactSolver() {
    SolveReport r = Solvers.run(problem, SolverKind.QAOA, 0, QuantumSettings.DEFAULTS);
    assertEquals(Solvers.TIMEOUT, r.fallbackReason());
    assertTrue(r.quantum().timedOut());
    assertTrue(
        r.answered().equals(ExactSolver.NAME) || r.answered().equals(GreedySwapSolver.NAME),
        r.answered());
    assertTrue(problem.respectsHardConstraints(r.selection().indices()));
    assertEquals(5, r.selection().size());
  }

  @Test
  void qaoaSettingsItCannotRunWithAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Solvers.run(problem, SolverKind.QAOA, 100, new QuantumSettings(1, 10, 1, 4)));
    assertTrue(e.getMessage().startsWith("qubits"), e.getMessage());
    assertEquals(SolverKind.QAOA, SolverKind.parse("QAOA"));
    assertEquals("qaoa", SolverKind.QAOA.paramValue());
  }
  @Test
  void autoComparedWithQaoaKeepsTheExactAnswerAndAttachesTheRun() {
    QuantumSettings settings = new QuantumSettings(9, 256, 1, 12);
    SolveReport plain = Solvers.run(problem, SolverKind.AUTO, 10_000, settings);
    SolveReport compared = Solvers.run(problem, SolverKind.AUTO, 10_000, settings, SolverKind.QAOA);
    assertNull(plain.quantum());
    assertFalse(plain.quantumCompared());
    assertEquals(ExactSolver.NAME, compared.answered());
    assertArrayEquals(plain.selection().indices(), compared.selection().indices());
    assertTrue(compared.quantumCompared());
    assertTrue(compared.compareNanos() > 0);
    QaoaRun run = compared.quantum();
    assertEquals(12, run.diagnostics().qubits());
    assertEquals(9, run.diagnostics().seed());
    assertFalse(run.timedOut());
    // The comparison is the same run QAOA would answer from.
    SolveReport qaoa = Solvers.run(problem, SolverKind.QAOA, 10_000, settings);
    assertArrayEquals(qaoa.quantum().selection().indices(), run.selection().indices());
    assertFalse(qaoa.quantumCompared());
    assertEquals(0, qaoa.compareNanos());
    double optimum = compared.selection().objective();
    assertEquals(run.selection().objective() / optimum, run.approximationRatio(), 1e-12);
    assertTrue(run.approximationRatio() <= 1 + 1e-9);
    assertEquals(
        Math.abs(run.selection().objective() - optimum) <= 1e-9 * (1 + Math.abs(optimum))
            && run.selection().size() == compared.selection().size(),
        run.foundOptimum());
  }

  @Test
  void comparingWithTheAnsweringSolverOrNothingRunsNothingMore() {
    QuantumSettings settings = new QuantumSettings(9, 64, 1, 10);
    SolveReport qaoa = Solvers.run(problem, SolverKind.QAOA, 10_000, settings, SolverKind.QAOA);
    assertFalse(qaoa.quantumCompared());
    assertEquals(0, qaoa.compareNanos());
    SolveReport greedy = Solvers.run(problem, SolverKind.GREEDY, 10_000, settings, null);
    assertNull(greedy.quantum());
    SolveReport greedyCompared =
        Solvers.run(problem, SolverKind.GREEDY, 10_000, settings, SolverKind.QAOA);
    assertEquals(GreedySwapSolver.NAME, greedyCompared.answered());
    assertTrue(greedyCompared.quantumCompared());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Solvers.run(problem, SolverKind.AUTO, 10, settings, SolverKind.GREEDY));
    assertTrue(e.getMessage().contains("qaoa"), e.getMessage());
  }

  @Test
  void aTimedOutRunHasNoRatio() {
    QaoaRun run = Solvers.run(problem, SolverKind.QAOA, 0, QuantumSettings.DEFAULTS).quantum();
    assertTrue(run.timedOut());
    assertNull(run.approximationRatio());
    assertNull(run.foundOptimum());
  }
}
