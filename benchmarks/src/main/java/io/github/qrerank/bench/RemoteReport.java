package io.github.qrerank.bench;

import java.util.Locale;
import java.util.Map;

/** The markdown of section 10 from {@link RemoteBench.Outcome}; every number comes from it. */
final class RemoteReport {
  /** The target for the remote solver's time past {@code timeoutMs}, at p99. */
  static final long OVERSHOOT_TARGET_NANOS = 20_000_000L;

  private RemoteReport() {}

  static String markdown(RemoteBench.Outcome o) {
    StringBuilder md = new StringBuilder(Section.REMOTE.heading()).append("\n\n");
    md.append(o.description()).append("\n\n");
    md.append("| solver | answers | errors | constraint violations | p50 | p99 | max | mean |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    row(md, "`solver=exact`", o.exact(), o.exactErrors(), o.exactViolations());
    row(md, "`solver=remote`", o.remote(), o.remoteErrors(), o.remoteViolations());
    md.append("\n");
    md.append(
        f(
            "Ratio remote / exact: p50 %s, p99 %s. Errors: **%d** (target 0). Constraint"
                + " violations (a selected document out of stock, or more than %d of a brand):"
                + " **%d** (target 0).",
            Format.ratio((double) o.remote().p50() / o.exact().p50()),
            Format.ratio((double) o.remote().p99() / o.exact().p99()),
            o.exactErrors() + o.remoteErrors(),
            QrerankCheck.CAP,
            o.exactViolations() + o.remoteViolations()));
    if (o.firstError() != null) {
      md.append(" First error: `").append(o.firstError().replace("`", "'")).append("`.");
    }
    md.append("\n\n");
    md.append("Time past `timeoutMs` (").append(RemoteBench.TIMEOUT_MS).append(" ms) of the")
        .append(" remote requests (0 when within):\n\n")
        .append("| clock | p50 | p99 | max |\n|---|---|---|---|\n");
    overshootRow(md, "the remote solver (`timingsMs.solve`)", o.solverOvershoot());
    overshootRow(md, "the client (whole request: first pass, HTTP, debug section)", o.clientOvershoot());
    long p99 = o.solverOvershoot().p99();
    md.append("\n")
        .append(
            f(
                "Target: the remote solver's overshoot under 20 ms at p99 — %s (p99 %s, worst %s).",
                p99 < OVERSHOOT_TARGET_NANOS ? "met" : "NOT met",
                Format.duration(p99),
                Format.duration(o.solverOvershoot().max())))
        .append("\n\n");
    md.append("Where the remote answers came from:\n\n| answer | requests |\n|---|---|\n");
    int total = o.answers().values().stream().mapToInt(Integer::intValue).sum();
    for (Map.Entry<String, Integer> e : o.answers().entrySet()) {
      md.append("| ").append(e.getKey()).append(" | ")
          .append(Format.share(e.getValue(), total)).append(" |\n");
    }
    md.append("\nThe provider's state while measuring:\n\n| state | time |\n|---|---|\n");
    for (Map.Entry<String, Long> e : o.msByPlan().entrySet()) {
      md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" ms |\n");
    }
    md.append("\n")
        .append(
            f(
                "From Solr's metrics (`QUERYPARSER.qrerank.remote.%s.*`, warm-up included): %,d"
                    + " jobs submitted, %,d shots sent (the unit providers bill), %,d answers"
                    + " from the late-answer cache. The exact solver answers a fallback at once"
                    + " (it is computed before the provider is asked), so a broken provider costs"
                    + " a request at most `timeoutMs`; an open circuit or a full bulkhead costs"
                    + " nothing. A fast provider answers in less than `timeoutMs` and the remote"
                    + " request is then quicker than its deadline.",
                RemoteBench.PROVIDER,
                o.jobsSubmitted(),
                o.shots(),
                o.lateAnswerHits()))
        .append("\n\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String name, Latencies l, int errors, int violations) {
    md.append(
        f(
            "| %s | %d | %d | %d | %s | %s | %s | %s |\n",
            name,
            l.count(),
            errors,
            violations,
            Format.duration(l.p50()),
            Format.duration(l.p99()),
            Format.duration(l.max()),
            Format.duration(l.mean())));
  }

  private static void overshootRow(StringBuilder md, String clock, Latencies l) {
    md.append(
        f(
            "| %s | %s | %s | %s |\n",
            clock,
            Format.duration(l.p50()),
            Format.duration(l.p99()),
            Format.duration(l.max())));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
