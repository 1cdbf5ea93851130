package io.github.qrerank.bench;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The selection problem as a Google OR-Tools CP-SAT model, the way a user without qrerank would
 * write it: a binary {@code x_i} per eligible document, a binary {@code y_ij} per pair of eligible
 * documents whose penalty {@code lambda * sim_ij} is positive, linearised by {@code y_ij >= x_i +
 * x_j - 1} (the objective pushes y down, so y_ij = x_i AND x_j at the optimum), {@code sum x = k},
 * one {@code <= max} row per capped group, one {@code >= min} row per quota, and the objective
 * {@code max sum c_i x_i - sum d_ij y_ij}.
 *
 * <p>CP-SAT needs integer coefficients: {@code c_i = round(scale * v_i)} and {@code d_ij =
 * round(scale * lambda * sim_ij)}. A pair whose rounded penalty is 0 gets no y. Each rounded
 * coefficient is within {@code 0.5/scale} of the true one, so the true objective F of any k-set
 * differs from (scaled objective)/scale by at most {@link #roundingTolerance}; two sets that are
 * each optimal for one of the two objectives differ in F by at most twice that.
 *
 * <p>Ineligible documents get no variable (they are fixed to 0, which CP-SAT's presolve would do
 * anyway). Quotas are modelled as hard constraints, so an instance whose quotas cannot be met is
 * infeasible here; the benchmark compares only instances whose exact answer is complete.
 */
final class CpSatSolver {
  private static final Object LOAD_LOCK = new Object();
  private static boolean loaded;

  /** What CP-SAT answered for one instance. */
  record Result(
      int[] selection,
      CpSolverStatus status,
      long buildNanos,
      long solveNanos,
      int pairVariables,
      double scaledObjective,
      double scaledBound) {

    boolean proven() {
      return status == CpSolverStatus.OPTIMAL;
    }

    boolean hasSolution() {
      return status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
    }

    long totalNanos() {
      return buildNanos + solveNanos;
    }
  }

  private final double scale;
  private final int workers;
  private final double timeLimitSeconds;

  /**
   * @param scale objective coefficients are multiplied by this and rounded
   * @param workers CP-SAT {@code num_workers}; 0 keeps CP-SAT's default
   * @param timeLimitSeconds CP-SAT {@code max_time_in_seconds} per instance
   */
  CpSatSolver(double scale, int workers, double timeLimitSeconds) {
    if (!(scale >= 1) || workers < 0 || !(timeLimitSeconds > 0)) {
      throw new IllegalArgumentException("scale >= 1, workers >= 0, timeLimitSeconds > 0 required");
    }
    this.scale = scale;
    this.workers = workers;
    this.timeLimitSeconds = timeLimitSeconds;
    loadNativeLibraries();
  }

  /** Loads OR-Tools' JNI libraries once per JVM (they ship inside the ortools-linux-x86-64 jar). */
  static void loadNativeLibraries() {
    synchronized (LOAD_LOCK) {
      if (!loaded) {
        Loader.loadNativeLibraries();
        loaded = true;
      }
    }
  }

  /**
   * How many workers CP-SAT actually uses with this configuration: {@link #workers} when set,
   * otherwise what CP-SAT's own search log reports for a trivial model ("... with N workers"), or
   * -1 when the log does not say.
   */
  int effectiveWorkers() {
    if (workers > 0) {
      return workers;
    }
    CpModel model = new CpModel();
    model.maximize(model.newBoolVar("probe"));
    CpSolver solver = new CpSolver();
    solver.getParameters().setLogSearchProgress(true).setLogToStdout(false);
    int[] found = {-1};
    Pattern pattern = Pattern.compile("with (\\d+) workers");
    solver.setLogCallback(
        line -> {
          Matcher m = pattern.matcher(line);
          if (m.find()) {
            found[0] = Integer.parseInt(m.group(1));
          }
        });
    solver.solve(model);
    solver.clearLogCallback();
    return found[0];
  }

  double scale() {
    return scale;
  }

  int workers() {
    return workers;
  }

  double timeLimitSeconds() {
    return timeLimitSeconds;
  }

  /**
   * Bound on |F(S) - scaledObjective(S)/scale| for any set of k documents: k utility terms and
   * k(k-1)/2 pair terms, each rounded by at most 0.5/scale.
   */
  double roundingTolerance(int k) {
    return (k + k * (k - 1) / 2.0) * 0.5 / scale;
  }

  Result solve(Problem problem) {
    long start = System.nanoTime();
    int n = problem.size();
    CpModel model = new CpModel();
    BoolVar[] x = new BoolVar[n];
    List<LinearArgument> objVars = new ArrayList<>();
    List<Long> objCoeffs = new ArrayList<>();
    List<BoolVar> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (problem.isEligible(i)) {
        x[i] = model.newBoolVar("x" + i);
        chosen.add(x[i]);
        objVars.add(x[i]);
        objCoeffs.add(Math.round(scale * problem.utility(i)));
      }
    }
    model.addEquality(LinearExpr.sum(chosen.toArray(new BoolVar[0])), problem.k());
    for (Cap cap : problem.caps()) {
      addCapRows(model, cap, x);
    }
    for (Quota quota : problem.quotas()) {
      List<BoolVar> members = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (x[i] != null && quota.isMember(i)) {
          members.add(x[i]);
        }
      }
      model.addGreaterOrEqual(LinearExpr.sum(members.toArray(new BoolVar[0])), quota.min());
    }
    int pairs = 0;
    long[] linearisation = {1, 1, -1};
    for (int i = 0; i < n; i++) {
      if (x[i] == null) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if (x[j] == null) {
          continue;
        }
        long d = Math.round(scale * problem.lambda() * problem.sim(i, j));
        if (d > 0) {
          BoolVar y = model.newBoolVar("y" + i + "_" + j);
          model.addLessOrEqual(
              LinearExpr.weightedSum(new LinearArgument[] {x[i], x[j], y}, linearisation), 1);
          objVars.add(y);
          objCoeffs.add(-d);
          pairs++;
        }
      }
    }
    long[] coeffs = objCoeffs.stream().mapToLong(Long::longValue).toArray();
    model.maximize(LinearExpr.weightedSum(objVars.toArray(new LinearArgument[0]), coeffs));

    CpSolver solver = new CpSolver();
    if (workers > 0) {
      solver.getParameters().setNumWorkers(workers);
    }
    solver.getParameters().setMaxTimeInSeconds(timeLimitSeconds);
    long built = System.nanoTime();
    CpSolverStatus status = solver.solve(model);
    long solved = System.nanoTime();

    int[] selection = new int[0];
    double objective = Double.NaN;
    double bound = Double.NaN;
    if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
      List<Integer> picked = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (x[i] != null && solver.booleanValue(x[i])) {
          picked.add(i);
        }
      }
      selection = picked.stream().mapToInt(Integer::intValue).toArray();
      objective = solver.objectiveValue();
      bound = solver.bestObjectiveBound();
    }
    return new Result(selection, status, built - start, solved - built, pairs, objective, bound);
  }

  /** One {@code sum x <= max} row per group that has more eligible members than the cap allows. */
  private static void addCapRows(CpModel model, Cap cap, BoolVar[] x) {
    List<List<BoolVar>> byGroup = new ArrayList<>();
    for (int g = 0; g < cap.groupCount(); g++) {
      byGroup.add(new ArrayList<>());
    }
    for (int i = 0; i < x.length; i++) {
      int g = cap.groupOf(i);
      if (x[i] != null && g >= 0) {
        byGroup.get(g).add(x[i]);
      }
    }
    for (List<BoolVar> members : byGroup) {
      if (members.size() > cap.max()) {
        model.addLessOrEqual(LinearExpr.sum(members.toArray(new BoolVar[0])), cap.max());
      }
    }
  }
}
