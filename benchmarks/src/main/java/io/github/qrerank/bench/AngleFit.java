package io.github.qrerank.bench;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.QaoaSimulation;
import io.github.qrerank.quantum.SubspaceState;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.ExactSolver;
import io.github.qrerank.solver.QuantumSettings;
import io.github.qrerank.solver.ShotQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * The offline tool that checks {@link io.github.qrerank.quantum.AngleSchedule}'s fixed constants;
 * not part of {@code bench.sh} nor of the solver. Run by hand:
 *
 * <pre>
 * mvn -B -q -o -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/bench-classpath.txt)" \
 *     io.github.qrerank.bench.AngleFit
 * </pre>
 *
 * <p><b>Training windows</b>: {@value #TRAIN_COUNT} windows of the benchmark's kind (N = 100, k =
 * 5, {@link Instances#generate}) with seeds {@value #TRAIN_SEED} onwards, apart from section 6's
 * (3,000,000 to 3,000,199), the other sections' (1,000,000, 2,000,000, 9,000,000 and 9,500,000
 * onwards) and the tests' (below 1,000). <b>Objective</b>: the mean over the windows of the gap
 * closed, (E_D − ⟨C⟩) / (E_D − E_min) ({@link ShotQuality#gapClosed}), ⟨C⟩ the exact expected cost
 * of the final state at 20 qubits and p = 2 (the solver's defaults); the normalisation weighs every
 * window alike whatever its energy scale. <b>Search</b>: (1) the ramp's two constants on a grid,
 * GAMMA_SPAN 0.5 to 6.0 by 0.25 and BETA_SPAN 0.1 to 1.5 by 0.05; (2) from the best grid point,
 * BOBYQA over the four per-layer angles (σγ_0, σγ_1, β_0, β_1), {@value #BOBYQA_EVALUATIONS}
 * evaluations, to see how much a schedule that is not a ramp could add. It prints the training
 * objective of the current constants, of the grid's best and of the per-layer optimum, each also at
 * p = 1 and 3; the held-out comparison is section 6 of {@code BENCHMARKS.md}.
 */
final class AngleFit {
  static final long TRAIN_SEED = 4_000_000L;
  static final int TRAIN_COUNT = 100;
  static final int BOBYQA_EVALUATIONS = 300;
  static final long HELD_OUT_SEED = 3_000_000L;

  private AngleFit() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : TRAIN_COUNT;
    List<ShotQuality> train = windows(Instances.generate("training", 100, 5, TRAIN_SEED, count));
    print("training windows", train.size());
    double[] current = {3.0, 0.75};
    double[] grid = current.clone();
    double gridValue = rampObjective(train, 2, grid[0], grid[1]);
    for (double g = 0.5; g <= 6.0 + 1e-9; g += 0.25) {
      for (double b = 0.1; b <= 1.5 + 1e-9; b += 0.05) {
        double v = rampObjective(train, 2, g, b);
        if (v > gridValue) {
          gridValue = v;
          grid = new double[] {g, b};
        }
      }
    }
    for (double[] spans : List.of(current, grid)) {
      System.out.printf(
          Locale.ROOT,
          "ramp GAMMA_SPAN=%.2f BETA_SPAN=%.2f: training gap closed p=1 %.4f, p=2 %.4f, p=3"
              + " %.4f%n",
          spans[0],
          spans[1],
          rampObjective(train, 1, spans[0], spans[1]),
          rampObjective(train, 2, spans[0], spans[1]),
          rampObjective(train, 3, spans[0], spans[1]));
    }
    double[] x0 = {grid[0] / 4, 3 * grid[0] / 4, 3 * grid[1] / 4, grid[1] / 4};
    double[] byCost = perLayer(train, x0, AngleFit::gapClosed);
    double[] byRatio = perLayer(train, x0, AngleFit::meanRatio);
    List<String> names =
        List.of(
            "current ramp",
            "grid best ramp (gap closed)",
            "per-layer (gap closed)",
            "per-layer (per-shot ratio)");
    List<double[]> candidates =
        List.of(
            rampAngles(2, current[0], current[1]),
            rampAngles(2, grid[0], grid[1]),
            byCost,
            byRatio);
    List<ShotQuality> heldOut =
        windows(Instances.generate("section 6", 100, 5, HELD_OUT_SEED, 200));
    for (int c = 0; c < candidates.size(); c++) {
      double[] x = candidates.get(c);
      System.out.printf(
          Locale.ROOT,
          "%s σγ = (%.4f, %.4f), β = (%.4f, %.4f)%n  training %s%n  held-out %s%n",
          names.get(c),
          x[0],
          x[1],
          x[2],
          x[3],
          evaluate(train, x),
          evaluate(heldOut, x));
    }
  }

  /** The windows with a proven optimum and F &gt; 0, tabulated at the solver's defaults. */
  private static List<ShotQuality> windows(InstanceSet set) {
    List<ShotQuality> out = new ArrayList<>();
    for (Problem p : set.problems()) {
      Selection exact = new ExactSolver().solve(p, Budget.unlimited());
      if (exact.provenOptimal() && exact.objective() > 0) {
        out.add(ShotQuality.of(p, QuantumSettings.DEFAULTS, exact));
      }
    }
    return out;
  }

  /** Means over windows at p = 2 of one schedule's figures (see {@link ShotQuality.Figures}). */
  record Evaluation(double gapClosed, double meanRatio, double optimalShare, double bestOfShots) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "gap closed %.4f, per-shot ratio %.4f, P(shot optimal) %.3e, best-of-%d ratio %.4f",
          gapClosed,
          meanRatio,
          optimalShare,
          QuantumSettings.DEFAULTS.shots(),
          bestOfShots);
    }
  }

  /** One candidate schedule's angles as (σγ_0, σγ_1, β_0, β_1), and how it was fitted. */
  record Candidate(String name, double[] angles) {}

  /**
   * What {@link #main} found (training windows above, 100 of them): the grid's best ramp, and the
   * per-layer optima of the gap closed and of the per-shot repaired ratio. Section 6 evaluates them
   * on its own windows; none replaced the ramp (see {@link io.github.qrerank.quantum.AngleSchedule}).
   */
  static final List<Candidate> FITTED =
      List.of(
          new Candidate(
              "ramp, GAMMA_SPAN=2.50 BETA_SPAN=0.60 (grid best by gap closed)",
              rampAngles(2, 2.5, 0.6)),
          new Candidate(
              "per-layer, by gap closed", new double[] {0.6968, 1.5651, 0.4211, 0.2700}),
          new Candidate(
              "per-layer, by per-shot ratio", new double[] {0.9929, 2.0871, 0.4867, 0.3148}));

  static Evaluation evaluate(List<ShotQuality> windows, double[] x) {
    double gap = 0;
    double ratio = 0;
    double optimal = 0;
    double best = 0;
    for (ShotQuality q : windows) {
      SubspaceState state = state(q, x);
      ShotQuality.Figures f = q.figures(state);
      gap += f.gapClosed();
      ratio += f.meanRatio();
      optimal += f.optimalShare();
      best +=
          q.bestOfShots(
              state, QuantumSettings.DEFAULTS.shots(), QuantumSettings.DEFAULTS.seed());
    }
    int n = windows.size();
    return new Evaluation(gap / n, ratio / n, optimal / n, best / n);
  }

  private static SubspaceState state(ShotQuality q, double[] x) {
    QaoaSimulation sim = q.simulation();
    int p = x.length / 2;
    double[] g = new double[p];
    double[] b = new double[p];
    for (int l = 0; l < p; l++) {
      g[l] = sim.spread() > 0 ? x[l] / sim.spread() : 0;
      b[l] = x[p + l];
    }
    return sim.run(g, b);
  }

  private static double gapClosed(ShotQuality q, double[] x) {
    QaoaSimulation sim = q.simulation();
    return q.gapClosed(state(q, x).expectation(sim.cost()));
  }

  private static double meanRatio(ShotQuality q, double[] x) {
    return q.figures(state(q, x)).meanRatio();
  }

  /** (σγ_0 .. σγ_{p−1}, β_0 .. β_{p−1}) of the ramp with these constants. */
  static double[] rampAngles(int p, double gammaSpan, double betaSpan) {
    double[] x = new double[2 * p];
    for (int l = 0; l < p; l++) {
      double f = (l + 0.5) / p;
      x[l] = f * gammaSpan;
      x[p + l] = (1 - f) * betaSpan;
    }
    return x;
  }

  static double rampObjective(List<ShotQuality> windows, int p, double g, double b) {
    return mean(windows, rampAngles(p, g, b), AngleFit::gapClosed);
  }

  private static double mean(
      List<ShotQuality> windows, double[] x, ToDoubleBiFunction<ShotQuality, double[]> f) {
    double sum = 0;
    for (ShotQuality q : windows) {
      sum += f.applyAsDouble(q, x);
    }
    return sum / windows.size();
  }

  /** BOBYQA over (σγ_0, σγ_1, β_0, β_1), maximising the mean of {@code f}; the best point seen. */
  private static double[] perLayer(
      List<ShotQuality> windows, double[] x0, ToDoubleBiFunction<ShotQuality, double[]> objective) {
    double[] best = x0.clone();
    double[] bestValue = {Double.NEGATIVE_INFINITY};
    ObjectiveFunction f =
        new ObjectiveFunction(
            x -> {
              double v = mean(windows, x, objective);
              if (v > bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(x, 0, best, 0, x.length);
              }
              return v;
            });
    try {
      new BOBYQAOptimizer(9, 0.3, 1e-4)
          .optimize(
              new MaxEval(BOBYQA_EVALUATIONS),
              f,
              GoalType.MAXIMIZE,
              new InitialGuess(x0),
              new SimpleBounds(new double[4], new double[] {8, 8, Math.PI / 2, Math.PI / 2}));
    } catch (TooManyEvaluationsException e) {
      // The best point evaluated is kept.
    }
    return best;
  }

  private static void print(String label, int value) {
    System.out.printf(Locale.ROOT, "%s: %d%n", label, value);
  }
}
