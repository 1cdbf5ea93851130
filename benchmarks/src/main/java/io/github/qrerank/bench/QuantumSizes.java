package io.github.qrerank.bench;

import java.util.List;

/**
 * Sample sizes of the quantum sections (4 to 8) of one run; {@link #full()} is what {@code
 * ./bench.sh} measures, {@link #quick()} a seconds-long smoke run of the same code.
 *
 * @param strangeQubits circuit sizes timed on both simulators (section 4)
 * @param strangeCheckQubits the size at which both simulators' probabilities are compared
 * @param strangeRuns Strange runs per size below the largest; the largest size gets one run (it
 *     takes 10 to 30 seconds here)
 * @param oursRuns timed runs of our engine per size, after its warm-up
 * @param bandwidthQubits state sizes of section 5
 * @param bandwidthPasses timed repetitions of every pass per size
 * @param qaoaInstances seeded windows of sections 6, 7 and 8
 * @param penaltyQubits shortlist sizes searched exhaustively in section 7
 * @param latencyWarmUp QAOA solves on other seeds before the latency is measured (section 8)
 * @param latencyPasses timed passes over the instances (section 8)
 * @param largestQubits n of the largest subspace simulated (section 8)
 * @param largestWeight k of the largest subspace simulated
 * @param layerRuns timed layers on the largest subspace
 */
record QuantumSizes(
    List<Integer> strangeQubits,
    int strangeCheckQubits,
    int strangeRuns,
    int oursRuns,
    List<Integer> bandwidthQubits,
    int bandwidthPasses,
    int qaoaInstances,
    List<Integer> penaltyQubits,
    int latencyWarmUp,
    int latencyPasses,
    int largestQubits,
    int largestWeight,
    int layerRuns) {

  QuantumSizes {
    strangeQubits = List.copyOf(strangeQubits);
    bandwidthQubits = List.copyOf(bandwidthQubits);
    penaltyQubits = List.copyOf(penaltyQubits);
    if (!strangeQubits.contains(strangeCheckQubits)) {
      throw new IllegalArgumentException(
          "the probability check size " + strangeCheckQubits + " must be one of " + strangeQubits);
    }
  }

  /**
   * The sizes. C(57, 5) = 4,187,106 is the largest k = 5 subspace within the QAOA solver's
   * limit of 2^22 states.
   */
  static QuantumSizes full() {
    return new QuantumSizes(
        List.of(14, 16, 18), 14, 3, 20, List.of(22, 24, 26), 7, 200, List.of(12, 14, 16), 50, 3,
        57, 5, 5);
  }

  static QuantumSizes quick() {
    return new QuantumSizes(
        List.of(8, 10), 8, 2, 3, List.of(14, 16), 2, 6, List.of(8, 10), 3, 1, 24, 5, 2);
  }
}
