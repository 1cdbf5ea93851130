package io.github.qrerank.solver;

import io.github.qrerank.quantum.WeightSubspace;

/**
 * The quantum solver's settings, named as the request parameters {@value #SEED}, {@value #SHOTS},
 * {@value #LAYERS} and {@value #QUBITS}. The same settings and problem give the same answer.
 *
 * @param seed seeds the measurement sampling
 * @param shots measurements drawn from the final state, in [1, {@value #MAX_SHOTS}]
 * @param layers QAOA depth p, in [0, {@value #MAX_LAYERS}]; 0 samples the Dicke state itself
 * @param qubits shortlist size (one qubit per document), in [1, {@value WeightSubspace#MAX_QUBITS}]
 */
public record QuantumSettings(long seed, int shots, int layers, int qubits) {
  public static final String SEED = "seed";
  public static final String SHOTS = "shots";
  public static final String LAYERS = "layers";
  public static final String QUBITS = "qubits";

  public static final int MAX_SHOTS = 1 << 20;
  public static final int MAX_LAYERS = 64;

  /** The contract's defaults: seed 42, 1024 shots, 2 layers, 20 qubits. */
  public static final QuantumSettings DEFAULTS = new QuantumSettings(42, 1024, 2, 20);

  public QuantumSettings {
    if (shots < 1 || shots > MAX_SHOTS) {
      throw new IllegalArgumentException(SHOTS + " must be in [1, " + MAX_SHOTS + "]: " + shots);
    }
    if (layers < 0 || layers > MAX_LAYERS) {
      throw new IllegalArgumentException(LAYERS + " must be in [0, " + MAX_LAYERS + "]: " + layers);
    }
    if (qubits < 1 || qubits > WeightSubspace.MAX_QUBITS) {
      throw new IllegalArgumentException(
          QUBITS + " must be in [1, " + WeightSubspace.MAX_QUBITS + "]: " + qubits);
    }
  }
}
