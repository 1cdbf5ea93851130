package io.github.qrerank.bench;

import java.util.ArrayList;
import java.util.List;
import org.redfx.strange.Program;

/**
 * Section 4: the {@link RingCircuit} on our full state-vector engine and on Strange, at each size,
 * in the same JVM. Our engine is warmed up first (every size, several runs) and then timed {@code
 * oursRuns} times per size; Strange is warmed up on a smaller circuit and timed {@code strangeRuns}
 * times per size, once at the largest (it needs seconds per run, and 10 to 30 s at 18 qubits). Our clock covers allocating the state and
 * applying every gate; Strange's covers {@code runProgram} (the program object is built
 * beforehand). A full collection precedes our runs of each size and every Strange run, so neither
 * pays for the other's garbage. At the check size, Strange's final probabilities are compared with
 * ours.
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

  /** One size: our times (every run) and Strange's. */
  record Row(int qubits, int gates, Latencies ours, Latencies strange) {
    /** Strange's median over our median: how many times faster ours is. */
    double speedUp() {
      return (double) strange.p50() / ours.p50();
    }
  }

  record Outcome(
      List<Row> rows,
      int checkQubits,
      RingCircuit.Distance sameCircuit,
      RingCircuit.Distance strangeRotationZ) {}

  private StrangeBench() {}

  /** Gates in the ring circuit of n qubits: n h, 3n for the ring pairs, n rx. */
  static int gates(int n) {
    return 5 * n;
  }

  static Outcome run(QuantumSizes sizes) {
    BenchMain.progress("Strange: warming up our engine");
    long sink = 0;
    for (int n : sizes.strangeQubits()) {
      for (int r = 0; r < OUR_WARM_UP_RUNS; r++) {
        sink += Double.doubleToLongBits(RingCircuit.ours(n).probability(0));
      }
    }
    BenchMain.progress("Strange: warming up Strange");
    for (int r = 0; r < STRANGE_WARM_UP_RUNS; r++) {
      sink += RingCircuit.runStrange(RingCircuit.strangeProgram(STRANGE_WARM_UP_QUBITS, false)).length;
    }
    List<Row> rows = new ArrayList<>();
    double[] checkStrange = null;
    double[] checkOurs = null;
    int largest = sizes.strangeQubits().stream().mapToInt(Integer::intValue).max().orElseThrow();
    for (int n : sizes.strangeQubits()) {
      // Each engine starts its runs on a collected heap: Strange leaves much garbage behind.
      System.gc();
      long[] ours = new long[sizes.oursRuns()];
      for (int r = 0; r < ours.length; r++) {
        long start = System.nanoTime();
        var state = RingCircuit.ours(n);
        ours[r] = System.nanoTime() - start;
        if (n == sizes.strangeCheckQubits() && r == 0) {
          checkOurs = RingCircuit.probabilities(state);
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
      rows.add(new Row(n, gates(n), new Latencies(ours), new Latencies(strange)));
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
        RingCircuit.distance(withRotationZ, checkOurs));
  }
}
