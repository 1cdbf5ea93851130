package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.quantum.Circuit.Kind;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The circuit executor against gate-by-gate execution: random circuits of every gate kind (with
 * profiles that make long single-qubit or phase runs, so that every fusion is exercised) and
 * structured circuits whose plans are known. Amplitudes must agree to 1e-12.
 */
class CircuitPlanTest {
  private static final double TOL = 1e-12;

  private static final Kind[] ALL = Kind.values();
  private static final Kind[] PHASE_HEAVY = {
    Kind.CX, Kind.CX, Kind.RZ, Kind.PHASE, Kind.Z, Kind.CZ, Kind.RZZ, Kind.RZ, Kind.H
  };
  private static final Kind[] SINGLE_HEAVY = {
    Kind.H, Kind.X, Kind.Y, Kind.RX, Kind.RY, Kind.RZ, Kind.PHASE, Kind.Z, Kind.CX
  };

  /** {@code gates} gates with kinds drawn from {@code kinds}, random qubits and angles. */
  static Circuit randomCircuit(int n, int gates, Kind[] kinds, SplittableRandom rng) {
    Circuit.Builder b = Circuit.builder(n);
    for (int g = 0; g < gates; g++) {
      Kind kind = kinds[rng.nextInt(kinds.length)];
      if (n == 1) {
        kind = ALL[rng.nextInt(8)];
      }
      int a = rng.nextInt(n);
      double angle = kind.takesAngle() ? (rng.nextDouble() - 0.5) * 4 * Math.PI : 0;
      if (kind.arity() == 1) {
        b.add(Circuit.Gate.of(kind, a, angle));
      } else {
        b.add(Circuit.Gate.of(kind, a, (a + 1 + rng.nextInt(n - 1)) % n, angle));
      }
    }
    return b.build();
  }

  private static void assertSameState(StateVector expected, StateVector actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int x = 0; x < expected.size(); x++) {
      assertEquals(expected.re(x), actual.re(x), TOL, what + ": re at " + x);
      assertEquals(expected.im(x), actual.im(x), TOL, what + ": im at " + x);
    }
  }

  /** Both plans of c against gate-by-gate: from |0...0>, and applied to a random state. */
  private static void assertMatches(Circuit c, SplittableRandom rng, String what) {
    assertSameState(c.runGateByGate(), CircuitPlan.fromZero(c).run(), what + " from |0>");
    StateVector input = TestStates.random(c.numQubits(), rng);
    StateVector expected = input.copy();
    c.applyGateByGate(expected);
    assertSameState(expected, CircuitPlan.of(c).applyTo(input), what + " on a random state");
  }

  @Test
  void randomCircuitsOfEveryKindMatchGateByGate() {
    SplittableRandom rng = new SplittableRandom(20251126L);
    Kind[][] profiles = {ALL, PHASE_HEAVY, SINGLE_HEAVY};
    String[] names = {"all kinds", "phase-heavy", "single-heavy"};
    for (int n = 1; n <= 12; n++) {
      for (int p = 0; p < profiles.length; p++) {
        for (int trial = 0; trial < 4; trial++) {
          int gates = 1 + rng.nextInt(12 * n);
          Circuit c = randomCircuit(n, gates, profiles[p], rng);
          assertMatches(c, rng, "n=" + n + " " + names[p] + " trial " + trial + " (" + gates + " gates)");
        }
      }
    }
  }

  /** h on all, cx·rz·cx on each ring pair, rx on all: the circuit of BENCHMARKS.md section 4. */
  static Circuit ring(int n) {
    Circuit.Builder b = Circuit.builder(n);
    IntStream.range(0, n).forEach(b::h);
    IntStream.range(0, n)
        .forEach(i -> b.cx(i, (i + 1) % n).rz((i + 1) % n, 0.25 + 0.05 * i).cx(i, (i + 1) % n));
    IntStream.range(0, n).forEach(q -> b.rx(q, 0.6 + 0.04 * q));
    return b.build();
  }

  @Test
  void ringCircuitBecomesOneDiagonalAndOneLayer() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int n = 3; n <= 14; n++) {
      Circuit c = ring(n);
      assertMatches(c, rng, "ring n=" + n);
      // From |0>: the product state times the rzz ring in one written pass, then the rx layer.
      CircuitPlan fromZero = CircuitPlan.fromZero(c);
      assertEquals(2, fromZero.passCount(), fromZero.describe().toString());
      assertEquals(1 + n, fromZero.sweepCount());
      CircuitPlan any = CircuitPlan.of(c);
      assertEquals(3, any.passCount(), any.describe().toString());
      assertEquals(n + 1 + n, any.sweepCount());
    }
  }

  @Test
  void parityLaddersAroundRzFoldIntoTheDiagonal() {
    // exp(-i t Z0 Z3 Z5 Z11 / 2) as a cx ladder, and a cz and phase inside the ladder.
    int[] qs = {0, 3, 5, 11};
    Circuit.Builder b = Circuit.builder(12);
    for (int k = 0; k + 1 < qs.length; k++) {
      b.cx(qs[k], qs[k + 1]);
    }
    b.rz(11, 0.9).cz(11, 2).phase(5, -0.4);
    for (int k = qs.length - 2; k >= 0; k--) {
      b.cx(qs[k], qs[k + 1]);
    }
    Circuit c = b.build();
    assertMatches(c, new SplittableRandom(11), "ladder");
    assertEquals(List.of("diagonal of 3 factors (2 low blocks)"), CircuitPlan.of(c).describe());
  }

  @Test
  void cxGatesThatDoNotCancelRunAfterTheDiagonal() {
    Circuit c =
        Circuit.builder(5).cx(0, 1).rz(1, 0.3).cx(1, 4).rzz(4, 2, 1.1).cz(0, 3).cx(2, 0).build();
    assertMatches(c, new SplittableRandom(12), "permutation");
    List<String> passes = CircuitPlan.of(c).describe();
    assertEquals(4, passes.size(), passes.toString());
    assertEquals(List.of("cx(0, 1)", "cx(1, 4)", "cx(2, 0)"), passes.subList(1, 4));
  }

  @Test
  void onlyTheCxGatesThatMakeThePermutationRun() {
    // cx(0, 1) does not cancel; the ladder cx(2, 3)·rz·cx(2, 3) after it does.
    Circuit after = Circuit.builder(4).cx(0, 1).cx(2, 3).rz(3, 0.4).cx(2, 3).build();
    assertMatches(after, new SplittableRandom(18), "cx then ladder");
    assertEquals(
        List.of("diagonal of 1 factors (1 low blocks)", "cx(0, 1)"), CircuitPlan.of(after).describe());
    // cx(0, 1) twice cancels; only the last cx(2, 3) is left.
    Circuit before = Circuit.builder(4).cx(0, 1).cx(0, 1).rz(1, 0.4).cx(2, 3).build();
    assertMatches(before, new SplittableRandom(19), "pair then cx");
    assertEquals(
        List.of("diagonal of 1 factors (1 low blocks)", "cx(2, 3)"), CircuitPlan.of(before).describe());
  }

  @Test
  void factorsNeedingManySelectorsSpreadOverSeveralTables() {
    // 14 qubits, low table over bits 0-9: each rzz(i, 10 + j) has its own high part, and the
    // cx ladder makes parities mixing several high bits.
    int n = 14;
    Circuit.Builder b = Circuit.builder(n);
    for (int q = 0; q < n; q++) {
      b.h(q);
    }
    for (int i = 0; i < 6; i++) {
      b.rzz(i, 10 + i % 4, 0.3 + 0.1 * i);
    }
    b.cx(12, 13).cx(11, 13).rzz(13, 1, 0.7).cx(11, 13).cx(12, 13).cz(10, 3).cz(12, 9);
    Circuit c = b.build();
    assertMatches(c, new SplittableRandom(13), "selectors");
    long tables =
        CircuitPlan.of(c).describe().stream().filter(d -> d.startsWith("diagonal")).count();
    assertTrue(tables >= 2, CircuitPlan.of(c).describe().toString());
  }

  @Test
  void singleQubitGatesOnOneQubitMultiplyIntoOneMatrix() {
    // After h, every single-qubit gate on qubits 1 and 3 (diagonal ones too) joins the layer.
    Circuit.Builder b = Circuit.builder(4).h(1).h(3);
    SplittableRandom rng = new SplittableRandom(14);
    for (int k = 0; k < 40; k++) {
      Kind kind = ALL[rng.nextInt(8)];
      b.add(Circuit.Gate.of(kind, k % 2 == 0 ? 1 : 3, kind.takesAngle() ? rng.nextDouble() : 0));
    }
    Circuit c = b.build();
    assertMatches(c, rng, "one layer");
    assertEquals(List.of("single-qubit layer on [1, 3]"), CircuitPlan.of(c).describe());
  }

  @Test
  void aLoneSingleQubitGateGivesTheStateVectorsNumbersExactly() {
    for (Kind kind : List.of(Kind.H, Kind.X, Kind.Y, Kind.Z, Kind.RX, Kind.RY, Kind.RZ, Kind.PHASE)) {
      for (int q = 0; q < 5; q++) {
        Circuit c = Circuit.builder(5).add(Circuit.Gate.of(kind, q, kind.takesAngle() ? 0.77 : 0)).build();
        StateVector input = TestStates.random(5, new SplittableRandom(q));
        StateVector expected = input.copy();
        c.applyGateByGate(expected);
        StateVector actual = CircuitPlan.of(c).applyTo(input);
        for (int x = 0; x < expected.size(); x++) {
          assertEquals(expected.re(x), actual.re(x), 0, kind + " on " + q);
          assertEquals(expected.im(x), actual.im(x), 0, kind + " on " + q);
        }
      }
    }
  }

  @Test
  void xyAndCryRunAloneBetweenFusedStages() {
    Circuit c =
        Circuit.builder(6)
            .h(0).h(1).rz(0, 0.2).cx(0, 1).rz(1, 0.5).cx(0, 1)
            .xy(1, 2, 0.8).cry(2, 5, 1.3).ry(5, 0.4).rzz(5, 0, 0.6)
            .build();
    assertMatches(c, new SplittableRandom(15), "xy and cry");
    List<String> passes = CircuitPlan.of(c).describe();
    assertTrue(passes.contains("xy(1, 2, 0.8)") && passes.contains("cry(2, 5, 1.3)"), passes.toString());
  }

  @Test
  void emptyAndTinyCircuits() {
    assertSameState(new StateVector(3), CircuitPlan.fromZero(Circuit.builder(3).build()).run(), "empty");
    assertEquals(0, CircuitPlan.fromZero(Circuit.builder(3).build()).passCount());
    assertMatches(Circuit.builder(1).h(0).rz(0, 0.3).build(), new SplittableRandom(16), "n=1");
    assertMatches(Circuit.builder(2).cx(0, 1).build(), new SplittableRandom(17), "lone cx");
  }

  @Test
  void plansRefuseTheWrongState() {
    Circuit c = ring(4);
    IllegalStateException fromZero =
        assertThrows(IllegalStateException.class, () -> CircuitPlan.fromZero(c).applyTo(new StateVector(4)));
    assertTrue(fromZero.getMessage().contains("|0...0>"), fromZero.getMessage());
    IllegalArgumentException size =
        assertThrows(IllegalArgumentException.class, () -> CircuitPlan.of(c).applyTo(new StateVector(5)));
    assertTrue(size.getMessage().contains("4 qubits"), size.getMessage());
  }

  @Test
  void builderRejectsBadGatesNamingTheProblem() {
    Circuit.Builder b = Circuit.builder(3);
    assertThrows(IllegalArgumentException.class, () -> b.h(3));
    assertThrows(IllegalArgumentException.class, () -> b.cx(1, 1));
    assertThrows(IllegalArgumentException.class, () -> b.rx(0, Double.NaN));
    IllegalArgumentException angle =
        assertThrows(IllegalArgumentException.class, () -> Circuit.Gate.of(Kind.CX, 0, 1, 0.5));
    assertTrue(angle.getMessage().contains("cx"), angle.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Circuit.builder(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Circuit(2, List.of(Circuit.Gate.of(Kind.RZZ, 0, 2, 0.1))));
  }
}
