package io.github.qrerank.bench;

import io.github.qrerank.quantum.Diagonal;
import io.github.qrerank.quantum.StateVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Section 5: one full pass of the state-vector engine over 2^n amplitudes next to a {@link
 * StreamPasses} reference that moves the same bytes, at each size, in the same JVM and thread.
 *
 * <p>Engine passes: h on qubit 0 (the flat loop of the lowest qubits), h on qubit n/2 (the block
 * loop), and the cost layer {@link StateVector#applyDiagonalPhase} with a diagonal tabulated
 * beforehand. References over fresh arrays of 2^n doubles: {@link StreamPasses#gateTriad} (the
 * gates' traffic), {@link StreamPasses#phaseTriad} (the phase pass's) and the classic {@link
 * StreamPasses#triad}. Every kernel is first warmed up on 2^{@value #WARM_UP_QUBITS} amplitudes;
 * then each size runs {@code passes} rounds, each round timing every pass once in turn, so that a
 * slow moment of a shared machine hits engine and reference alike.
 */
final class BandwidthBench {
  static final int WARM_UP_QUBITS = 20;
  static final int WARM_UP_ROUNDS = 20;
  static final double GAMMA = 0.7;
  static final double S = 1e-3;
  static final long DIAGONAL_SEED = 5L;

  /** Times at one size; every field holds one time per round. */
  record Row(
      int qubits,
      Latencies hLow,
      Latencies hMiddle,
      Latencies phase,
      Latencies gateTriad,
      Latencies phaseTriad,
      Latencies triad) {

    long stateBytes() {
      return 16L << qubits;
    }

    /** Bytes the classic triad reads and writes (three arrays of 8-byte doubles). */
    long triadBytes() {
      return 24L << qubits;
    }
  }

  private BandwidthBench() {}

  static List<Row> run(QuantumSizes sizes) {
    BenchMain.progress("bandwidth: warm-up at n=" + WARM_UP_QUBITS);
    measure(WARM_UP_QUBITS, WARM_UP_ROUNDS);
    List<Row> rows = new ArrayList<>();
    for (int n : sizes.bandwidthQubits()) {
      BenchMain.progress("bandwidth: n=" + n);
      System.gc();
      rows.add(measure(n, sizes.bandwidthPasses()));
    }
    return rows;
  }

  /** Allocates one size's arrays, times the rounds and lets the arrays go before returning. */
  private static Row measure(int n, int rounds) {
    return new Rounds(n, rounds).run();
  }

  /** The state, diagonal and reference arrays of one size, and the timed rounds over them. */
  private static final class Rounds {
    private final int n;
    private final int rounds;
    private final StateVector state;
    private final Diagonal diagonal;
    private final double[] a;
    private final double[] b;
    private final double[] d;

    Rounds(int n, int rounds) {
      this.n = n;
      this.rounds = rounds;
      this.state = new StateVector(n).setUniform();
      this.diagonal = linearCost(n, DIAGONAL_SEED);
      int size = 1 << n;
      this.a = new double[size];
      this.b = new double[size];
      this.d = new double[size];
      Arrays.fill(a, 1 / Math.sqrt(size));
      Arrays.fill(b, 0.5 / Math.sqrt(size));
      for (int x = 0; x < size; x++) {
        d[x] = diagonal.value(x);
      }
    }

    Row run() {
      long[][] t = new long[6][rounds];
      for (int r = 0; r < rounds; r++) {
        long s = System.nanoTime();
        state.h(0);
        t[0][r] = lap(s);
        s = System.nanoTime();
        state.h(n / 2);
        t[1][r] = lap(s);
        s = System.nanoTime();
        state.applyDiagonalPhase(diagonal, GAMMA);
        t[2][r] = lap(s);
        // Alternate the sign so that repeated passes keep the values bounded.
        double sign = r % 2 == 0 ? 1 : -1;
        s = System.nanoTime();
        StreamPasses.gateTriad(a, b, sign * S);
        t[3][r] = lap(s);
        s = System.nanoTime();
        StreamPasses.phaseTriad(a, b, d, sign * S);
        t[4][r] = lap(s);
        s = System.nanoTime();
        StreamPasses.triad(a, b, d, sign * S);
        t[5][r] = lap(s);
      }
      if (!(Math.abs(state.norm2() - 1) < 1e-6)) {
        throw new IllegalStateException("the state lost its norm: " + state.norm2());
      }
      return new Row(
          n,
          new Latencies(t[0]),
          new Latencies(t[1]),
          new Latencies(t[2]),
          new Latencies(t[3]),
          new Latencies(t[4]),
          new Latencies(t[5]));
    }

    private static long lap(long start) {
      return System.nanoTime() - start;
    }
  }

  /**
   * A cost over all 2^n basis states, {@code d_x = Σ_q c_q x_q} with seeded c_q in [−1, 1]: a
   * linear cost, cheap to tabulate at 26 qubits. The phase kernel does the same arithmetic for any
   * values in its fast range, which these are.
   */
  static Diagonal linearCost(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] c = new double[n];
    for (int q = 0; q < n; q++) {
      c[q] = 2 * rng.nextDouble() - 1;
    }
    return Diagonal.overBasis(
        n,
        bits -> {
          double v = 0;
          for (long rest = bits; rest != 0; rest &= rest - 1) {
            v += c[Long.numberOfTrailingZeros(rest)];
          }
          return v;
        });
  }
}
