package io.github.qrerank.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes BENCHMARKS.md from the outcomes of one run. Every number in it comes from those outcomes;
 * the prose only explains how they were measured.
 */
final class Report {
  private final StringBuilder md = new StringBuilder();

  /**
   * @param kept sections copied from an earlier report (empty: every number is from this run)
   */
  Report header(
      BenchOptions options,
      MachineFacts machine,
      Versions versions,
      String loadBefore,
      java.util.Set<Section> kept) {
    md.append("# qrerank benchmarks\n\n");
    if (options.quick()) {
      md.append("> **QUICK smoke run** (`--quick`): tiny sample sizes, not for citing.\n\n");
    }
    md.append("Written by `io.github.qrerank.bench.BenchMain` in a single run of:\n\n```\n")
        .append(options.command())
        .append("\n```\n\n");
    if (kept.isEmpty()) {
      md.append("Every number below was measured in that run, on this machine, side by side; ")
          .append(
              "the file is rewritten whole by each run. Comparisons are ratios of times measured ")
          .append("in the same JVM on the same inputs.\n\n");
    } else {
      md.append("That run measured sections ")
          .append(Section.names(options.sections()))
          .append(", side by side on this machine; the table below describes it. Sections ")
          .append(Section.names(kept))
          .append(" were not measured in it: they are kept from earlier runs (`")
          .append(BenchOptions.KEEP)
          .append("`), each marked with the run that measured it. Within a section, comparisons")
          .append(" are ratios of times measured in the same JVM on the same inputs.\n\n");
    }
    md.append("| | |\n|---|---|\n");
    row("date (UTC)", machine.date());
    row("cores (JVM `availableProcessors`)", Integer.toString(machine.cores()));
    row("CPU", machine.cpuModel());
    row("memory", machine.memory());
    row("OS", machine.os());
    row("JVM", machine.jvm() + ", max heap " + machine.heap());
    row("JVM options", machine.jvmOptions().isEmpty() ? "none" : "`" + machine.jvmOptions() + "`");
    row(
        "libraries",
        "OR-Tools "
            + versions.ortools()
            + " (CP-SAT), Solr "
            + versions.solr()
            + ", Lucene "
            + versions.lucene()
            + ", Strange "
            + versions.strange());
    row("sections measured in this run", Section.names(options.sections()));
    row("load average at start (1/5/15 min)", loadBefore);
    md.append('\n');
    return this;
  }

  Report loadAtEnd(String loadAfter) {
    md.append("Load average at the end of the run (1/5/15 min): ")
        .append(loadAfter)
        .append(". The machine may be shared; a load above the core count inflates the tails.\n");
    return this;
  }

  Report exact(String instancesText, List<ExactBench.Outcome> outcomes) {
    md.append(Section.EXACT.heading()).append("\n\n").append(instancesText).append("\n\n");
    md.append(
        "| N | k | instances | p50 | p99 | max | mean | best-of-passes p50 | p99 | max "
            + "| nodes p50 | nodes p99 | nodes max | proven optimal | complete answers |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ExactBench.Outcome o : outcomes) {
      Latencies t = o.latencies();
      Latencies nodes = o.nodeCounts();
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %d | **%s** | **%s** | %s | %s | %s | %s | %s | %d | %d | %d | %s | %s"
                  + " |\n",
              o.set().n(),
              o.set().k(),
              o.set().size(),
              Format.duration(t.p50()),
              Format.duration(t.p99()),
              Format.duration(t.max()),
              Format.duration(t.mean()),
              Format.duration(o.bestOfPasses().p50()),
              Format.duration(o.bestOfPasses().p99()),
              Format.duration(o.bestOfPasses().max()),
              nodes.p50(),
              nodes.p99(),
              nodes.max(),
              Format.share(o.proven(), o.set().size()),
              Format.share(o.complete(), o.set().size())));
    }
    md.append("\nThe first-pass times split by whether the instance has quotas:\n\n");
    md.append("| N | k | quotas | instances | p50 | p99 | max |\n|---|---|---|---|---|---|---|\n");
    for (ExactBench.Outcome o : outcomes) {
      for (boolean withQuotas : new boolean[] {false, true}) {
        Latencies t = o.latenciesWithQuotas(withQuotas);
        if (t != null) {
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %d | %d | %s | %d | %s | %s | %s |\n",
                  o.set().n(),
                  o.set().k(),
                  withQuotas ? "yes" : "no",
                  t.count(),
                  Format.duration(t.p50()),
                  Format.duration(t.p99()),
                  Format.duration(t.max())));
        }
      }
    }
    md.append('\n');
    return this;
  }

  Report text(String paragraph) {
    md.append(paragraph).append("\n\n");
    return this;
  }

  Report cpSat(
      String modelText, List<CpSatBench.Outcome> outcomes, List<ExactBench.Outcome> exact) {
    md.append(Section.CPSAT.heading()).append("\n\n")
        .append(modelText)
        .append("\n\n");
    md.append(
        "| N | k | CP-SAT workers | time limit | instances | proved optimal | solution, not proven"
            + " | no solution in time | same optimum as exact | mismatches | CP-SAT p50"
            + " (build+solve) | CP-SAT p99 | CP-SAT p50 solve only | mean pair variables | time"
            + " ratio CP-SAT/exact p50 (per instance) | ratio of summed times |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < outcomes.size(); i++) {
      CpSatBench.Outcome o = outcomes.get(i);
      InstanceSet set = exact.get(i).set();
      int compared = o.attempted() - o.skippedIncomplete();
      boolean ran = o.totalNanos().length > 0;
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %s | %s s | %d of %d%s | %s | %d | %d | %d | **%d** | %s | %s | %s | %s"
                  + " | %s | %s |\n",
              set.n(),
              set.k(),
              o.configuration(),
              Format.decimal(o.solver().timeLimitSeconds(), 0),
              o.attempted(),
              set.size(),
              o.skippedIncomplete() > 0
                  ? " (" + o.skippedIncomplete() + " incomplete, skipped)"
                  : "",
              Format.share(o.proven(), compared),
              o.feasibleOnly(),
              o.noSolution(),
              o.agree(),
              o.mismatches(),
              ran ? Format.duration(o.total().p50()) : "n/a",
              ran ? Format.duration(o.total().p99()) : "n/a",
              ran ? Format.duration(o.solveOnly().p50()) : "n/a",
              Format.decimal(o.meanPairVariables(), 0),
              ratioCell(o),
              o.agree() == 0
                  ? "n/a"
                  : Format.ratio((double) o.cpSatNanosSum() / o.exactNanosSum())));
    }
    md.append('\n');
    for (CpSatBench.Outcome o : outcomes) {
      for (String d : o.mismatchDetails()) {
        md.append("- mismatch (").append(o.configuration()).append("): ").append(d).append('\n');
      }
    }
    return this;
  }

  private static String ratioCell(CpSatBench.Outcome o) {
    String cell = o.agree() == 0 ? "n/a (nothing proved)" : Format.ratio(o.ratioPercentile(50));
    double lower = o.timedOutRatioPercentile(50);
    if (!Double.isNaN(lower)) {
      cell +=
          (o.agree() == 0 ? "; " : "; and ")
              + "≥ "
              + Format.ratio(lower)
              + " on the instances CP-SAT did not prove in time";
    }
    return cell;
  }

  Report solr(SolrBench.Outcome o) {
    md.append(Section.SOLR.heading()).append("\n\n").append(o.description()).append("\n\n");
    SolrBench.Measured m = o.measured();
    latencies(m, "**Ratio qrerank / rerank:", "p50 ratio");
    QrerankCheck.Result c = m.check();
    md.append(
        String.format(
            Locale.ROOT,
            "Check of the same %d qrerank requests, sent again afterwards with `debugQuery=true`"
                + " and `[qrerank]` (untimed): proven optimal %s; answered by a fallback %d;"
                + " complete (k=5, every constraint met) %s; selected documents out of stock or"
                + " above brand:2 in **%d** answers. The plugin's own stage timings in that pass"
                + " (debug section, features + compression + solve + rewrite): p50 %s, p99 %s; of"
                + " which solve p50 %s, p99 %s.\n\n",
            c.queries(),
            Format.share(c.proven(), c.queries()),
            c.fallbacks(),
            Format.share(c.complete(), c.queries()),
            c.violations(),
            Format.duration(c.stagesNanos().p50()),
            Format.duration(c.stagesNanos().p99()),
            Format.duration(c.solveNanos().p50()),
            Format.duration(c.solveNanos().p99())));
    return this;
  }

  Report cloud(CloudBench.Outcome o) {
    md.append(Section.CLOUD.heading()).append("\n\n").append(o.description()).append("\n\n");
    SolrBench.Measured m = o.measured();
    latencies(m, "**Ratio qrerank / rerank on 2 shards:", "ratio");
    QrerankCheck.Result c = m.check();
    md.append(
        String.format(
            Locale.ROOT,
            "Check of the same %d qrerank requests with `debugQuery=true` (untimed): proven optimal"
                + " %s; complete %s; selected documents out of stock or above brand:2 across the"
                + " shards in **%d** answers.\n\n",
            c.queries(),
            Format.share(c.proven(), c.queries()),
            Format.share(c.complete(), c.queries()),
            c.violations()));
    ShardBytes.Result b = o.bytes();
    md.append(
        String.format(
            Locale.ROOT,
            "Bytes of a shard's response to the top-ids request, on the wire (%d responses: the"
                + " first %d measured queries × 2 shards; see `ShardBytes`):\n\n",
            b.responses(),
            b.responses() / 2));
    md.append("| | p50 | p99 | max |\n|---|---|---|---|\n");
    bytesRow("`{!rerank}` shard response", b.rerank());
    bytesRow("`{!qrerank}` shard response", b.qrerank());
    bytesRow("**extra bytes per shard response**", b.extra());
    md.append('\n')
        .append(
            "The extra is the `qrerank.window` section: the shard's top reRankDocs=100 candidates"
                + " (ids, float32 first-pass scores) and their raw values — float64 margin,"
                + " conversion_rate and stock, dictionary-coded brand, the 32-dimensional"
                + " embedding as little-endian float32 (128 bytes a document) — bounded by"
                + " reRankDocs × (fields + vector) whatever rows asks for.\n\n");
    return this;
  }

  private void bytesRow(String name, Latencies l) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s |\n",
            name,
            Format.bytes(l.p50()),
            Format.bytes(l.p99()),
            Format.bytes(l.max())));
  }

  /** A section's heading and a line saying why it was not measured in this run. */
  Report pending(Section section, String why) {
    md.append(section.heading()).append("\n\nNot measured in this run: ").append(why).append("\n\n");
    return this;
  }

  /** A section copied from an earlier report, its body starting with where it comes from. */
  Report kept(Section section, String body) {
    md.append(section.heading()).append("\n\n").append(body).append("\n\n");
    return this;
  }

  /** Markdown written elsewhere (a whole section from {@link QuantumReport}). */
  Report markdown(String markdown) {
    md.append(markdown);
    return this;
  }

  /**
   * The latency table of both rank queries, the ratio line ({@code ratioLead}, then the p50 and p99
   * ratios and whether the {@code target} ≤ 1.5 is met) and the first warm-up round.
   */
  private void latencies(SolrBench.Measured m, String ratioLead, String target) {
    md.append("| rank query | queries | p50 | p99 | max | mean |\n|---|---|---|---|---|---|\n");
    solrRow("`{!rerank}`", m.rerank());
    solrRow("`{!qrerank solver=exact}`", m.qrerank());
    double p50 = (double) m.qrerank().p50() / m.rerank().p50();
    double p99 = (double) m.qrerank().p99() / m.rerank().p99();
    md.append('\n')
        .append(
            String.format(
                Locale.ROOT,
                "%s p50 %s×, p99 %s×** (target: %s ≤ 1.5 — %s); difference of the p50s: %s.\n\n",
                ratioLead,
                Format.decimal(p50, 4),
                Format.decimal(p99, 4),
                target,
                p50 <= 1.5 ? "met" : "NOT met",
                Format.duration(m.qrerank().p50() - m.rerank().p50())));
    md.append(m.firstRound()).append("\n\n");
  }

  private void solrRow(String name, Latencies l) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %s | %s | %s | %s |\n",
            name,
            l.count(),
            Format.duration(l.p50()),
            Format.duration(l.p99()),
            Format.duration(l.max()),
            Format.duration(l.mean())));
  }

  private void row(String key, String value) {
    md.append("| ").append(key).append(" | ").append(value.replace("|", "/")).append(" |\n");
  }

  String markdown() {
    return md.toString();
  }

  void write(Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
  }
}
