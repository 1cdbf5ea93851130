package io.github.qrerank.bench;

import io.github.qrerank.model.Problem;
import io.github.qrerank.quantum.Diagonal;
import io.github.qrerank.quantum.SubspaceState;
import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.quantum.XYMixer;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.QaoaRun;
import io.github.qrerank.solver.QaoaSolver;
import io.github.qrerank.solver.QuantumSettings;
import io.github.qrerank.solver.SolveReport;
import io.github.qrerank.solver.SolverKind;
import io.github.qrerank.solver.Solvers;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Section 8. <b>Latency:</b> {@code Solvers.run(problem, QAOA, timeoutMs, settings)} — the call the
 * plugin makes for {@code solver=qaoa} — on every instance, after a warm-up on instances with other
 * seeds, in {@code passes} passes (first pass and best of passes, as in section 1). <b>Subspace
 * sizes:</b> for n qubits and weight k, one QAOA solve at {@code qubits=n} on the first instance,
 * then the parts of a layer (cost phase, ring XY mixer) timed on that solve's own cost diagonal,
 * and the memory the simulation holds.
 */
final class QaoaLatencyBench {
  /** The contract's default {@code timeoutMs}. */
  static final long TIMEOUT_MS = 50;

  /** Subspace sizes reported besides the largest: the default and the example. */
  static final int[] REFERENCE_QUBITS = {20, 30};

  record Latency(
      InstanceSet set,
      int passes,
      Latencies first,
      Latencies best,
      int fallbacks,
      Latencies simulation,
      Latencies sampling) {}

  /**
   * One subspace size.
   *
   * @param solveNanos one whole QAOA solve at this size (first at this size: builds the mixer)
   * @param mixerBuildNanos building the ring mixer's coupling tables once more, outside the solve
   * @param diagonalNanos tabulating the cost over the subspace once more
   */
  record Subspace(
      int qubits,
      int weight,
      int dimension,
      long solveNanos,
      long mixerBuildNanos,
      long diagonalNanos,
      Latencies phase,
      Latencies mixer,
      Latencies layer,
      long amplitudeBytes,
      long diagonalBytes,
      long maskBytes,
      long mixerBytes) {

    long totalBytes() {
      return amplitudeBytes + diagonalBytes + maskBytes + mixerBytes;
    }
  }

  private QaoaLatencyBench() {}

  static QuantumSettings settings(int qubits) {
    return new QuantumSettings(
        QaoaQualityBench.SEED, QaoaQualityBench.SHOTS, QaoaQualityBench.LAYERS, qubits);
  }

  static Latency latency(InstanceSet set, InstanceSet warmUp, int passes) {
    QuantumSettings s = settings(QaoaQualityBench.QUBITS);
    BenchMain.progress("QAOA latency: warm-up on " + warmUp.size() + " instances");
    for (Problem p : warmUp.problems()) {
      Solvers.run(p, SolverKind.QAOA, TIMEOUT_MS, s);
    }
    int count = set.size();
    long[] first = new long[count];
    long[] best = new long[count];
    long[] simulation = new long[count];
    long[] sampling = new long[count];
    int fallbacks = 0;
    for (int pass = 0; pass < passes; pass++) {
      BenchMain.progress("QAOA latency: pass " + (pass + 1) + " of " + passes);
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        SolveReport r = Solvers.run(set.problems().get(i), SolverKind.QAOA, TIMEOUT_MS, s);
        long t = System.nanoTime() - start;
        if (pass == 0) {
          first[i] = t;
          best[i] = t;
          fallbacks += r.fallbackReason() == null ? 0 : 1;
          simulation[i] = r.quantum().diagnostics().simulationNanos();
          sampling[i] = r.quantum().diagnostics().samplingNanos();
        } else {
          best[i] = Math.min(best[i], t);
        }
      }
    }
    return new Latency(
        set,
        passes,
        new Latencies(first),
        new Latencies(best),
        fallbacks,
        new Latencies(simulation),
        new Latencies(sampling));
  }

  static List<Subspace> subspaces(Problem problem, int largestQubits, int weight, int runs) {
    TreeSet<Integer> sizes = new TreeSet<>();
    for (int n : REFERENCE_QUBITS) {
      if (n < largestQubits) {
        sizes.add(n);
      }
    }
    sizes.add(largestQubits);
    if (problem.k() != weight) {
      throw new IllegalArgumentException("the instance has k=" + problem.k() + ", not " + weight);
    }
    List<Subspace> out = new ArrayList<>();
    for (int n : sizes) {
      BenchMain.progress("QAOA subspace: n=" + n + ", k=" + weight);
      System.gc();
      out.add(subspace(problem, n, runs));
    }
    return out;
  }

  private static Subspace subspace(Problem problem, int n, int runs) {
    long start = System.nanoTime();
    QaoaRun run = new QaoaSolver(settings(n)).run(problem, Budget.unlimited());
    long solve = System.nanoTime() - start;
    if (run.hamiltonian() == null || run.hamiltonian().numQubits() != n) {
      throw new IllegalStateException(
          "the instance has fewer than " + n + " selectable documents for the shortlist");
    }
    int w = run.hamiltonian().weight();
    start = System.nanoTime();
    WeightSubspace space = WeightSubspace.of(n, w);
    XYMixer mixer = XYMixer.ring(space);
    long mixerBuild = System.nanoTime() - start;
    start = System.nanoTime();
    Diagonal cost = run.hamiltonian().subspaceDiagonal(space);
    long diagonal = System.nanoTime() - start;
    double[] gammas = run.diagnostics().gammas();
    double[] betas = run.diagnostics().betas();
    SubspaceState state = new SubspaceState(space);
    long[] phase = new long[runs];
    long[] mix = new long[runs];
    long[] layer = new long[runs];
    for (int r = 0; r < runs; r++) {
      int l = r % gammas.length;
      long s = System.nanoTime();
      state.applyDiagonalPhase(cost, gammas[l]);
      phase[r] = System.nanoTime() - s;
      s = System.nanoTime();
      state.applyMixer(mixer, -2 * betas[l]);
      mix[r] = System.nanoTime() - s;
      layer[r] = phase[r] + mix[r];
    }
    if (!(Math.abs(state.norm2() - 1) < 1e-9)) {
      throw new IllegalStateException("the subspace state lost its norm: " + state.norm2());
    }
    long dim = space.dimension();
    return new Subspace(
        n,
        w,
        space.dimension(),
        solve,
        mixerBuild,
        diagonal,
        new Latencies(phase),
        new Latencies(mix),
        new Latencies(layer),
        16 * dim,
        8 * dim,
        8 * dim,
        mixer.tableBytes());
  }
}
