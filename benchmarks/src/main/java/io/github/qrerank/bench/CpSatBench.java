package io.github.qrerank.bench;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import java.util.ArrayList;
import java.util.List;

/**
 * Solves the instances the exact solver was timed on with CP-SAT and compares, instance by
 * instance, the optimum and the time.
 *
 * <p>An instance is compared only when the exact answer is complete (k documents, every quota met):
 * CP-SAT's model has hard quotas and {@code sum x = k}, so it has no counterpart of the contract's
 * "best smaller/partial selection". Agreement means the true F of CP-SAT's set is within twice the
 * rounding tolerance of the exact F (see {@link CpSatSolver}). A mismatch is any compared instance
 * where CP-SAT proves a different optimum, or where any CP-SAT answer (proven or not) beats the
 * exact one by more than that tolerance.
 */
final class CpSatBench {

  /** The comparison over one instance set and one CP-SAT configuration. */
  record Outcome(
      String configuration,
      CpSatSolver solver,
      int attempted,
      int skippedIncomplete,
      int proven,
      int feasibleOnly,
      int noSolution,
      int agree,
      int mismatches,
      List<String> mismatchDetails,
      long[] totalNanos,
      long[] solveNanos,
      double[] ratios,
      double[] timedOutRatios,
      long exactNanosSum,
      long cpSatNanosSum,
      double meanPairVariables) {

    /** CP-SAT model build + solve, over instances where CP-SAT ran (proven or not). */
    Latencies total() {
      return new Latencies(totalNanos);
    }

    Latencies solveOnly() {
      return new Latencies(solveNanos);
    }

    /**
     * Nearest-rank percentile of the per-instance time ratios CP-SAT (build + solve) / exact, over
     * the instances both proved; NaN when there are none.
     */
    double ratioPercentile(double p) {
      return percentile(ratios, p);
    }

    /**
     * Nearest-rank percentile of CP-SAT time / exact time over the instances the exact solver
     * proved and CP-SAT did not within its time limit: a lower bound on the ratio for those.
     */
    double timedOutRatioPercentile(double p) {
      return percentile(timedOutRatios, p);
    }

    private static double percentile(double[] values, double p) {
      if (values.length == 0) {
        return Double.NaN;
      }
      double[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(rank, 1) - 1];
    }
  }

  private CpSatBench() {}

  /** The table's label of a configuration: "1", or "default (N)" with the count CP-SAT used. */
  static String label(CpSatSolver solver) {
    if (solver.workers() > 0) {
      return Integer.toString(solver.workers());
    }
    int used = solver.effectiveWorkers();
    return used > 0 ? "default (" + used + ")" : "default";
  }

  /** A few solves to load the native library and warm its JNI paths; results discarded. */
  static void warmUp(CpSatSolver solver, List<Problem> problems) {
    for (Problem p : problems) {
      solver.solve(p);
    }
  }

  static Outcome run(
      String configuration, CpSatSolver solver, ExactBench.Outcome exact, int limit) {
    List<Problem> problems = exact.set().problems();
    int count = Math.min(limit, problems.size());
    int skipped = 0;
    int proven = 0;
    int feasibleOnly = 0;
    int noSolution = 0;
    int agree = 0;
    int mismatches = 0;
    List<String> details = new ArrayList<>();
    List<Long> total = new ArrayList<>();
    List<Long> solve = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> timedOut = new ArrayList<>();
    long exactSum = 0;
    long cpSum = 0;
    long pairSum = 0;
    for (int i = 0; i < count; i++) {
      Problem p = problems.get(i);
      Selection best = exact.selections()[i];
      if (!best.report().complete()) {
        skipped++;
        continue;
      }
      CpSatSolver.Result r = solver.solve(p);
      total.add(r.totalNanos());
      solve.add(r.solveNanos());
      pairSum += r.pairVariables();
      if (!r.proven() && best.provenOptimal()) {
        timedOut.add((double) r.totalNanos() / exact.nanos()[i]);
      }
      if (!r.hasSolution()) {
        noSolution++;
        continue;
      }
      double tolerance = 2 * solver.roundingTolerance(p.k());
      double f = p.objective(r.selection());
      double diff = f - best.objective();
      boolean hard = p.respectsHardConstraints(r.selection()) && r.selection().length == p.k();
      if (!hard || diff > tolerance || (r.proven() && best.provenOptimal() && diff < -tolerance)) {
        mismatches++;
        if (details.size() < 10) {
          details.add(
              String.format(
                  java.util.Locale.ROOT,
                  "instance %d: exact F=%.9f (%s), CP-SAT F=%.9f (%s)%s",
                  i,
                  best.objective(),
                  best.provenOptimal() ? "proven" : "not proven",
                  f,
                  r.status(),
                  hard ? "" : ", CP-SAT answer breaks a hard constraint"));
        }
        continue;
      }
      if (r.proven()) {
        proven++;
        if (best.provenOptimal()) {
          agree++;
          ratios.add((double) r.totalNanos() / exact.nanos()[i]);
          exactSum += exact.nanos()[i];
          cpSum += r.totalNanos();
        }
      } else {
        feasibleOnly++;
      }
    }
    return new Outcome(
        configuration,
        solver,
        count,
        skipped,
        proven,
        feasibleOnly,
        noSolution,
        agree,
        mismatches,
        details,
        total.stream().mapToLong(Long::longValue).toArray(),
        solve.stream().mapToLong(Long::longValue).toArray(),
        ratios.stream().mapToDouble(Double::doubleValue).toArray(),
        timedOut.stream().mapToDouble(Double::doubleValue).toArray(),
        exactSum,
        cpSum,
        total.isEmpty() ? 0 : (double) pairSum / total.size());
  }
}
