package io.github.qrerank.quantum;

/**
 * Constraint-preserving QAOA on the subspace engine for one cost diagonal: the Dicke state
 * |D(n,w)>, then for each layer l the cost phase {@code exp(−iγ_l d)} and the ring XY mixer {@code
 * exp(−iβ_l H_M)} with {@code H_M = −½ Σ_{ring pairs} (XX + YY)}, i.e. {@link
 * SubspaceState#applyMixer} with θ = −2β_l. The Dicke state is the ground state of the
 * complete-graph version of H_M, so small positive γ and β lower the expected cost, as in the usual
 * QAOA convention. The same circuit is written gate by gate by {@link
 * io.github.qrerank.quantum.qasm.QaoaCircuit}.
 *
 * <p>Immutable; {@link #run} returns a fresh state.
 */
public final class QaoaSimulation {
  private final WeightSubspace space;
  private final XYMixer mixer;
  private final Diagonal cost;
  private final double spread;

  /**
   * @param mixer an XY mixer of the subspace the cost is tabulated over
   * @param cost the cost diagonal over the subspace ranks
   */
  public QaoaSimulation(XYMixer mixer, Diagonal cost) {
    if (cost.size() != mixer.space().dimension()) {
      throw new IllegalArgumentException(
          "cost has " + cost.size() + " entries, the subspace " + mixer.space().dimension());
    }
    this.space = mixer.space();
    this.mixer = mixer;
    this.cost = cost;
    this.spread = spreadOf(cost);
  }

  /**
   * The standard deviation of {@code cost} over its entries (the basis states of the subspace it
   * is tabulated over): {@link #spread()} without building a simulation, for a circuit that is run
   * elsewhere.
   */
  public static double spreadOf(Diagonal cost) {
    double mean = 0;
    for (int r = 0; r < cost.size(); r++) {
      mean += cost.value(r);
    }
    mean /= cost.size();
    double var = 0;
    for (int r = 0; r < cost.size(); r++) {
      double d = cost.value(r) - mean;
      var += d * d;
    }
    return Math.sqrt(var / cost.size());
  }

  public WeightSubspace space() {
    return space;
  }

  public Diagonal cost() {
    return cost;
  }

  /**
   * The standard deviation of the cost over the subspace's basis states, i.e. in the Dicke state:
   * the energy scale the first phase layer acts on (the "norm" the angle schedule divides γ by).
   */
  public double spread() {
    return spread;
  }

  /** The state after the layers (γ_l, β_l), l = 0 .. p−1 (no layers: the Dicke state). */
  public SubspaceState run(double[] gammas, double[] betas) {
    if (gammas.length != betas.length) {
      throw new IllegalArgumentException(
          "one beta per gamma: " + gammas.length + " gammas, " + betas.length + " betas");
    }
    SubspaceState state = new SubspaceState(space);
    for (int l = 0; l < gammas.length; l++) {
      state.applyDiagonalPhase(cost, gammas[l]);
      state.applyMixer(mixer, -2 * betas[l]);
    }
    return state;
  }

  /** The expected cost after the layers. */
  public double expectation(double[] gammas, double[] betas) {
    return run(gammas, betas).expectation(cost);
  }
}
