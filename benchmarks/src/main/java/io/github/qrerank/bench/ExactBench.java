package io.github.qrerank.bench;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.solver.SolveReport;
import io.github.qrerank.solver.SolverKind;
import io.github.qrerank.solver.Solvers;
import java.util.List;

/**
 * Times the exact solver through {@link Solvers#run} (the entry point the Solr plugin uses) on
 * every instance of a set, after a JIT warm-up on instances with other seeds. The set is solved in
 * {@code passes} full passes; the first pass gives the single-solve times, and the fastest of the
 * passes per instance separates the instance's own cost from pauses of a shared machine. The clock
 * runs around the call only; the problems are built beforehand.
 */
final class ExactBench {

  /** Per-instance outcome, index-aligned with the instance set. */
  record Outcome(
      InstanceSet set,
      long timeoutMs,
      long[] nanos,
      long[] bestNanos,
      int passes,
      long[] nodes,
      Selection[] selections,
      int proven,
      int complete) {

    Latencies latencies() {
      return new Latencies(nanos);
    }

    /** Per instance, the fastest of the passes. */
    Latencies bestOfPasses() {
      return new Latencies(bestNanos);
    }

    Latencies nodeCounts() {
      return new Latencies(nodes);
    }

    /** Times of the instances with ({@code true}) or without quotas; null when there are none. */
    Latencies latenciesWithQuotas(boolean withQuotas) {
      long[] picked =
          java.util.stream.IntStream.range(0, nanos.length)
              .filter(i -> set.problems().get(i).quotas().isEmpty() != withQuotas)
              .mapToLong(i -> nanos[i])
              .toArray();
      return picked.length == 0 ? null : new Latencies(picked);
    }
  }

  private ExactBench() {}

  /** Solves every warm-up problem {@code rounds} times, discarding the results. */
  static void warmUp(List<Problem> problems, int rounds, long timeoutMs) {
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      for (Problem p : problems) {
        sink += Solvers.run(p, SolverKind.EXACT, timeoutMs).selection().nodes();
      }
    }
    if (sink == Long.MIN_VALUE) {
      System.err.println("unreachable " + sink); // keeps the warm-up from being optimised away
    }
  }

  static Outcome run(InstanceSet set, long timeoutMs, int passes) {
    if (passes < 1) {
      throw new IllegalArgumentException("passes must be >= 1: " + passes);
    }
    Outcome first = firstPass(set, timeoutMs);
    long[] best = first.nanos().clone();
    for (int pass = 1; pass < passes; pass++) {
      for (int i = 0; i < set.size(); i++) {
        long start = System.nanoTime();
        Solvers.run(set.problems().get(i), SolverKind.EXACT, timeoutMs);
        best[i] = Math.min(best[i], System.nanoTime() - start);
      }
    }
    return new Outcome(
        set,
        timeoutMs,
        first.nanos(),
        best,
        passes,
        first.nodes(),
        first.selections(),
        first.proven(),
        first.complete());
  }

  private static Outcome firstPass(InstanceSet set, long timeoutMs) {
    int m = set.size();
    long[] nanos = new long[m];
    long[] nodes = new long[m];
    Selection[] selections = new Selection[m];
    int proven = 0;
    int complete = 0;
    System.gc();
    for (int i = 0; i < m; i++) {
      Problem p = set.problems().get(i);
      long start = System.nanoTime();
      SolveReport report = Solvers.run(p, SolverKind.EXACT, timeoutMs);
      nanos[i] = System.nanoTime() - start;
      Selection s = report.selection();
      selections[i] = s;
      nodes[i] = s.nodes();
      if (s.provenOptimal()) {
        proven++;
      }
      if (s.report().complete()) {
        complete++;
      }
      if (!p.respectsHardConstraints(s.indices())) {
        throw new IllegalStateException(
            "exact solver broke a hard constraint on " + set.name() + " instance " + i);
      }
    }
    return new Outcome(set, timeoutMs, nanos, nanos, 1, nodes, selections, proven, complete);
  }
}
