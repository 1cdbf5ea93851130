package io.github.qrerank.solver;

import io.github.qrerank.model.Selection;

/**
 * What solving a problem produced: the solver asked for, the selection (whose {@link
 * Selection#solver()} names the solver that answered), the fallback reason if the asked solver did
 * not answer or did not finish (for example {@code timeout}), the wall time, and for {@link
 * SolverKind#QAOA} the quantum run (its diagnostics, and the circuit on request), else null.
 */
public record SolveReport(
    SolverKind requested,
    Selection selection,
    String fallbackReason,
    long solveNanos,
    QaoaRun quantum) {

  /** A report without a quantum run (the classical solvers). */
  public SolveReport(
      SolverKind requested, Selection selection, String fallbackReason, long solveNanos) {
    this(requested, selection, fallbackReason, solveNanos, null);
  }

  public String answered() {
    return selection.solver();
  }
}
