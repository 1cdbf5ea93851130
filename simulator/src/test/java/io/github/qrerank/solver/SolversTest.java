package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
