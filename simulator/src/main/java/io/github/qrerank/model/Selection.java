package io.github.qrerank.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A solver's answer: the selected document indices, ordered by utility descending (ties by index),
 * the objective F(S), whether the solver proved it optimal, and an upper bound on the optimum.
 *
 * <p>The selection always respects the hard constraints (eligibility, caps, at most k). When the
 * problem admits no feasible set of size k, or a quota cannot be met, it is the best answer of the
 * largest feasible size with the most quota coverage, and {@link ConstraintReport#complete()} is
 * false.
 */
public final class Selection {
  private final int[] indices;
  private final double objective;
  private final boolean provenOptimal;
  private final double upperBound;
  private final String solver;
  private final long nodes;
  private final ConstraintReport report;

  /**
   * @param upperBound an upper bound on the optimum of the same (size, quota coverage) class; equal
   *     to {@code objective} when proven, {@code Double.POSITIVE_INFINITY} when unknown
   * @param nodes search nodes explored (0 for solvers that do not search)
   */
  public Selection(
      Problem problem,
      int[] indices,
      boolean provenOptimal,
      double upperBound,
      String solver,
      long nodes) {
    this.indices = orderByUtility(problem, indices);
    this.objective = problem.objective(this.indices);
    this.provenOptimal = provenOptimal;
    this.upperBound = upperBound;
    this.solver = Objects.requireNonNull(solver, "solver");
    this.nodes = nodes;
    this.report = ConstraintReport.of(problem, this.indices);
  }

  private static int[] orderByUtility(Problem problem, int[] indices) {
    return Arrays.stream(indices)
        .boxed()
        .sorted(
            (a, b) -> {
              int c = Double.compare(problem.utility(b), problem.utility(a));
              return c != 0 ? c : Integer.compare(a, b);
            })
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Selected indices, position 0 first (utility descending, ties by index). */
  public int[] indices() {
    return indices.clone();
  }

  public int size() {
    return indices.length;
  }

  public double objective() {
    return objective;
  }

  public boolean provenOptimal() {
    return provenOptimal;
  }

  public double upperBound() {
    return upperBound;
  }

  /** Name of the solver that produced this selection. */
  public String solver() {
    return solver;
  }

  public long nodes() {
    return nodes;
  }

  public ConstraintReport report() {
    return report;
  }

  @Override
  public String toString() {
    return solver
        + Arrays.toString(indices)
        + " F="
        + objective
        + (provenOptimal ? " (optimal)" : " (bound " + upperBound + ")");
  }
}
