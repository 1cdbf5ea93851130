package io.github.qrerank.bench;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.AngleSchedule;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.ExactSolver;
import io.github.qrerank.solver.GreedySwapSolver;
import io.github.qrerank.solver.QaoaDiagnostics;
import io.github.qrerank.solver.QaoaRun;
import io.github.qrerank.solver.QaoaSolver;
import io.github.qrerank.solver.QuantumSettings;
import io.github.qrerank.solver.ShotQuality;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 6: the answer of QAOA (the best repaired sample) against the exact optimum of the whole
 * window, on every instance, next to the same pipeline with no layer (samples of the Dicke state)
 * and to the greedy solver. Every solver runs without a time budget, so the figures measure the
 * method, not the clock. Next to the best-of-shots answer, {@link ShotQuality} gives what one shot
 * is worth, exactly from the final state (windows with a proven optimum and F &gt; 0).
 */
final class QaoaQualityBench {
  static final int QUBITS = 20;
  static final int LAYERS = 2;
  static final int SHOTS = 1024;
  static final long SEED = QuantumSettings.DEFAULTS.seed();

  /** F equal up to this relative tolerance counts as the optimum. */
  static final double SAME = 1e-9;

  /** One solver's answers on every instance. */
  record Method(
      String name,
      double[] ratio,
      int optimal,
      int lessComplete,
      double[] optimumProbability,
      double[] feasibleShare,
      int optimumInShortlist,
      long[] nanos,
      List<ShotQuality.Figures> perShot) {}

  /** A schedule {@link AngleFit} fitted on its training windows, evaluated on these. */
  record Fitted(AngleFit.Candidate candidate, AngleFit.Evaluation evaluation) {}

  record Outcome(
      InstanceSet set,
      int provenOptima,
      List<Method> methods,
      double[] shortlistCeiling,
      List<Fitted> fitted) {}

  private QaoaQualityBench() {}

  static QuantumSettings settings(int layers) {
    return new QuantumSettings(SEED, SHOTS, layers, QUBITS);
  }

  static Outcome run(InstanceSet set) {
    int count = set.size();
    Selection[] exact = new Selection[count];
    int proven = 0;
    for (int i = 0; i < count; i++) {
      exact[i] = new ExactSolver().solve(set.problems().get(i), Budget.unlimited());
      proven += exact[i].provenOptimal() ? 1 : 0;
    }
    BenchMain.progress("QAOA quality: exact per-shot figures");
    List<ShotQuality> shots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (exact[i].provenOptimal() && exact[i].objective() > 0) {
        shots.add(ShotQuality.of(set.problems().get(i), settings(LAYERS), exact[i]));
      }
    }
    List<Method> methods = new ArrayList<>();
    double[] ceiling = new double[count];
    for (int layers : new int[] {LAYERS, 0}) {
      BenchMain.progress("QAOA quality: layers=" + layers);
      QaoaSolver solver = new QaoaSolver(settings(layers));
      Collector c = new Collector(count);
      for (int i = 0; i < count; i++) {
        Problem p = set.problems().get(i);
        long start = System.nanoTime();
        QaoaRun run = solver.run(p, Budget.unlimited());
        c.nanos[i] = System.nanoTime() - start;
        c.add(i, p, run.selection(), exact[i]);
        QaoaDiagnostics d = run.diagnostics();
        c.optimumProbability[i] = d.optimumProbability() == null ? 0 : d.optimumProbability();
        c.feasibleShare[i] = d.feasibleSampleShare();
        c.inShortlist += Boolean.TRUE.equals(d.optimumInShortlist()) ? 1 : 0;
        if (layers == LAYERS) {
          ceiling[i] =
              d.groundEnergy() == null ? 0 : -d.groundEnergy() / exact[i].objective();
        }
      }
      for (ShotQuality q : shots) {
        c.perShot.add(q.ramp(layers));
      }
      methods.add(c.method(layers == 0 ? "layers=0 (Dicke-state samples)" : "QAOA layers=" + layers));
    }
    BenchMain.progress("QAOA quality: greedy");
    Collector g = new Collector(count);
    for (int i = 0; i < count; i++) {
      Problem p = set.problems().get(i);
      long start = System.nanoTime();
      Selection s = new GreedySwapSolver().solve(p, Budget.unlimited());
      g.nanos[i] = System.nanoTime() - start;
      g.add(i, p, s, exact[i]);
    }
    methods.add(g.method("greedy"));
    List<AngleFit.Candidate> candidates = new ArrayList<>();
    candidates.add(
        new AngleFit.Candidate(
            "ramp, GAMMA_SPAN=" + AngleSchedule.GAMMA_SPAN + " BETA_SPAN=" + AngleSchedule.BETA_SPAN
                + " (the solver's)",
            AngleFit.rampAngles(LAYERS, AngleSchedule.GAMMA_SPAN, AngleSchedule.BETA_SPAN)));
    candidates.addAll(AngleFit.FITTED);
    List<Fitted> fitted = new ArrayList<>();
    for (AngleFit.Candidate c : candidates) {
      fitted.add(new Fitted(c, AngleFit.evaluate(shots, c.angles())));
    }
    return new Outcome(set, proven, methods, ceiling, fitted);
  }

  /** Σ over quotas of min(selected members, min): how much of the quotas a selection meets. */
  static int coverage(Problem p, int[] docs) {
    int cov = 0;
    for (Quota q : p.quotas()) {
      int count = 0;
      for (int d : docs) {
        count += q.isMember(d) ? 1 : 0;
      }
      cov += Math.min(count, q.min());
    }
    return cov;
  }

  /** True when {@code a} has fewer documents than {@code b}, or as many and less quota coverage. */
  static boolean lessComplete(Problem p, Selection a, Selection b) {
    if (a.size() != b.size()) {
      return a.size() < b.size();
    }
    return coverage(p, a.indices()) < coverage(p, b.indices());
  }

  private static final class Collector {
    final double[] ratio;
    final double[] optimumProbability;
    final double[] feasibleShare;
    final long[] nanos;
    final List<ShotQuality.Figures> perShot = new ArrayList<>();
    int kept;
    int optimal;
    int lessComplete;
    int inShortlist;

    Collector(int count) {
      ratio = new double[count];
      optimumProbability = new double[count];
      feasibleShare = new double[count];
      nanos = new long[count];
    }

    void add(int i, Problem p, Selection answer, Selection exact) {
      if (lessComplete(p, answer, exact)) {
        lessComplete++;
        return;
      }
      double opt = exact.objective();
      if (Math.abs(answer.objective() - opt) <= SAME * (1 + Math.abs(opt))) {
        optimal++;
      }
      if (opt > 0) {
        ratio[kept++] = answer.objective() / opt;
      }
    }

    Method method(String name) {
      return new Method(
          name,
          java.util.Arrays.copyOf(ratio, kept),
          optimal,
          lessComplete,
          optimumProbability,
          feasibleShare,
          inShortlist,
          nanos,
          List.copyOf(perShot));
    }
  }
}
