package io.github.qrerank.bench;

import io.github.qrerank.bench.BandwidthBench.Pass;
import io.github.qrerank.bench.BandwidthBench.Row;
import java.util.List;
import java.util.Locale;

/**
 * The markdown of section 5 from {@link BandwidthBench}'s rows: the gate passes and the cost-phase
 * pass against their streaming references. Every number comes from the rows; the prose says how
 * they were measured.
 */
final class BandwidthReport {
  /** The target: an engine pass within this factor of its streaming reference. */
  static final double TARGET = 2;

  private BandwidthReport() {}

  static String markdown(List<Row> rows, QuantumSizes sizes) {
    StringBuilder md = new StringBuilder(Section.BANDWIDTH.heading()).append("\n\n");
    String kernel = rows.isEmpty() ? "none" : rows.get(0).kernel();
    md.append(
        f(
            "One pass of the full state-vector engine over all 2^n amplitudes (split re/im arrays,"
                + " 16 bytes per amplitude) next to a STREAM-style triad over fresh arrays of 2^n"
                + " doubles that moves the same bytes in the same way, timed in the same JVM (class"
                + " `StreamPasses`). A single-qubit gate reads and writes both amplitude arrays; its"
                + " reference is the fused triad `(a, b) ← (a + s·b, b − s·a)` over two arrays (read"
                + " 16, write 16 bytes per index). The cost-phase pass (`applyDiagonalPhase`, the"
                + " diagonal tabulated beforehand: a linear cost with seeded coefficients, the"
                + " kernel's work does not depend on the values) also reads the 8-byte diagonal;"
                + " its reference is `(a, b) ← (a + s·d, b − s·d)` (read 24, write 16). The classic"
                + " triad `a = b + s·c` gives the machine's bandwidth in GB/s (24 bytes per index"
                + " counted, write-allocate traffic not). Every pass first runs %,d times at n=%d"
                + " (so that HotSpot compiles each kernel as a method, as in a long-running engine)"
                + " and %d times at n=%d; each size then runs %d rounds, each round timing every"
                + " pass once in turn."
                + " \"best\" is the fastest round (the pass's own cost, least disturbed by other"
                + " work on a shared machine), \"p50\" the median round; a ratio is the engine's"
                + " time over the reference's on the same number of threads, best over best (p50"
                + " over p50 in brackets).",
            BandwidthBench.COMPILE_ROUNDS,
            BandwidthBench.COMPILE_QUBITS,
            BandwidthBench.WARM_UP_ROUNDS,
            BandwidthBench.WARM_UP_QUBITS,
            sizes.bandwidthPasses()));
    md.append("\n\n").append(gates(rows)).append('\n').append(phase(rows, kernel)).append('\n');
    md.append(verdict(rows, kernel));
    return md.toString();
  }

  /** Single-qubit gates, one thread: h on qubit 0 (block loop of qubits 0-2) and on qubit n/2. */
  private static String gates(List<Row> rows) {
    StringBuilder md =
        new StringBuilder(
            "Single-qubit gates (one thread; h on qubit 0 runs the unrolled 8-amplitude block loop"
                + " of qubits 0-2, h on qubit n/2 the nested loop of higher qubits):\n\n"
                + "| n | state | h(0) best | h(n/2) best | gate triad best | **h(0) / gate triad**"
                + " | **h(n/2) / gate triad** | classic triad, 1 thread |\n"
                + "|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(
          f(
              "| %d | %s | %s | %s | %s | %s | %s | %s |\n",
              r.qubits(),
              QuantumReport.bytes(r.stateBytes()),
              best(r, Pass.H_LOW),
              best(r, Pass.H_MIDDLE),
              best(r, Pass.GATE_TRIAD),
              ratios(r, Pass.H_LOW, Pass.GATE_TRIAD),
              ratios(r, Pass.H_MIDDLE, Pass.GATE_TRIAD),
              gbPerSecond(r, Pass.TRIAD_ONE_THREAD)));
    }
    return md.toString();
  }

  private static String phase(List<Row> rows, String kernel) {
    StringBuilder md =
        new StringBuilder(
            f(
                "Cost-phase pass, `PhaseKernel` with its %s pass (%s). The engine splits a state"
                    + " of 2^18 amplitudes or more over the common ForkJoinPool plus the calling"
                    + " thread (\"threads\" below; the result bits do not depend on it); the"
                    + " engine's pass on one thread and the scalar fallback (what the engine runs"
                    + " when the JVM lacks the Vector API module) are timed through the same"
                    + " kernel on arrays of the same size:\n\n",
                kernel,
                "vector".equals(kernel)
                    ? "the JDK's incubating Vector API, enabled by `--add-modules=jdk.incubator.vector`,"
                        + " which `./bench.sh` passes"
                    : "the Vector API module was not present in this run"));
    md.append(
            "| n | threads | phase, 1 thread | phase triad, 1 thread | **phase / phase triad, 1"
                + " thread** | `applyDiagonalPhase` | phase triad, same threads | **phase / phase"
                + " triad, same threads** | scalar fallback / phase triad: 1 thread, same threads"
                + " | classic triad: 1 thread, same threads |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(
          f(
              "| %d | %d | %s | %s | %s | %s | %s | %s | %s, %s | %s, %s |\n",
              r.qubits(),
              r.threads(),
              best(r, Pass.PHASE_ONE_THREAD),
              best(r, Pass.PHASE_TRIAD_ONE_THREAD),
              ratios(r, Pass.PHASE_ONE_THREAD, Pass.PHASE_TRIAD_ONE_THREAD),
              best(r, Pass.PHASE),
              best(r, Pass.PHASE_TRIAD_THREADS),
              ratios(r, Pass.PHASE, Pass.PHASE_TRIAD_THREADS),
              Format.ratio(ratio(r, Pass.SCALAR_ONE_THREAD, Pass.PHASE_TRIAD_ONE_THREAD)),
              Format.ratio(ratio(r, Pass.SCALAR_THREADS, Pass.PHASE_TRIAD_THREADS)),
              gbPerSecond(r, Pass.TRIAD_ONE_THREAD),
              gbPerSecond(r, Pass.TRIAD_THREADS)));
    }
    return md.toString();
  }

  private static String verdict(List<Row> rows, String kernel) {
    double gate = 0;
    double phaseOne = 0;
    double phaseThreads = 0;
    double scalarOne = 0;
    double scalarThreads = 0;
    for (Row r : rows) {
      gate = Math.max(gate, Math.max(ratio(r, Pass.H_LOW, Pass.GATE_TRIAD), ratio(r, Pass.H_MIDDLE, Pass.GATE_TRIAD)));
      phaseOne = Math.max(phaseOne, ratio(r, Pass.PHASE_ONE_THREAD, Pass.PHASE_TRIAD_ONE_THREAD));
      phaseThreads = Math.max(phaseThreads, ratio(r, Pass.PHASE, Pass.PHASE_TRIAD_THREADS));
      scalarOne = Math.max(scalarOne, ratio(r, Pass.SCALAR_ONE_THREAD, Pass.PHASE_TRIAD_ONE_THREAD));
      scalarThreads = Math.max(scalarThreads, ratio(r, Pass.SCALAR_THREADS, Pass.PHASE_TRIAD_THREADS));
    }
    return f(
        "Target: within %s of the streaming pass. Single-qubit gates: %s (worst best-round ratio"
            + " %s). Cost-phase pass with the %s pass: on one thread %s (worst %s), as the engine"
            + " runs it %s (worst %s). The pass evaluates cos and sin of γ·d_x for every amplitude"
            + " (polynomials, `PhaseMath`), far more arithmetic than its reference does. The"
            + " scalar fallback (plain loops that HotSpot auto-vectorises, one loop per step"
            + " through scratch arrays): %s (worst %s on one thread, %s on the engine's threads)."
            + " A Solr node runs the fast pass only when its JVM is started with"
            + " `--add-modules=jdk.incubator.vector` (README, \"Install into an existing Solr"
            + " 9.10\"). The columns on several threads need the machine's other core: a process"
            + " running there (the machine is shared) slows them, reference and engine alike,"
            + " towards one thread's times. 1-minute load average at the end of each size: %s.\n\n",
        Format.ratio(TARGET),
        met(gate),
        Format.ratio(gate),
        kernel,
        met(phaseOne),
        Format.ratio(phaseOne),
        met(phaseThreads),
        Format.ratio(phaseThreads),
        met(Math.max(scalarOne, scalarThreads)),
        Format.ratio(scalarOne),
        Format.ratio(scalarThreads),
        loads(rows));
  }

  private static String loads(List<Row> rows) {
    StringBuilder s = new StringBuilder();
    for (Row r : rows) {
      s.append(s.length() == 0 ? "" : ", ").append("n=").append(r.qubits()).append(' ').append(r.loadAfter());
    }
    return s.toString();
  }

  private static String met(double worst) {
    return worst <= TARGET ? "met" : "NOT met";
  }

  private static String best(Row r, Pass pass) {
    return Format.duration(r.get(pass).min());
  }

  /** "best-ratio× (p50-ratio×)". */
  private static String ratios(Row r, Pass engine, Pass reference) {
    return f(
        "%s (%s)",
        Format.ratio(ratio(r, engine, reference)),
        Format.ratio((double) r.get(engine).p50() / r.get(reference).p50()));
  }

  private static double ratio(Row r, Pass engine, Pass reference) {
    return (double) r.get(engine).min() / r.get(reference).min();
  }

  private static String gbPerSecond(Row r, Pass triad) {
    return Format.decimal(r.triadBytes() / (double) r.get(triad).min(), 1) + " GB/s";
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
