package io.github.qrerank.solr.search;

import io.github.qrerank.features.BuiltProblem;
import io.github.qrerank.features.ProblemBuilder;
import io.github.qrerank.features.WindowData;
import io.github.qrerank.solr.feature.WindowExtractor;
import io.github.qrerank.solr.remote.RemoteAnswer;
import io.github.qrerank.solr.remote.RemoteTrace;
import io.github.qrerank.solver.SolveReport;
import io.github.qrerank.solver.SolverKind;
import io.github.qrerank.solver.Solvers;
import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.ScoreDoc;

/**
 * The three stages of re-ranking a window, kept apart: (1) read the raw values ({@link
 * WindowExtractor}, the only stage touching the index), (2) build the problem and solve it ({@link
 * #solveWindow}: pure, no Lucene types), (3) rewrite the ranked list ({@link #rewrite}). On one core
 * all three run in the collector; in SolrCloud stage 1 runs on every shard and stages 2 and 3 run
 * once, at the coordinator, over the merged global window.
 */
public final class QRerankPipeline {
  /**
   * Test seam, package-private and never set in production: while true, the in-process solvers
   * ({@link Solvers}) get a budget that has already run out (a timeout of 0 ms, which {@link
   * Solvers} accepts and the {@code timeoutMs} parameter does not), whatever the request asked
   * for. The exact solver then stops at the root of its search and answers with its greedy
   * incumbent, not proven, with fallback reason {@value Solvers#TIMEOUT}: tests reach that fallback
   * through a real request without depending on the machine's speed. {@code solver=remote} is not
   * affected.
   */
  static volatile boolean budgetSpentForTests;

  private QRerankPipeline() {}

  /**
   * Stage 2 alone: builds the problem of {@code window} and solves it with the request's solver,
   * budget, quantum settings and comparison; {@code solver=remote} goes to the runtime's remote
   * solver, the others to {@link Solvers}. Each solve is counted in the runtime's metrics. An empty
   * window gives an empty solution (no problem, no report).
   */
  public static Solution solveWindow(
      QRerankParams params, WindowData window, QRerankRuntime runtime) {
    if (window.size() == 0) {
      return new Solution(null, null, null);
    }
    BuiltProblem built = ProblemBuilder.build(window, params.toModelSpec());
    SolveReport report;
    RemoteTrace trace = null;
    if (params.solver() == SolverKind.REMOTE) {
      if (runtime.remote() == null) {
        throw new IllegalStateException("solver=remote without a provider passed validation");
      }
      RemoteAnswer answer =
          runtime.remote().solve(built.problem(), params.quantumSettings(), params.timeoutMs());
      report = answer.report();
      trace = answer.trace();
    } else {
      report =
          Solvers.run(
              built.problem(),
              params.solver(),
              budgetSpentForTests ? 0 : params.timeoutMs(),
              params.quantumSettings(),
              params.compare());
    }
    runtime.metrics().solved(params.solver(), report.fallbackReason());
    return new Solution(built, report, trace);
  }

  /**
   * What stage 2 produced: the built problem and the solver's report, both null when empty, and
   * what {@code solver=remote} did (null for the other solvers).
   */
  public record Solution(BuiltProblem built, SolveReport report, RemoteTrace remote) {
    /** Selected window indices, position 0 first. */
    public int[] selected() {
      return report == null ? new int[0] : report.selection().indices();
    }
  }

  /**
   * Stages 1 and 2 of {@code query} (its parameters, extraction plan and parser's runtime) for the
   * window {@code docs} (first-pass order) with their scores.
   */
  static Solved solve(IndexReader reader, QRerankQuery query, int[] docs, float[] scores)
      throws IOException {
    long start = System.nanoTime();
    QRerankParams params = query.params();
    double[] firstPass = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      firstPass[i] = scores[i];
    }
    WindowData window = WindowExtractor.extract(reader, query.plan(), docs, firstPass);
    long extractNanos = System.nanoTime() - start;
    Solution solution = solveWindow(params, window, query.runtime());
    return new Solved(
        params,
        docs,
        scores,
        window,
        solution.built(),
        solution.report(),
        solution.remote(),
        extractNanos);
  }

  /**
   * Stage 3: the re-ranked list. {@code firstPass} is the whole first-pass list (its first {@code
   * windowSize} entries are the window); {@code selected} holds window indices, position 0 first.
   * Selected documents come first with score {@code max_W(score) + (k - position)}, then the rest
   * of the window in first-pass order with first-pass scores, then the documents after the window
   * unchanged. The input array is not modified.
   */
  public static ScoreDoc[] rewrite(
      ScoreDoc[] firstPass, int windowSize, int[] selected, int k) {
    ScoreDoc[] out = new ScoreDoc[firstPass.length];
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < windowSize; i++) {
      max = Math.max(max, firstPass[i].score);
    }
    boolean[] taken = new boolean[windowSize];
    int o = 0;
    for (int p = 0; p < selected.length; p++) {
      ScoreDoc d = firstPass[selected[p]];
      taken[selected[p]] = true;
      out[o++] = new ScoreDoc(d.doc, rerankedScore(max, k, p), d.shardIndex);
    }
    for (int i = 0; i < firstPass.length; i++) {
      if (i >= windowSize || !taken[i]) {
        ScoreDoc d = firstPass[i];
        out[o++] = new ScoreDoc(d.doc, d.score, d.shardIndex);
      }
    }
    return out;
  }

  /** The score of the selected document at {@code position}: {@code max + (k - position)}. */
  public static float rerankedScore(float maxWindowScore, int k, int position) {
    return (float) ((double) maxWindowScore + (k - position));
  }

  /** The result of stages 1 and 2. */
  static final class Solved {
    final QRerankParams params;
    final int[] docs;
    final float[] scores;
    final WindowData window;
    final BuiltProblem built;
    final SolveReport report;
    final RemoteTrace remote;
    final long extractNanos;

    Solved(
        QRerankParams params,
        int[] docs,
        float[] scores,
        WindowData window,
        BuiltProblem built,
        SolveReport report,
        RemoteTrace remote,
        long extractNanos) {
      this.params = params;
      this.docs = docs;
      this.scores = scores;
      this.window = window;
      this.built = built;
      this.report = report;
      this.remote = remote;
      this.extractNanos = extractNanos;
    }

    int[] selected() {
      return report == null ? new int[0] : report.selection().indices();
    }

    QRerankOutcome toOutcome(long rewriteNanos, boolean recomputed) {
      return new QRerankOutcome(
          params,
          docs,
          scores,
          window,
          built,
          report,
          remote,
          extractNanos,
          rewriteNanos,
          recomputed);
    }
  }
}
