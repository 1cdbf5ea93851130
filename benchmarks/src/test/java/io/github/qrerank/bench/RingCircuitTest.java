package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.quantum.StateVector;
import org.junit.jupiter.api.Test;

/** The benchmark's circuit is the same on both simulators, and the check would catch a mismatch. */
class RingCircuitTest {

  @Test
  void strangeAndOursGiveTheSameProbabilities() {
    for (int n = 3; n <= 7; n++) {
      double[] ours = RingCircuit.probabilities(RingCircuit.gateByGate(n));
      double[] strange = RingCircuit.runStrange(RingCircuit.strangeProgram(n, false));
      RingCircuit.Distance d = RingCircuit.distance(strange, ours);
      assertTrue(d.totalVariation() < StrangeBench.SAME_CIRCUIT, "n=" + n + ": " + d);
      assertEquals(1, d.sumB(), 1e-12);
      assertEquals(1, d.sumA(), 1e-5);
    }
  }

  @Test
  void theExecutorGivesTheGateByGateState() {
    for (int n = 3; n <= 12; n++) {
      StateVector fused = RingCircuit.fused(RingCircuit.circuit(n));
      assertTrue(
          RingCircuit.maxAmplitudeDifference(fused, RingCircuit.gateByGate(n)) < 1e-12, "n=" + n);
      RingCircuit.Distance d =
          RingCircuit.distance(
              RingCircuit.runStrange(RingCircuit.strangeProgram(n, false)),
              RingCircuit.probabilities(fused));
      assertTrue(d.totalVariation() < StrangeBench.SAME_CIRCUIT, "n=" + n + ": " + d);
    }
    assertEquals(90, RingCircuit.circuit(18).gates().size());
  }

  @Test
  void strangesOwnRotationZIsAGlobalPhaseSoTheCheckTellsTheCircuitsApart() {
    double[] ours = RingCircuit.probabilities(RingCircuit.gateByGate(6));
    double[] strange = RingCircuit.runStrange(RingCircuit.strangeProgram(6, true));
    assertTrue(RingCircuit.distance(strange, ours).totalVariation() > 0.1);
    // With rz a global phase the cx pairs cancel: h then rx on every qubit, a product state.
    StateVector product = new StateVector(6);
    for (int q = 0; q < 6; q++) {
      product.h(q).rx(q, RingCircuit.phi(q));
    }
    RingCircuit.Distance d = RingCircuit.distance(strange, RingCircuit.probabilities(product));
    assertTrue(d.totalVariation() < StrangeBench.SAME_CIRCUIT, d.toString());
  }

  @Test
  void reversedQubitOrderWouldBeCaught() {
    int n = 6;
    double[] ours = RingCircuit.probabilities(RingCircuit.gateByGate(n));
    double[] reversed = new double[ours.length];
    for (int x = 0; x < ours.length; x++) {
      reversed[Integer.reverse(x) >>> (32 - n)] = ours[x];
    }
    assertTrue(RingCircuit.distance(ours, reversed).totalVariation() > 1e-3);
  }

  @Test
  void distanceIsMaxAbsAndHalfTheL1() {
    RingCircuit.Distance d =
        RingCircuit.distance(new double[] {0.5, 0.5, 0, 0}, new double[] {0.25, 0.5, 0.25, 0});
    assertEquals(0.25, d.maxAbs(), 1e-15);
    assertEquals(0.25, d.totalVariation(), 1e-15);
    assertEquals(1, d.sumA(), 1e-15);
    assertThrows(
        IllegalArgumentException.class,
        () -> RingCircuit.distance(new double[2], new double[4]));
    assertThrows(IllegalArgumentException.class, () -> RingCircuit.strangeProgram(2, false));
  }

  @Test
  void gateCountIsFiveN() {
    assertEquals(90, StrangeBench.gates(18));
    assertEquals(
        2 + 3 * 6, RingCircuit.strangeProgram(6, false).getSteps().size(), "h step, 3 per pair, rx");
  }
}
