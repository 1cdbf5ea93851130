package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;

/**
 * Chooses a selection for a {@link Problem}. Implementations are thread-safe and never throw on a
 * valid problem: an infeasible request yields the best feasible smaller or partial selection.
 */
public interface Solver {

  /** The name reported as "solver that answered". */
  String name();

  /** Solves within the budget; a solver that runs out returns its best feasible incumbent. */
  Selection solve(Problem problem, Budget budget);
}
