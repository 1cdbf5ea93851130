package io.github.qrerank.solver;

import io.github.qrerank.model.Selection;

/**
 * What solving a problem produced: the solver asked for, the selection (whose {@link
 * Selection#solver()} names the solver that answered), the fallback reason if the asked solver did
 * not answer or did not finish (for example {@code timeout}), the wall time, and the quantum run
 * when QAOA ran (else null): for {@link SolverKind#QAOA} the run that answered (its diagnostics,
 * and the circuit on request), for a classical solver asked to compare with QAOA the comparison run
 * reported beside its answer ({@link #quantumCompared()}).
 *
 * @param solveNanos the asked solver's wall time, fallback included, comparison excluded
 * @param compareNanos the comparison run's wall time (0 when there was none)
 */
public record SolveReport(
    SolverKind requested,
    Selection selection,
    String fallbackReason,
    long solveNanos,
    QaoaRun quantum,
    long compareNanos) {

  /** A report without a comparison. */
  public SolveReport(
      SolverKind requested,
      Selection selection,
      String fallbackReason,
      long solveNanos,
      QaoaRun quantum) {
    this(requested, selection, fallbackReason, solveNanos, quantum, 0);
  }

  /** A report without a quantum run (the classical solvers). */
  public SolveReport(
      SolverKind requested, Selection selection, String fallbackReason, long solveNanos) {
    this(requested, selection, fallbackReason, solveNanos, null, 0);
  }

  public String answered() {
    return selection.solver();
  }

  /**
   * True when {@link #quantum()} is a comparison run beside a classical answer, false when it is
   * the run QAOA answered (or fell back) from, in process or remote, or there is none.
   */
  public boolean quantumCompared() {
    return quantum != null && requested != SolverKind.QAOA && requested != SolverKind.REMOTE;
  }
}
