package io.github.qrerank.bench;

import io.github.qrerank.quantum.Diagonal;
import io.github.qrerank.quantum.PhaseKernelAccess;
import io.github.qrerank.quantum.StateVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Section 5: one full pass of the state-vector engine over 2^n amplitudes next to a {@link
 * StreamPasses} reference that moves the same bytes, at each size, in the same JVM.
 *
 * <p>Engine passes: h on qubit 0 (the unrolled block loop of qubits 0-2) and h on qubit n/2 (the
 * nested loop), one thread; the cost layer {@link StateVector#applyDiagonalPhase} with a diagonal
 * tabulated beforehand, as the engine runs it (its fastest pass on {@link
 * PhaseKernelAccess#defaultParts} threads), and the same kernel on one thread, and its scalar
 * fallback on one thread and on the engine's thread count (over fresh arrays of the same size).
 * References over fresh arrays of 2^n doubles: {@link StreamPasses#gateTriad} (the gates'
 * traffic), {@link StreamPasses#phaseTriad} (the phase pass's) and the classic {@link
 * StreamPasses#triad}, the last two on one thread and on the engine's thread count. Every pass is
 * first run {@value #COMPILE_ROUNDS} times on 2^{@value #COMPILE_QUBITS} amplitudes, then {@value
 * #WARM_UP_ROUNDS} times on 2^{@value #WARM_UP_QUBITS}: with only the second warm-up, HotSpot had
 * compiled h on qubit 0 (GateKernels' unrolled low-qubit loop) from few, long calls and that code
 * ran it about twice as slowly at 2^22 amplitudes as after many short calls, the state of a
 * long-running engine. Then each size runs {@code passes} rounds, each round timing every pass
 * once in turn, so that a slow moment of a shared machine hits engine and reference alike.
 */
final class BandwidthBench {
  /** Many rounds on a small state first, so that HotSpot compiles every kernel as a method. */
  static final int COMPILE_QUBITS = 12;

  static final int COMPILE_ROUNDS = 3000;
  static final int WARM_UP_QUBITS = 20;
  static final int WARM_UP_ROUNDS = 20;
  static final double GAMMA = 0.7;
  static final double S = 1e-3;
  static final long DIAGONAL_SEED = 5L;

  /** The timed passes, in the order each round runs them. */
  enum Pass {
    H_LOW,
    H_MIDDLE,
    GATE_TRIAD,
    /** {@code applyDiagonalPhase}: the engine's pass on its own thread count. */
    PHASE,
    /** The engine's phase kernel on one thread. */
    PHASE_ONE_THREAD,
    SCALAR_ONE_THREAD,
    SCALAR_THREADS,
    PHASE_TRIAD_ONE_THREAD,
    PHASE_TRIAD_THREADS,
    TRIAD_ONE_THREAD,
    TRIAD_THREADS
  }

  /**
   * Times at one size, one per round for every pass.
   *
   * @param threads how many threads the engine's phase pass (and the references marked THREADS)
   *     used at this size
   * @param kernel the engine's phase pass: {@code vector} or {@code scalar}
   * @param loadAfter the machine's 1-minute load average when this size's rounds ended
   */
  record Row(int qubits, int threads, String kernel, Map<Pass, Latencies> times, String loadAfter) {
    Row {
      times = Map.copyOf(times);
    }

    Latencies get(Pass pass) {
      return times.get(pass);
    }

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
    BenchMain.progress("bandwidth: warm-up at n=" + COMPILE_QUBITS + " and n=" + WARM_UP_QUBITS);
    measure(COMPILE_QUBITS, COMPILE_ROUNDS);
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
    private final int threads;
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
      this.threads = PhaseKernelAccess.defaultParts(size);
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
      Pass[] passes = Pass.values();
      long[][] t = new long[passes.length][rounds];
      for (int r = 0; r < rounds; r++) {
        // Alternate the sign so that repeated triads keep the values bounded (the phase passes
        // only rotate them).
        double s = r % 2 == 0 ? S : -S;
        for (Pass pass : passes) {
          long start = System.nanoTime();
          run(pass, s);
          t[pass.ordinal()][r] = System.nanoTime() - start;
        }
      }
      if (!(Math.abs(state.norm2() - 1) < 1e-6)) {
        throw new IllegalStateException("the state lost its norm: " + state.norm2());
      }
      Map<Pass, Latencies> times = new EnumMap<>(Pass.class);
      for (Pass pass : passes) {
        times.put(pass, new Latencies(t[pass.ordinal()]));
      }
      String load = BenchMain.loadAverage().split(" ")[0];
      return new Row(n, threads, PhaseKernelAccess.fastestName(), times, load);
    }

    private void run(Pass pass, double s) {
      switch (pass) {
        case H_LOW -> state.h(0);
        case H_MIDDLE -> state.h(n / 2);
        case GATE_TRIAD -> StreamPasses.gateTriad(a, b, s);
        case PHASE -> state.applyDiagonalPhase(diagonal, GAMMA);
        case PHASE_ONE_THREAD -> PhaseKernelAccess.apply(a, b, diagonal, GAMMA, false, 1);
        case SCALAR_ONE_THREAD -> PhaseKernelAccess.apply(a, b, diagonal, GAMMA, true, 1);
        case SCALAR_THREADS -> PhaseKernelAccess.apply(a, b, diagonal, GAMMA, true, threads);
        case PHASE_TRIAD_ONE_THREAD -> StreamPasses.phaseTriad(a, b, d, s, 1);
        case PHASE_TRIAD_THREADS -> StreamPasses.phaseTriad(a, b, d, s, threads);
        case TRIAD_ONE_THREAD -> StreamPasses.triad(a, b, d, s, 1);
        case TRIAD_THREADS -> StreamPasses.triad(a, b, d, s, threads);
        default -> throw new IllegalStateException("unknown pass " + pass);
      }
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
