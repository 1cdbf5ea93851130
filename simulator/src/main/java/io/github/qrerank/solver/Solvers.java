package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;

/** Runs the solver a request asks for under its time budget, with the documented fallbacks. */
public final class Solvers {
  /** The fallback reason when the budget ran out before the asked solver finished. */
  public static final String TIMEOUT = "timeout";

  private Solvers() {}

  /**
   * Solves {@code problem} with {@code kind} within {@code timeoutMs}. Never throws on a valid
   * problem; the selection always respects the hard constraints.
   *
   * <ul>
   *   <li>{@link SolverKind#EXACT} and {@link SolverKind#AUTO}: {@link ExactSolver} with the
   *       budget; when it could not prove optimality the fallback reason is {@value #TIMEOUT} and
   *       the selection names the solver whose answer it is.
   *   <li>{@link SolverKind#GREEDY}: {@link GreedySwapSolver}, whose local search stops at the
   *       budget (no fallback reason: greedy never claims optimality).
   * </ul>
   *
   * @param timeoutMs the budget in milliseconds, >= 0
   */
  public static SolveReport run(Problem problem, SolverKind kind, long timeoutMs) {
    if (timeoutMs < 0) {
      throw new IllegalArgumentException("timeoutMs must be >= 0: " + timeoutMs);
    }
    long start = System.nanoTime();
    Budget budget = Budget.ofMillis(timeoutMs);
    Selection selection;
    String fallback = null;
    switch (kind) {
      case AUTO, EXACT -> {
        selection = new ExactSolver().solve(problem, budget);
        if (!selection.provenOptimal()) {
          fallback = TIMEOUT;
        }
      }
      case GREEDY -> selection = new GreedySwapSolver().solve(problem, budget);
      default -> throw new IllegalArgumentException("unsupported solver: " + kind);
    }
    return new SolveReport(kind, selection, fallback, System.nanoTime() - start);
  }
}
