package io.github.qrerank.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The project's benchmark command (run by {@code ./bench.sh}): measures, in one JVM and one run,
 * the exact solver, the same instances on OR-Tools CP-SAT, {@code {!qrerank}} against {@code
 * {!rerank}} in a real Solr, the quantum path (the simulator against Strange and against the
 * memory bandwidth, QAOA's quality, the penalty weights, QAOA's latency), and {@code {!qrerank}}
 * against {@code {!rerank}} on a 2-shard SolrCloud, {@code solver=remote} against {@code
 * solver=exact} under a flapping provider, then writes BENCHMARKS.md. Each {@link Section} can be selected alone ({@link BenchOptions#parse}). Progress
 * goes to stderr.
 */
public final class BenchMain {
  private static final long SMALL_SEED = 1_000_000L;
  private static final long LARGE_SEED = 2_000_000L;
  private static final long WARM_UP_SEED = 9_000_000L;
  /** Seeds of the QAOA sections' windows, apart from the other sections' and the tests'. */
  private static final long QAOA_SEED = 3_000_000L;
  private static final long QAOA_WARM_UP_SEED = 9_500_000L;
  private static final long EXACT_TIMEOUT_SMALL_MS = 1_000;
  private static final long EXACT_TIMEOUT_LARGE_MS = 10_000;
  private static final double CP_SAT_SCALE = 1e6;
  private static final int EXACT_PASSES = 3;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(options);
  }

  static void run(BenchOptions o) throws Exception {
    long started = System.nanoTime();
    Versions versions = Versions.load();
    Optional<PreviousReport> previous =
        o.keep() ? PreviousReport.read(o.out()) : Optional.empty();
    EnumSet<Section> kept = EnumSet.noneOf(Section.class);
    for (Section s : Section.values()) {
      if (!o.runs(s) && previous.flatMap(p -> p.kept(s)).isPresent()) {
        kept.add(s);
      }
    }
    Report report =
        new Report().header(o, MachineFacts.current(), versions, loadAverage(), kept);
    Skipped notSelected =
        new Skipped(
            report,
            previous,
            "not selected (this run measured " + Section.names(o.sections()) + "; see "
                + BenchOptions.ONLY + " and " + BenchOptions.SKIP + ").");

    ExactBench.Outcome exactSmall = null;
    ExactBench.Outcome exactLarge = null;
    if (o.runs(Section.EXACT)) {
      InstanceSet small = Instances.generate("N=100,k=5", 100, 5, SMALL_SEED, o.exactSmall());
      InstanceSet large = Instances.generate("N=1000,k=10", 1000, 10, LARGE_SEED, o.exactLarge());
      List<ExactBench.Outcome> exact = exact(o, report, small, large);
      exactSmall = exact.get(0);
      exactLarge = exact.get(1);
    } else {
      notSelected.report(Section.EXACT);
    }
    if (o.runs(Section.CPSAT)) {
      cpSat(o, report, exactSmall, exactLarge);
    } else {
      notSelected.report(Section.CPSAT);
    }
    if (o.solr()) {
      progress("Solr: end-to-end");
      report.solr(SolrBench.run(o));
    } else {
      notSelected.report(Section.SOLR);
    }
    quantum(o, report, versions, notSelected);
    if (o.runs(Section.CLOUD)) {
      progress("SolrCloud: end-to-end on 2 shards");
      String load = loadAverage();
      report.cloud(CloudBench.run(o));
      sectionLoad(report, load);
    } else {
      notSelected.report(Section.CLOUD);
    }
    if (o.runs(Section.REMOTE)) {
      progress("remote: solver=remote under a flapping provider");
      String load = loadAverage();
      report.markdown(RemoteReport.markdown(RemoteBench.run(o)));
      sectionLoad(report, load);
    } else {
      notSelected.report(Section.REMOTE);
    }

    report.loadAtEnd(loadAverage());
    report.text(
        String.format(Locale.ROOT, "Whole run: %s.", Format.duration(System.nanoTime() - started)));
    report.write(o.out());
    progress("wrote " + o.out().toAbsolutePath());
  }

  /** Section 1; returns the outcomes at N=100 and N=1000, which section 2 compares against. */
  private static List<ExactBench.Outcome> exact(
      BenchOptions o, Report report, InstanceSet small, InstanceSet large) {
    progress("exact solver: JIT warm-up");
    ExactBench.warmUp(
        Instances.generate("warm-up", 100, 5, WARM_UP_SEED, o.warmUpSmall()).problems(),
        3,
        EXACT_TIMEOUT_SMALL_MS);
    ExactBench.warmUp(
        Instances.generate("warm-up", 1000, 10, WARM_UP_SEED, o.warmUpLarge()).problems(),
        1,
        EXACT_TIMEOUT_LARGE_MS);
    progress("exact solver: " + small.name());
    ExactBench.Outcome exactSmall = ExactBench.run(small, EXACT_TIMEOUT_SMALL_MS, EXACT_PASSES);
    progress("exact solver: " + large.name());
    ExactBench.Outcome exactLarge = ExactBench.run(large, EXACT_TIMEOUT_LARGE_MS, EXACT_PASSES);
    report.exact(exactText(), List.of(exactSmall, exactLarge));
    long p99 = exactSmall.latencies().p99();
    long bestP99 = exactSmall.bestOfPasses().p99();
    report.text(
        String.format(
            Locale.ROOT,
            "Target for N=100, k=5: p99 under 2 ms — %s (first pass p99 = %s; best of %d p99 ="
                + " %s).",
            p99 < 2_000_000 ? "met" : "NOT met",
            Format.duration(p99),
            EXACT_PASSES,
            Format.duration(bestP99)));
    return List.of(exactSmall, exactLarge);
  }

  private static void cpSat(
      BenchOptions o, Report report, ExactBench.Outcome exactSmall, ExactBench.Outcome exactLarge) {
    List<CpSatBench.Outcome> cp = new ArrayList<>();
    List<ExactBench.Outcome> cpExact = new ArrayList<>();
    CpSatSolver single = new CpSatSolver(CP_SAT_SCALE, 1, o.cpSatTimeLimitSeconds());
    CpSatSolver parallel = new CpSatSolver(CP_SAT_SCALE, 0, o.cpSatTimeLimitSeconds());
    String singleLabel = CpSatBench.label(single);
    String parallelLabel = CpSatBench.label(parallel);
    progress("CP-SAT: warm-up");
    CpSatBench.warmUp(single, Instances.generate("warm-up", 100, 5, WARM_UP_SEED, 3).problems());
    CpSatBench.warmUp(parallel, Instances.generate("warm-up", 100, 5, WARM_UP_SEED, 3).problems());
    progress("CP-SAT: " + exactSmall.set().name() + ", 1 worker");
    cp.add(CpSatBench.run(singleLabel, single, exactSmall, o.cpSatSmallSingle()));
    cpExact.add(exactSmall);
    progress("CP-SAT: " + exactSmall.set().name() + ", default workers");
    cp.add(CpSatBench.run(parallelLabel, parallel, exactSmall, o.cpSatSmallDefault()));
    cpExact.add(exactSmall);
    progress("CP-SAT: " + exactLarge.set().name() + ", 1 worker");
    cp.add(CpSatBench.run(singleLabel, single, exactLarge, o.cpSatLargeSingle()));
    cpExact.add(exactLarge);
    progress("CP-SAT: " + exactLarge.set().name() + ", default workers");
    cp.add(CpSatBench.run(parallelLabel, parallel, exactLarge, o.cpSatLargeDefault()));
    cpExact.add(exactLarge);
    report.cpSat(cpSatText(single), cp, cpExact);
  }

  /** Sections 4 to 8, each followed by the load average when it started. */
  private static void quantum(
      BenchOptions o, Report report, Versions versions, Skipped notSelected) {
    QuantumSizes q = o.quantum();
    if (o.runs(Section.STRANGE)) {
      String load = loadAverage();
      report.markdown(QuantumReport.strange(StrangeBench.run(q), q, versions.strange()));
      sectionLoad(report, load);
    } else {
      notSelected.report(Section.STRANGE);
    }
    if (o.runs(Section.BANDWIDTH)) {
      String load = loadAverage();
      report.markdown(BandwidthReport.markdown(BandwidthBench.run(q), q));
      sectionLoad(report, load);
    } else {
      notSelected.report(Section.BANDWIDTH);
    }
    boolean needsSet =
        o.runs(Section.QAOA) || o.runs(Section.PENALTY) || o.runs(Section.QAOA_LATENCY);
    InstanceSet set =
        needsSet ? Instances.generate("QAOA", 100, 5, QAOA_SEED, q.qaoaInstances()) : null;
    if (o.runs(Section.QAOA)) {
      String load = loadAverage();
      report.markdown(QuantumReport.quality(QaoaQualityBench.run(set)));
      sectionLoad(report, load);
    } else {
      notSelected.report(Section.QAOA);
    }
    if (o.runs(Section.PENALTY)) {
      report.markdown(QuantumReport.penalty(PenaltyBench.run(set, q.penaltyQubits()), set));
    } else {
      notSelected.report(Section.PENALTY);
    }
    if (o.runs(Section.QAOA_LATENCY)) {
      String load = loadAverage();
      InstanceSet warmUp =
          Instances.generate("warm-up", 100, 5, QAOA_WARM_UP_SEED, q.latencyWarmUp());
      QaoaLatencyBench.Latency latency =
          QaoaLatencyBench.latency(set, warmUp, q.latencyPasses());
      List<QaoaLatencyBench.Subspace> subspaces =
          QaoaLatencyBench.subspaces(
              set.problems().get(0), q.largestQubits(), q.largestWeight(), q.layerRuns());
      report.markdown(QuantumReport.latency(latency, subspaces, q));
      sectionLoad(report, load);
    } else {
      notSelected.report(Section.QAOA_LATENCY);
    }
  }

  /** Reports a section this run does not measure: kept from the earlier report, or pending. */
  private record Skipped(Report report, Optional<PreviousReport> previous, String why) {
    void report(Section s) {
      Optional<String> body = previous.flatMap(p -> p.kept(s));
      if (body.isPresent()) {
        report.kept(s, body.get());
      } else {
        report.pending(s, why);
      }
    }
  }

  private static void sectionLoad(Report report, String load) {
    report.text("Load average (1/5/15 min) when this section started: " + load + ".");
  }

  private static String exactText() {
    return "Seeded instances from the simulator's `RandomProblems` (the generator the solver tests "
        + "use): "
        + Instances.describe()
        + " Every instance is solved through `Solvers.run(problem, EXACT, timeout)` — the call the"
        + " Solr plugin makes — with a budget of "
        + EXACT_TIMEOUT_SMALL_MS
        + " ms at N=100 and "
        + EXACT_TIMEOUT_LARGE_MS
        + " ms at N=1000 (an instance that runs out answers with its incumbent and counts as not"
        + " proven). The clock covers that call only. Before measuring, the JIT is warmed up on"
        + " instances with other seeds. The whole set is then solved in "
        + EXACT_PASSES
        + " passes: p50/p99/max/mean are the first pass (one solve per instance, as a request"
        + " would see it, pauses of the machine included); \"best of "
        + EXACT_PASSES
        + "\" takes per instance the fastest of the passes, which keeps the instance's own cost and"
        + " drops most of the scheduling and GC pauses of a shared machine. Percentiles are"
        + " nearest-rank: with 50 instances p99 is the maximum.";
  }

  private static String cpSatText(CpSatSolver s) {
    return "CP-SAT gets the model a user would write (class `CpSatSolver`): a binary x_i per"
        + " eligible document (ineligible ones get no variable), `sum x = k`, one `sum x <="
        + " max` row per capped group, one `sum x >= min` row per quota, and a binary y_ij"
        + " for every pair of eligible documents whose penalty lambda·sim_ij is positive,"
        + " linearised as `y_ij >= x_i + x_j - 1`; objective `max sum c_i x_i - sum d_ij"
        + " y_ij`. CP-SAT needs integers: c_i and d_ij are v_i and lambda·sim_ij multiplied"
        + " by "
        + String.format(Locale.ROOT, "%.0e", s.scale())
        + " and rounded, so for k=5 any set's F differs from the scaled objective by at most "
        + String.format(Locale.ROOT, "%.1e", s.roundingTolerance(5))
        + " (k=10: "
        + String.format(Locale.ROOT, "%.1e", s.roundingTolerance(10))
        + "). \"Same optimum\" means both solvers proved optimality and the true F of CP-SAT's set"
        + " is within twice that of the exact F; a mismatch is a proven CP-SAT optimum outside it,"
        + " or any CP-SAT set (proven or not) that beats the exact one by more than it, or that"
        + " breaks a constraint. CP-SAT times include building the model (Java API) and solving;"
        + " \"solve only\" is the `solve()` call. The time ratios use only instances both solvers"
        + " proved, each instance against its own exact time from section 1. CP-SAT runs on the"
        + " first instances of each set (the count is in the table) to keep the whole run within"
        + " minutes; \"default\" leaves `num_workers` at CP-SAT's default (in brackets: the count"
        + " CP-SAT's log reported). Instances whose exact answer is incomplete (quota or size not"
        + " satisfiable) are skipped: the CP-SAT model has no partial answer. Where CP-SAT proved"
        + " nothing within its limit, the last column gives a lower bound instead: its time so far"
        + " over the exact time.";
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  static void progress(String message) {
    System.err.println("[bench] " + message);
  }
}
