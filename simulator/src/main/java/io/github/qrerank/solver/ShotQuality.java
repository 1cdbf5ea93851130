package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.AngleSchedule;
import io.github.qrerank.quantum.Diagonal;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.QaoaSimulation;
import io.github.qrerank.quantum.SubspaceState;
import io.github.qrerank.quantum.WeightSubspace;
import java.util.SplittableRandom;

/**
 * What one shot of a QAOA final state is worth, computed exactly over every basis state of the
 * subspace rather than from samples: for a measurement analysis, not used by {@link QaoaSolver}.
 *
 * <p>Built for one problem and one set of {@link QuantumSettings} (only {@code qubits} matters
 * here), it puts on qubits the same shortlist, builds the same {@link Hamiltonian} and cost diagonal
 * and repairs with the same {@link SampleRepair} as {@link QaoaSolver#run}. For every basis state r
 * (C(n, w) of them) it records whether r is feasible before repair, and the F of its repaired
 * selection against a given optimum of the window. A state's {@link Figures} are then sums over r
 * of |a_r|² times those values: the expectation over one shot, with no sampling noise and no
 * best-of-shots maximum.
 */
public final class ShotQuality {
  private final QaoaSimulation sim;
  private final double[] ratio;
  private final boolean[] feasible;
  private final boolean[] optimal;
  private final boolean[] lessComplete;
  private final double dickeMean;
  private final double minEnergy;
  private final double maxEnergy;

  /**
   * The expectation over one shot of a state.
   *
   * @param meanRatio Σ_r p_r · F(repair(r)) / F(window optimum), where a repaired selection less
   *     complete than the optimum (fewer documents, or less quota coverage) counts 0
   * @param feasibleShare Σ_r p_r over states feasible before repair
   * @param optimalShare Σ_r p_r over states whose repaired selection is an optimum of the window (as
   *     complete, F equal up to relative 1e-9)
   * @param lessCompleteShare Σ_r p_r over states whose repaired selection is less complete
   * @param expectation ⟨C⟩ = Σ_r p_r E_r, E the subspace cost (−F plus penalties)
   * @param gapClosed (E_Dicke − ⟨C⟩) / (E_Dicke − E_min): the share of the gap between the Dicke
   *     state's mean cost and the lowest cost that the state closes (0 for the Dicke state, 1 for
   *     the ground state; 0 when the gap is 0)
   * @param expectedApproximation (E_max − ⟨C⟩) / (E_max − E_min), E_max and E_min the highest and
   *     lowest cost over the subspace (1 when they are equal)
   */
  public record Figures(
      double meanRatio,
      double feasibleShare,
      double optimalShare,
      double lessCompleteShare,
      double expectation,
      double gapClosed,
      double expectedApproximation) {}

  private ShotQuality(
      QaoaSimulation sim,
      double[] ratio,
      boolean[] feasible,
      boolean[] optimal,
      boolean[] lessComplete) {
    this.sim = sim;
    this.ratio = ratio;
    this.feasible = feasible;
    this.optimal = optimal;
    this.lessComplete = lessComplete;
    Diagonal cost = sim.cost();
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < cost.size(); r++) {
      double e = cost.value(r);
      sum += e;
      min = Math.min(min, e);
      max = Math.max(max, e);
    }
    this.dickeMean = sum / cost.size();
    this.minEnergy = min;
    this.maxEnergy = max;
  }

  /**
   * Tabulates every basis state of the shortlist {@link QaoaSolver} would simulate.
   *
   * @param windowOptimum an optimal selection of the whole window (e.g. {@link ExactSolver}'s,
   *     proven), with F &gt; 0
   * @throws IllegalArgumentException when the optimum is not proven or F ≤ 0, when there is
   *     nothing to select (k = 0 or no selectable document), or for the settings {@link
   *     QaoaSolver#run} rejects
   */
  public static ShotQuality of(Problem problem, QuantumSettings settings, Selection windowOptimum) {
    if (windowOptimum == null || !windowOptimum.provenOptimal()) {
      throw new IllegalArgumentException("windowOptimum must be a proven optimum");
    }
    double best = windowOptimum.objective();
    if (!(best > 0)) {
      throw new IllegalArgumentException("windowOptimum must have F > 0: " + best);
    }
    QaoaSolver.Shortlisted prepared = QaoaSolver.shortlist(problem, settings);
    int w = prepared.weight();
    if (w == 0) {
      throw new IllegalArgumentException("nothing to select: no qubit");
    }
    int[] shortlist = prepared.shortlist();
    Hamiltonian h = Hamiltonian.of(problem, shortlist, prepared.reference());
    WeightSubspace space = WeightSubspace.of(shortlist.length, w);
    QaoaSimulation sim =
        new QaoaSimulation(QaoaSolver.ringMixer(shortlist.length, w), h.subspaceDiagonal(space));
    SampleRepair repair = new SampleRepair(problem, prepared.pool());
    int bestCoverage = QaoaSolver.coverage(problem, windowOptimum.indices());
    double tol = 1e-9 * (1 + Math.abs(best));
    int dim = space.dimension();
    double[] ratio = new double[dim];
    boolean[] feasible = new boolean[dim];
    boolean[] optimal = new boolean[dim];
    boolean[] less = new boolean[dim];
    for (int r = 0; r < dim; r++) {
      long bits = space.mask(r);
      feasible[r] = h.feasible(bits);
      int[] docs = repair.repair(h.selection(bits));
      int cov = QaoaSolver.coverage(problem, docs);
      less[r] =
          docs.length < windowOptimum.size()
              || (docs.length == windowOptimum.size() && cov < bestCoverage);
      double f = problem.objective(docs);
      ratio[r] = less[r] ? 0 : f / best;
      optimal[r] =
          docs.length == windowOptimum.size() && cov == bestCoverage && Math.abs(f - best) <= tol;
    }
    return new ShotQuality(sim, ratio, feasible, optimal, less);
  }

  /** The simulation {@link QaoaSolver} runs on this problem (same mixer, same cost diagonal). */
  public QaoaSimulation simulation() {
    return sim;
  }

  /** The mean cost over the subspace: ⟨C⟩ of the Dicke state. */
  public double dickeMean() {
    return dickeMean;
  }

  /** The lowest cost over the subspace (the ground energy of the simulated cost). */
  public double minEnergy() {
    return minEnergy;
  }

  /** The highest cost over the subspace. */
  public double maxEnergy() {
    return maxEnergy;
  }

  /** (E_Dicke − e) / (E_Dicke − E_min), 0 when that gap is 0: see {@link Figures#gapClosed}. */
  public double gapClosed(double expectation) {
    double gap = dickeMean - minEnergy;
    return gap > 0 ? (dickeMean - expectation) / gap : 0;
  }

  /** The figures of the state the solver's fixed schedule reaches with {@code layers} layers. */
  public Figures ramp(int layers) {
    return figures(rampState(layers));
  }

  /** The final state of the solver's fixed schedule ({@link AngleSchedule#ramp}). */
  public SubspaceState rampState(int layers) {
    AngleSchedule.Angles a = AngleSchedule.ramp(layers, sim.spread());
    return sim.run(a.gammas(), a.betas());
  }

  /**
   * The best-of-shots figure for comparison: the largest repaired ratio (as in {@link
   * Figures#meanRatio}, a less complete repair counting 0) among {@code shots} basis states drawn
   * from {@code state} by a generator seeded with {@code seed}, as {@link QaoaSolver#run} draws
   * them.
   */
  public double bestOfShots(SubspaceState state, int shots, long seed) {
    checkSpace(state);
    double best = Double.NEGATIVE_INFINITY;
    for (int r : state.sample(shots, new SplittableRandom(seed))) {
      best = Math.max(best, ratio[r]);
    }
    return best;
  }

  /** The figures of {@code state}, a state of this problem's subspace. */
  public Figures figures(SubspaceState state) {
    checkSpace(state);
    double mean = 0;
    double feasibleMass = 0;
    double optimalMass = 0;
    double lessMass = 0;
    double expectation = 0;
    Diagonal cost = sim.cost();
    for (int r = 0; r < ratio.length; r++) {
      double p = state.probability(r);
      mean += p * ratio[r];
      feasibleMass += feasible[r] ? p : 0;
      optimalMass += optimal[r] ? p : 0;
      lessMass += lessComplete[r] ? p : 0;
      expectation += p * cost.value(r);
    }
    double range = maxEnergy - minEnergy;
    return new Figures(
        mean,
        feasibleMass,
        optimalMass,
        lessMass,
        expectation,
        gapClosed(expectation),
        range > 0 ? (maxEnergy - expectation) / range : 1);
  }

  private void checkSpace(SubspaceState state) {
    if (state.space().dimension() != ratio.length
        || state.space().numQubits() != sim.space().numQubits()) {
      throw new IllegalArgumentException(
          "state is in " + state.space() + ", the shortlist's subspace is " + sim.space());
    }
  }
}
