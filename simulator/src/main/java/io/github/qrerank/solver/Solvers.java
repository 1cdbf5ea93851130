package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;

/** Runs the solver a request asks for under its time budget, with the documented fallbacks. */
public final class Solvers {
  private Solvers() {}

  /**
   * Solves {@code problem} with {@code kind} within {@code timeoutMs}. Never throws on a valid
   * problem; the selection always respects the hard constraints.
   */
  public static SolveReport run(Problem problem, SolverKind kind, long timeoutMs) {
    throw new UnsupportedOperationException("TODO");
  }
}
