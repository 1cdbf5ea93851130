package io.github.qrerank.solver;

import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.AngleSchedule;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.QaoaSimulation;

/** Collects a QAOA solve's diagnostics stage by stage; one per solve. */
final class QaoaProgress {
  private final QuantumSettings settings;
  private final int[] shortlist;
  private final int weight;
  private final long start;
  private Hamiltonian hamiltonian;
  private double[] gammas = new double[0];
  private double[] betas = new double[0];
  private int refinementEvaluations;
  private double penaltyWeight = Double.NaN;
  private double costSpread = Double.NaN;
  private double expectation = Double.NaN;
  private Double groundEnergy;
  private Double optimumProbability;
  private double bestSampleEnergy = Double.NaN;
  private double bestSampleProbability = Double.NaN;
  private double feasibleSampleShare = Double.NaN;
  private int distinctSamples;
  private Boolean optimumInShortlist;
  private long simulationNanos;
  private long samplingNanos;

  QaoaProgress(QuantumSettings settings, int[] shortlist, int weight, long start) {
    this.settings = settings;
    this.shortlist = shortlist.clone();
    this.weight = weight;
    this.start = start;
  }

  void hamiltonian(Hamiltonian h) {
    this.hamiltonian = h;
    this.penaltyWeight = h.subspacePenalty();
  }

  void simulated(QaoaSimulation sim, AngleSchedule.Angles angles, double expected) {
    this.costSpread = sim.spread();
    this.gammas = angles.gammas();
    this.betas = angles.betas();
    this.refinementEvaluations = angles.evaluations();
    this.expectation = expected;
    this.simulationNanos = System.nanoTime() - start;
  }

  /**
   * The angles of a circuit that is sampled elsewhere (no simulated state, so no expectation); the
   * time so far counts as {@code simulationNanos}, the circuit's preparation.
   */
  void prepared(double spread, AngleSchedule.Angles angles) {
    this.costSpread = spread;
    this.gammas = angles.gammas();
    this.betas = angles.betas();
    this.refinementEvaluations = angles.evaluations();
    this.simulationNanos = System.nanoTime() - start;
  }

  void sampled(double energy, double probability, double feasibleShare, int distinct) {
    this.bestSampleEnergy = energy;
    this.bestSampleProbability = probability;
    this.feasibleSampleShare = feasibleShare;
    this.distinctSamples = distinct;
    this.samplingNanos = System.nanoTime() - start - simulationNanos;
  }

  void optimum(double energy, double probability) {
    this.groundEnergy = energy;
    this.optimumProbability = probability;
  }

  void optimumInShortlist(Boolean inside) {
    this.optimumInShortlist = inside;
  }

  QaoaRun finish(Selection selection, Hamiltonian h, Selection windowOptimum) {
    return new QaoaRun(selection, diagnostics(), null, h, windowOptimum);
  }

  QaoaRun timedOut(String stage, Selection incumbent) {
    if (simulationNanos == 0) {
      simulationNanos = System.nanoTime() - start;
    } else if (samplingNanos == 0) {
      samplingNanos = System.nanoTime() - start - simulationNanos;
    }
    return new QaoaRun(incumbent, diagnostics(), stage, hamiltonian, null);
  }

  private QaoaDiagnostics diagnostics() {
    return new QaoaDiagnostics(
        shortlist.length,
        weight,
        settings.layers(),
        settings.shots(),
        settings.seed(),
        shortlist,
        gammas,
        betas,
        refinementEvaluations,
        penaltyWeight,
        costSpread,
        expectation,
        groundEnergy,
        optimumProbability,
        bestSampleEnergy,
        bestSampleProbability,
        feasibleSampleShare,
        distinctSamples,
        optimumInShortlist,
        simulationNanos,
        samplingNanos);
  }
}
