package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;

/**
 * Proves the optimum by branch and bound (see {@link BranchAndBound}), starting from the
 * {@link GreedySwapSolver} answer.
 *
 * <p>The optimum is the lexicographic maximum of {@code (|S|, quota coverage, F(S))} over the sets
 * that respect the hard constraints (eligible, caps, at most k), where quota coverage is {@code
 * Σ_q min(count_q(S), min_q)}. When a set of size k meeting every quota exists, this is the
 * largest F among those sets. F values are compared in double arithmetic: "proven" means no set
 * has a larger F beyond rounding in the last bits.
 *
 * <p>When the budget expires the best set found so far is returned with {@code provenOptimal =
 * false} and an upper bound on F over the sets of its size; its solver name is {@value
 * GreedySwapSolver#NAME} when the search did not improve on the greedy answer, else {@value
 * #NAME}. Deterministic for the same problem.
 */
public final class ExactSolver implements Solver {
  public static final String NAME = "exact";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Selection solve(Problem problem, Budget budget) {
    Candidates c = new Candidates(problem);
    SearchState greedy = GreedySwapSolver.run(c, budget);
    BranchAndBound search = new BranchAndBound(c, greedy, budget);
    boolean proven = search.run();
    int[] positions = search.incumbent();
    int[] docs = c.docs(positions, positions.length);
    double bound = proven ? problem.objective(docs) : search.upperBound();
    String name = !proven && search.incumbentFromGreedy() ? GreedySwapSolver.NAME : NAME;
    return new Selection(problem, docs, proven, bound, name, search.nodes());
  }
}
