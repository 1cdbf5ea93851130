package io.github.qrerank.it.demo;

import io.github.qrerank.it.demo.ExampleRunner.Comparison;
import io.github.qrerank.it.demo.ExampleRunner.Row;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints an example: the plain top-5 next to the qrerank top-5, then what the {@code qrerank} debug
 * section says about the solve (solver, objective, constraint report, timings) and, with {@code
 * solver=remote}, its {@code remote} part (where the samples came from, or why there were none)
 * and the QAOA answer's F(S) against the exact optimum.
 */
final class ComparisonPrinter {

  static final String SEPARATOR = " | ";
  private static final String INDENT = "    ";
  private static final String ROW = "%-9s %-8s %-11s %5s %8s %7s %-9s";

  private final PrintStream out;

  ComparisonPrinter(PrintStream out) {
    this.out = out;
  }

  void print(int number, Comparison c) {
    ExampleQuery example = c.example();
    out.printf(
        Locale.ROOT,
        "%n[%d] q=\"%s\" (%,d hits): %s%n",
        number,
        example.q(),
        c.hits(),
        example.story());
    out.println(INDENT + "rq=" + example.rq());
    out.println(INDENT + "uv=" + abbreviate(example.userVectorParam()));
    out.println();
    String header =
        String.format(
            Locale.ROOT, ROW, "id", "brand", "category", "stock", "price", "score", "tags");
    out.println(
        INDENT
            + "  "
            + pad("plain top-" + ExampleRunner.TOP, header.length())
            + SEPARATOR
            + "qrerank top-"
            + ExampleRunner.TOP);
    out.println((INDENT + "# " + header + SEPARATOR + header).stripTrailing());
    int n = Math.max(c.plain().size(), c.reranked().size());
    for (int i = 0; i < n; i++) {
      out.println(
          (INDENT + (i + 1) + " " + cells(c.plain(), i) + SEPARATOR + cells(c.reranked(), i))
              .stripTrailing());
    }
    out.println();
    printDebug(c.debug());
  }

  private void printDebug(Object debug) {
    if (debug == null) {
      out.println(INDENT + "(no qrerank debug section in the response)");
      return;
    }
    String fallback = Tree.string(debug, "fallbackReason");
    out.printf(
        Locale.ROOT,
        INDENT + "solver     asked %s, answered by %s%s, objective F(S) = %.4f%s%n",
        Tree.string(debug, "solverRequested"),
        Tree.string(debug, "solver"),
        Boolean.TRUE.equals(Tree.get(debug, "provenOptimal")) ? " (proven optimal)" : "",
        Tree.number(debug, "objective"),
        fallback == null ? "" : "; fallback: " + fallback);
    out.printf(
        Locale.ROOT,
        INDENT + "window     %.0f documents, %.0f eligible; %s%n",
        Tree.number(debug, "windowSize"),
        Tree.number(debug, "eligibleCount"),
        scoreSpread(debug));
    for (Object cap : Tree.list(debug, "constraints", "caps")) {
      out.printf(
          Locale.ROOT,
          INDENT + "cap        %s <= %.0f per value: most used %.0f %s%n",
          Tree.string(cap, "field"),
          Tree.number(cap, "max"),
          Tree.number(cap, "used"),
          groups(cap));
    }
    for (Object quota : Tree.list(debug, "constraints", "quotas")) {
      out.printf(
          Locale.ROOT,
          INDENT + "quota      %s=%s >= %.0f: achieved %.0f (%s)%n",
          Tree.string(quota, "field"),
          Tree.string(quota, "value"),
          Tree.number(quota, "min"),
          Tree.number(quota, "achieved"),
          Boolean.TRUE.equals(Tree.get(quota, "met")) ? "met" : "NOT met");
    }
    StringBuilder timings = new StringBuilder();
    for (Map.Entry<String, Object> t : Tree.entries(debug, "timingsMs")) {
      if (timings.length() > 0) {
        timings.append(", ");
      }
      timings.append(
          String.format(Locale.ROOT, "%s %.2f ms", t.getKey(), Tree.number(t.getValue())));
    }
    out.println(INDENT + "timings    " + timings);
    printRemote(debug);
    for (Object shard : Tree.list(debug, "shards")) {
      out.printf(
          Locale.ROOT,
          INDENT + "shard      %s: %.0f hits, %.0f of the window, %.1f KB of window values%n",
          shortShard(Tree.string(shard, "shard")),
          Tree.number(shard, "numFound"),
          Tree.number(shard, "inGlobalWindow"),
          Tree.number(shard, "payloadBytes") / 1024);
    }
  }

  /**
   * The {@code remote} part, when there is one: "source provider, reason none, job ..., 12 qubits
   * x 1024 shots, waited 35.2 ms, retries 0, breaker CLOSED" (source "none" on a fallback, with
   * the reason's detail), then, when the provider's samples were repaired, their best F(S)
   * against the exact optimum.
   */
  private void printRemote(Object debug) {
    Object remote = Tree.get(debug, "remote");
    if (remote == null) {
      return;
    }
    String source = Tree.string(remote, "source");
    String reason = Tree.string(remote, "reason");
    String detail = Tree.string(remote, "detail");
    String jobId = Tree.string(remote, "jobId");
    out.printf(
        Locale.ROOT,
        INDENT + "remote     source %s, reason %s%s, job %s%s, %.0f qubits x %.0f shots,"
            + " waited %.1f ms, retries %.0f, breaker %s%n",
        source == null ? "none" : source,
        reason == null ? "none" : reason,
        detail == null ? "" : " (" + detail + ")",
        jobId == null ? "-" : jobId,
        Boolean.TRUE.equals(Tree.get(remote, "sharedJob")) ? " (shared)" : "",
        Tree.number(remote, "qubits"),
        Tree.number(remote, "shots"),
        Tree.number(remote, "waitMs"),
        Tree.number(remote, "retries"),
        Tree.string(remote, "breakerState"));
    Object quantum = Tree.get(debug, "quantum");
    if (quantum != null) {
      out.printf(
          Locale.ROOT,
          INDENT + "quantum    best repaired sample F(S) = %s vs exact F = %s (ratio %s)%n",
          decimals(Tree.number(quantum, "objective")),
          decimals(Tree.number(quantum, "exactOptimum")),
          decimals(Tree.number(quantum, "approximationRatio")));
    }
  }

  /** Four decimals, or "-" for a missing (null) value. */
  private static String decimals(double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4f", x);
  }

  /** The core name of a shard address (the last path segment of its first replica's URL). */
  static String shortShard(String shard) {
    if (shard == null) {
      return "?";
    }
    String first = shard.split("\\|")[0];
    String[] parts = first.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty()) {
        return parts[i];
      }
    }
    return first;
  }

  /**
   * "first-pass scores 5.980 to 6.116, 88 distinct": the range and the number of distinct values of
   * the window's first-pass scores, from which the model's normalised score ŝ is made.
   */
  static String scoreSpread(Object debug) {
    Set<Double> distinct = new HashSet<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Object doc : Tree.list(debug, "docs")) {
      double score = Tree.number(doc, "firstPassScore");
      if (!Double.isNaN(score)) {
        distinct.add(score);
        min = Math.min(min, score);
        max = Math.max(max, score);
      }
    }
    if (distinct.isEmpty()) {
      return "no first-pass scores";
    }
    return String.format(
        Locale.ROOT, "first-pass scores %.3f to %.3f, %d distinct", min, max, distinct.size());
  }

  private static String groups(Object cap) {
    StringBuilder sb = new StringBuilder("(");
    for (Map.Entry<String, Object> g : Tree.entries(cap, "perGroup")) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(g.getKey()).append(' ').append(g.getValue());
    }
    return sb.append(')').toString();
  }

  private static String cells(List<Row> rows, int i) {
    if (i >= rows.size()) {
      return String.format(Locale.ROOT, ROW, "", "", "", "", "", "", "");
    }
    Row r = rows.get(i);
    return String.format(
        Locale.ROOT,
        ROW,
        r.id(),
        r.brand(),
        r.category(),
        r.stock(),
        String.format(Locale.ROOT, "%.2f", r.price()),
        String.format(Locale.ROOT, "%.3f", r.score()),
        tags(r));
  }

  /** "new", "spons" (sponsored), both joined by "+", or "-". */
  static String tags(Row r) {
    if (r.isNew() && r.sponsored()) {
      return "new+spons";
    }
    return r.isNew() ? "new" : r.sponsored() ? "spons" : "-";
  }

  private static String pad(String text, int width) {
    return String.format(Locale.ROOT, "%-" + width + "s", text);
  }

  private static String abbreviate(String vector) {
    return vector.length() <= 60 ? vector : vector.substring(0, 56) + " ...]";
  }
}
