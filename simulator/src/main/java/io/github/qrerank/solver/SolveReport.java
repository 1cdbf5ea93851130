package io.github.qrerank.solver;

import io.github.qrerank.model.Selection;

/**
 * What solving a problem produced: the solver asked for, the selection (whose {@link
 * Selection#solver()} names the solver that answered), the fallback reason if the asked solver did
 * not answer or did not finish (for example {@code timeout}), and the wall time.
 */
public record SolveReport(
    SolverKind requested, Selection selection, String fallbackReason, long solveNanos) {

  public String answered() {
    return selection.solver();
  }
}
