package io.github.qrerank.bench;

import io.github.qrerank.quantum.Circuit;
import io.github.qrerank.quantum.CircuitPlan;
import io.github.qrerank.quantum.StateVector;
import java.util.ArrayList;
import java.util.List;
import org.redfx.strange.Program;

/**
 * Section 4: the {@link RingCircuit} on our full state-vector engine and on Strange, at each size,
 * in the same JVM. Ours runs two ways: through the circuit executor ({@link RingCircuit#fused}, the
 * engine the ratio is about) and gate by gate ({@link RingCircuit#gateByGate}), both warmed up
 * first (every size, several runs) and then timed {@code oursRuns} times per size, alternating, so
 * that both see the same load. Strange is warmed up on a smaller circuit and timed {@code
 * strangeRuns} times per size, once at the largest (it needs seconds per run, and 10 to 30 s at 18
 * qubits). Our clock covers allocating the state, planning the circuit (executor) and applying every
 * gate; the {@code Circuit} is built beforehand, as Strange's program object is. Strange's clock
 * covers {@code runProgram}. A full collection precedes our runs of each size and every Strange
 * run, so neither pays for the other's garbage. At the check size, Strange's final probabilities
 * are compared with the executor's; at every size the executor's amplitudes are compared with
 * gate-by-gate ones.
 */
final class StrangeBench {
  static final int OUR_WARM_UP_RUNS = 10;
  static final int STRANGE_WARM_UP_QUBITS = 10;
  static final int STRANGE_WARM_UP_RUNS = 3;

  /**
   * Largest total variation distance between the two simulators' probabilities that counts as the
   * same circuit: far above single-precision rounding (about 1e-7 here), far below what a wrong
   * gate or qubit order gives (above 0.1).
   */
  static final double SAME_CIRCUIT = 1e-4;

  /**
   * One size: the executor's times (every run), gate by gate, Strange's, and how many sweeps over
   * the amplitudes the executor's plan makes.
   */
  record Row(
      int qubits, int gates, int sweeps, Latencies fused, Latencies gateByGate,
      Latencies strange, Faults faults) {
    /** Strange's median over the executor's median: how many times faster ours is. */
    double speedUp() {
      return (double) strange.p50() / fused.p50();
    }

    /** Strange's median over the gate-by-gate median. */
    double gateByGateSpeedUp() {
      return (double) strange.p50() / gateByGate.p50();
    }
  }

  /**
   * Minor page faults taken inside our timed runs of one size, summed over the runs ({@link
   * PageFaults#UNKNOWN} off Linux).
   */
  record Faults(long fused, long gateByGate) {
    static final Faults UNKNOWN = new Faults(PageFaults.UNKNOWN, PageFaults.UNKNOWN);

    Faults plus(long fusedRun, long gateByGateRun) {
      if (fused == PageFaults.UNKNOWN || fusedRun < 0 || gateByGateRun < 0) {
        return UNKNOWN;
      }
      return new Faults(fused + fusedRun, gateByGate + gateByGateRun);
    }
  }

  /**
   * @param fusedVsGateByGate the largest amplitude difference between the executor's and the
   *     gate-by-gate state, over all sizes
   */
  record Outcome(
      List<Row> rows,
      int checkQubits,
      RingCircuit.Distance sameCircuit,
      RingCircuit.Distance strangeRotationZ,
      double fusedVsGateByGate) {}

  private StrangeBench() {}

  private static long difference(long before, long after) {
    return before == PageFaults.UNKNOWN || after == PageFaults.UNKNOWN
        ? PageFaults.UNKNOWN
        : after - before;
  }

  /** Gates in the ring circuit of n qubits: n h, 3n for the ring pairs, n rx. */
  static int gates(int n) {
    return 5 * n;
  }

  static Outcome run(QuantumSizes sizes) {
    BenchMain.progress("Strange: warming up our engine");
    long sink = 0;
    for (int n : sizes.strangeQubits()) {
      Circuit circuit = RingCircuit.circuit(n);
      for (int r = 0; r < OUR_WARM_UP_RUNS; r++) {
        sink += Double.doubleToLongBits(RingCircuit.fused(circuit).probability(0));
        sink += Double.doubleToLongBits(RingCircuit.gateByGate(n).probability(0));
      }
    }
    BenchMain.progress("Strange: warming up Strange");
    for (int r = 0; r < STRANGE_WARM_UP_RUNS; r++) {
      sink += RingCircuit.runStrange(RingCircuit.strangeProgram(STRANGE_WARM_UP_QUBITS, false)).length;
    }
    List<Row> rows = new ArrayList<>();
    double[] checkStrange = null;
    double[] checkOurs = null;
    double fusedVsGateByGate = 0;
    int largest = sizes.strangeQubits().stream().mapToInt(Integer::intValue).max().orElseThrow();
    for (int n : sizes.strangeQubits()) {
      Circuit circuit = RingCircuit.circuit(n);
      // Each engine starts its runs on a collected heap: Strange leaves much garbage behind.
      System.gc();
      long[] fused = new long[sizes.oursRuns()];
      long[] gateByGate = new long[sizes.oursRuns()];
      Faults faults = new Faults(0, 0);
      for (int r = 0; r < fused.length; r++) {
        long faults0 = PageFaults.minor();
        long start = System.nanoTime();
        StateVector state = RingCircuit.fused(circuit);
        fused[r] = System.nanoTime() - start;
        long faults1 = PageFaults.minor();
        start = System.nanoTime();
        StateVector reference = RingCircuit.gateByGate(n);
        gateByGate[r] = System.nanoTime() - start;
        long faults2 = PageFaults.minor();
        faults = faults.plus(difference(faults0, faults1), difference(faults1, faults2));
        if (r == 0) {
          fusedVsGateByGate =
              Math.max(fusedVsGateByGate, RingCircuit.maxAmplitudeDifference(state, reference));
          if (n == sizes.strangeCheckQubits()) {
            checkOurs = RingCircuit.probabilities(state);
          }
        }
      }
      long[] strange = new long[n == largest ? 1 : sizes.strangeRuns()];
      for (int r = 0; r < strange.length; r++) {
        System.gc();
        BenchMain.progress("Strange: n=" + n + ", run " + (r + 1) + " of " + strange.length);
        Program p = RingCircuit.strangeProgram(n, false);
        long start = System.nanoTime();
        double[] probabilities = RingCircuit.runStrange(p);
        strange[r] = System.nanoTime() - start;
        if (n == sizes.strangeCheckQubits() && r == 0) {
          checkStrange = probabilities;
        }
      }
      rows.add(
          new Row(
              n, gates(n), CircuitPlan.fromZero(circuit).sweepCount(), new Latencies(fused),
              new Latencies(gateByGate), new Latencies(strange), faults));
    }
    BenchMain.progress("Strange: n=" + sizes.strangeCheckQubits() + " with its own RotationZ");
    double[] withRotationZ =
        RingCircuit.runStrange(RingCircuit.strangeProgram(sizes.strangeCheckQubits(), true));
    if (sink == 42) {
      BenchMain.progress("(unlikely sink value)");
    }
    return new Outcome(
        rows,
        sizes.strangeCheckQubits(),
        RingCircuit.distance(checkStrange, checkOurs),
        RingCircuit.distance(withRotationZ, checkOurs),
        fusedVsGateByGate);
  }
}
