package io.github.qrerank.solver;

/**
 * What one QAOA solve did, for the debug output and benchmarks. Energies are those of the subspace
 * form of {@link io.github.qrerank.quantum.Hamiltonian} ({@code −F} plus penalties), probabilities
 * those of the final state. When the solve timed out, values it did not reach are NaN (or null for
 * the boxed ones); null also means "not known" when the exact solver could not prove an optimum
 * within the budget.
 *
 * @param qubits shortlist size n (the qubits simulated)
 * @param weight w = min(k, n), the number of qubits set in every state
 * @param layers p
 * @param shots measurements drawn
 * @param seed the sampling seed
 * @param shortlist window indices of the shortlisted documents, qubit order
 * @param gammas cost angles, one per layer
 * @param betas mixer angles, one per layer
 * @param refinementEvaluations circuit runs spent refining the angles (0: fixed schedule)
 * @param penaltyWeight P_sub of the Hamiltonian
 * @param costSpread σ, the cost's standard deviation over the subspace (scales γ)
 * @param expectation the final state's expected energy
 * @param groundEnergy the energy of the shortlist's optimum (null when unknown)
 * @param optimumProbability the final state's probability of the shortlist's optimum (null when
 *     unknown)
 * @param bestSampleEnergy energy of the measured bit string whose repair won
 * @param bestSampleProbability that bit string's probability in the final state
 * @param feasibleSampleShare share of the shots already feasible before repair
 * @param distinctSamples distinct bit strings among the shots
 * @param optimumInShortlist whether an optimal selection of the whole window lies inside the
 *     shortlist (null when unknown)
 * @param simulationNanos Hamiltonian, cost diagonal, angles and circuit simulation
 * @param samplingNanos measurement sampling and repair
 */
public record QaoaDiagnostics(
    int qubits,
    int weight,
    int layers,
    int shots,
    long seed,
    int[] shortlist,
    double[] gammas,
    double[] betas,
    int refinementEvaluations,
    double penaltyWeight,
    double costSpread,
    double expectation,
    Double groundEnergy,
    Double optimumProbability,
    double bestSampleEnergy,
    double bestSampleProbability,
    double feasibleSampleShare,
    int distinctSamples,
    Boolean optimumInShortlist,
    long simulationNanos,
    long samplingNanos) {

  public QaoaDiagnostics {
    shortlist = shortlist.clone();
    gammas = gammas.clone();
    betas = betas.clone();
  }

  @Override
  public int[] shortlist() {
    return shortlist.clone();
  }

  @Override
  public double[] gammas() {
    return gammas.clone();
  }

  @Override
  public double[] betas() {
    return betas.clone();
  }
}
