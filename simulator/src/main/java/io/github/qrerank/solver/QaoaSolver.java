package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.AngleSchedule;
import io.github.qrerank.quantum.Diagonal;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.QaoaSimulation;
import io.github.qrerank.quantum.SubspaceState;
import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.quantum.XYMixer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Constraint-preserving QAOA on the in-process subspace simulator.
 *
 * <ol>
 *   <li>{@link Shortlist}: at most {@code qubits} selectable documents, one per qubit: the {@link
 *       GreedySwapSolver} answer on the window (run to completion whatever the budget, so that the
 *       shortlist does not depend on timing) and the rest by utility.
 *   <li>{@link Hamiltonian} of the shortlist, its penalty weight set from that greedy answer; the
 *       cost diagonal over the C(n, w) states with w = min(k, n) qubits set is tabulated once.
 *   <li>Angles from {@link AngleSchedule#ramp} (optionally refined, see {@link
 *       #QaoaSolver(QuantumSettings, int)}); the Dicke state and {@code layers} rounds of cost
 *       phase and ring XY mixer ({@link QaoaSimulation}).
 *   <li>{@code shots} measurements drawn with a generator seeded by {@code seed}; each distinct bit
 *       string becomes a selection through {@link SampleRepair}, which only restores feasibility.
 *       The best by (size, quota coverage, F) wins, ties to the lowest basis state.
 *   <li>Diagnostics: the exact optimum of the shortlist (its energy and probability) and of the
 *       window (is it inside the shortlist?), each with what is left of the budget.
 * </ol>
 *
 * Same problem and settings, same selection. The budget is checked between stages, before every
 * refinement run and while repairing; when it runs out first the run is marked timed out and its
 * selection is the best repaired sample so far, or else the greedy answer (named {@value
 * GreedySwapSolver#NAME}). Thread-safe.
 */
public final class QaoaSolver implements Solver {
  public static final String NAME = "qaoa";

  /** Largest subspace simulated, C(n, w) states (64 MiB of amplitudes). */
  public static final int MAX_DIMENSION = 1 << 22;

  private static final Map<Long, FutureTask<XYMixer>> MIXERS =
      new LinkedHashMap<>(16, 0.75f, true);
  private static final int CACHED_MIXERS = 8;

  private final QuantumSettings settings;
  private final int refinementEvaluations;

  /** QAOA with the fixed angle schedule. */
  public QaoaSolver(QuantumSettings settings) {
    this(settings, 0);
  }

  /**
   * @param refinementEvaluations circuit runs BOBYQA may spend refining the angles on the exact
   *     expectation (0: the fixed schedule only)
   */
  public QaoaSolver(QuantumSettings settings, int refinementEvaluations) {
    if (settings == null) {
      throw new IllegalArgumentException("settings must not be null");
    }
    if (refinementEvaluations < 0) {
      throw new IllegalArgumentException(
          "refinementEvaluations must be >= 0: " + refinementEvaluations);
    }
    this.settings = settings;
    this.refinementEvaluations = refinementEvaluations;
  }

  @Override
  public String name() {
    return NAME;
  }

  public QuantumSettings settings() {
    return settings;
  }

  @Override
  public Selection solve(Problem problem, Budget budget) {
    return run(problem, budget).selection();
  }

  /**
   * Solves and reports (see the class documentation).
   *
   * @throws IllegalArgumentException when {@code qubits} is below k, or the shortlist's subspace
   *     would have more than {@link #MAX_DIMENSION} states (both name {@value
   *     QuantumSettings#QUBITS})
   */
  public QaoaRun run(Problem problem, Budget budget) {
    Shortlisted prepared = shortlist(problem, settings);
    int[] shortlist = prepared.shortlist();
    int w = prepared.weight();
    QaoaProgress progress = prepared.progress();
    int[] pool = prepared.pool();
    if (w == 0) {
      // Nothing to put on qubits: k = 0 or no selectable document.
      int[] none = new SampleRepair(problem, pool).repair(new int[0]);
      return progress.finish(
          new Selection(problem, none, true, problem.objective(none), NAME, 0), null, null);
    }
    int n = shortlist.length;
    Problem sub = problem.restrictTo(shortlist);
    Selection fallback = prepared.greedy();
    Hamiltonian h = Hamiltonian.of(problem, shortlist, prepared.reference());
    progress.hamiltonian(h);
    if (budget.expired()) {
      return progress.timedOut("shortlist", fallback);
    }
    XYMixer mixer = ringMixer(n, w);
    WeightSubspace space = mixer.space();
    Diagonal cost = h.subspaceDiagonal(space);
    QaoaSimulation sim = new QaoaSimulation(mixer, cost);
    AngleSchedule.Angles angles = AngleSchedule.ramp(settings.layers(), sim.spread());
    if (refinementEvaluations > 0) {
      try {
        angles = AngleSchedule.refine(sim, angles, refinementEvaluations, budget::expired);
      } catch (AngleSchedule.Interrupted e) {
        return progress.timedOut("simulation", fallback);
      }
    }
    SubspaceState state = sim.run(angles.gammas(), angles.betas());
    progress.simulated(sim, angles, state.expectation(cost));
    if (budget.expired()) {
      return progress.timedOut("simulation", fallback);
    }
    int[] ranks = state.sample(settings.shots(), new SplittableRandom(settings.seed()));
    Best best = repairAll(problem, pool, h, space, ranks, budget);
    if (best.interrupted) {
      return progress.timedOut(
          "sampling", best.docs == null ? fallback : qaoaSelection(problem, best.docs));
    }
    progress.sampled(
        h.energy(space.mask(best.rank)),
        state.probability(best.rank),
        best.feasibleShots / (double) settings.shots(),
        best.distinct);
    Selection shortlistOptimum = new ExactSolver().solve(sub, budget);
    if (shortlistOptimum.provenOptimal() && shortlistOptimum.size() == w) {
      long bits = h.bitsOf(toWindow(shortlist, shortlistOptimum.indices()));
      if (h.feasible(bits)) {
        progress.optimum(h.energy(bits), state.probability(space.rank(bits)));
      }
    }
    Selection windowOptimum = new ExactSolver().solve(problem, budget);
    Boolean inside = null;
    if (windowOptimum.provenOptimal() && shortlistOptimum.provenOptimal()) {
      inside =
          sameKey(problem, windowOptimum, toWindowSelection(problem, shortlist, shortlistOptimum));
    }
    progress.optimumInShortlist(inside);
    return progress.finish(qaoaSelection(problem, best.docs), h, windowOptimum);
  }

  private static Selection qaoaSelection(Problem problem, int[] docs) {
    return new Selection(problem, docs, false, Double.POSITIVE_INFINITY, NAME, 0);
  }

  /** The shortlist in utility order, then the other selectable documents in utility order. */
  static int[] pool(Problem problem, int[] selectable, int[] shortlist) {
    boolean[] in = new boolean[problem.size()];
    for (int d : shortlist) {
      in[d] = true;
    }
    int[] pool = Arrays.copyOf(shortlist, selectable.length);
    int at = shortlist.length;
    for (int d : selectable) {
      if (!in[d]) {
        pool[at++] = d;
      }
    }
    return pool;
  }

  static int[] toWindow(int[] shortlist, int[] subIndices) {
    int[] out = new int[subIndices.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = shortlist[subIndices[i]];
    }
    return out;
  }

  static Selection toWindowSelection(Problem problem, int[] shortlist, Selection sub) {
    return new Selection(
        problem, toWindow(shortlist, sub.indices()), true, sub.objective(), sub.solver(), 0);
  }

  /** Equal (size, quota coverage) and F equal up to rounding. */
  static boolean sameKey(Problem problem, Selection a, Selection b) {
    double tol = 1e-9 * (1 + Math.abs(a.objective()));
    return a.size() == b.size()
        && coverage(problem, a.indices()) == coverage(problem, b.indices())
        && Math.abs(a.objective() - b.objective()) <= tol;
  }

  static int coverage(Problem problem, int[] docs) {
    int cov = 0;
    for (var q : problem.quotas()) {
      int count = 0;
      for (int d : docs) {
        if (q.isMember(d)) {
          count++;
        }
      }
      cov += Math.min(count, q.min());
    }
    return cov;
  }

  /** The winning sample of a repair pass. */
  private static final class Best {
    int rank = -1;
    int[] docs;
    int size;
    int coverage;
    double objective;
    int feasibleShots;
    int distinct;
    boolean interrupted;
  }

  private static Best repairAll(
      Problem problem,
      int[] pool,
      Hamiltonian h,
      WeightSubspace space,
      int[] ranks,
      Budget budget) {
    int[] sorted = ranks.clone();
    Arrays.sort(sorted);
    SampleRepair repair = new SampleRepair(problem, pool);
    Best best = new Best();
    for (int i = 0; i < sorted.length; ) {
      int r = sorted[i];
      int j = i;
      while (j < sorted.length && sorted[j] == r) {
        j++;
      }
      long bits = space.mask(r);
      if (h.feasible(bits)) {
        best.feasibleShots += j - i;
      }
      int[] docs = repair.repair(h.selection(bits));
      int cov = coverage(problem, docs);
      double f = problem.objective(docs);
      if (best.docs == null
          || SearchState.compareKey(docs.length, cov, f, best.size, best.coverage, best.objective)
              > 0) {
        best.rank = r;
        best.docs = docs;
        best.size = docs.length;
        best.coverage = cov;
        best.objective = f;
      }
      best.distinct++;
      i = j;
      if ((best.distinct & 63) == 0 && budget.expired()) {
        best.interrupted = true;
        return best;
      }
    }
    return best;
  }

  /**
   * The ring mixer of (n, w), cached: its tables depend on nothing else. The lock only guards the
   * cache; a mixer is built outside it, by the first request that needs it, while later requests
   * for the same (n, w) wait for that build and requests for other sizes go on.
   */
  static XYMixer ringMixer(int n, int w) {
    long key = ((long) n << 32) | w;
    FutureTask<XYMixer> task;
    boolean build = false;
    synchronized (MIXERS) {
      task = MIXERS.get(key);
      if (task == null) {
        task = new FutureTask<>(() -> XYMixer.ring(WeightSubspace.of(n, w)));
        MIXERS.put(key, task);
        build = true;
        if (MIXERS.size() > CACHED_MIXERS) {
          Long eldest = MIXERS.keySet().iterator().next();
          MIXERS.remove(eldest);
        }
      }
    }
    if (build) {
      task.run();
    }
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while another request built the mixer", e);
    } catch (ExecutionException e) {
      synchronized (MIXERS) {
        MIXERS.remove(key, task);
      }
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * The shortlist a QAOA run starts from, and what building it established.
   *
   * @param reference the greedy answer, reserved in the shortlist and the Hamiltonian's reference
   * @param shortlist the documents put on qubits, in utility order
   * @param weight the number of documents a sample selects: min(k, shortlist size)
   * @param pool the shortlist, then the other selectable documents, both in utility order (what
   *     {@link SampleRepair} fills from)
   * @param greedy the greedy answer as a selection: the answer when the run times out early
   * @param progress the run's diagnostics, started when the shortlist step began
   */
  record Shortlisted(
      int[] reference,
      int[] shortlist,
      int weight,
      int[] pool,
      Selection greedy,
      QaoaProgress progress) {}

  /**
   * Checks {@code qubits} against k, reserves the greedy answer and picks the shortlist, and starts
   * the run's diagnostics; shared by the in-process run and {@link QaoaCircuitJob}, so both put the
   * same documents on qubits and fill repaired samples from the same pool.
   *
   * @throws IllegalArgumentException when {@code qubits} is below k, or the shortlist's subspace
   *     would have more than {@link #MAX_DIMENSION} states
   */
  static Shortlisted shortlist(Problem problem, QuantumSettings settings) {
    int k = problem.k();
    if (settings.qubits() < k) {
      throw new IllegalArgumentException(
          QuantumSettings.QUBITS + " must be >= k = " + k + ": " + settings.qubits());
    }
    long start = System.nanoTime();
    int[] selectable = Shortlist.selectable(problem);
    SearchState greedy = GreedySwapSolver.run(new Candidates(problem), Budget.unlimited());
    int[] reference = greedy.c.docs(greedy.positions(), greedy.size());
    int[] shortlist = Shortlist.select(problem, selectable, reference, settings.qubits());
    int n = shortlist.length;
    int w = Math.min(k, n);
    if (n > 0 && WeightSubspace.binomial(n, w) > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s=%d with k=%d gives C(%d,%d) = %d states, more than %d",
              QuantumSettings.QUBITS,
              settings.qubits(),
              k,
              n,
              w,
              WeightSubspace.binomial(n, w),
              MAX_DIMENSION));
    }
    return new Shortlisted(
        reference,
        shortlist,
        w,
        pool(problem, selectable, shortlist),
        new Selection(
            problem, reference, false, Double.POSITIVE_INFINITY, GreedySwapSolver.NAME, 0),
        new QaoaProgress(settings, shortlist, w, start));
  }
}
