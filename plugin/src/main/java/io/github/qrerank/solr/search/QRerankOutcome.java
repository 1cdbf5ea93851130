package io.github.qrerank.solr.search;

import io.github.qrerank.features.BuiltProblem;
import io.github.qrerank.features.WindowData;
import io.github.qrerank.model.Selection;
import io.github.qrerank.solr.remote.RemoteTrace;
import io.github.qrerank.solver.SolveReport;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What re-ranking one request produced on this index: the window (docids, ids, first-pass scores,
 * raw values), the problem built from it, the solver's report and the time of each stage. Read by
 * the {@code [qrerank]} transformer and the debug component. Immutable.
 *
 * <p>An empty window (no hits) has no problem and no report: {@link #built()} and {@link #report()}
 * return null.
 *
 * <p>The outcome of a distributed request is made at the coordinator over the global window
 * ({@link #distributed}): it has no docids (the documents live on the shards) but says which shard
 * each window document came from.
 */
public final class QRerankOutcome {
  private final QRerankParams params;
  private final int[] windowDocs;
  private final float[] windowScores;
  private final String[] windowShards;
  private final WindowData window;
  private final BuiltProblem built;
  private final SolveReport report;
  private final RemoteTrace remote;
  private final int[] selected;
  private final int[] positionOfWindowIndex;
  private Map<Integer, Integer> windowIndexOfDoc;
  private final long featureNanos;
  private final long compressionNanos;
  private final long solveNanos;
  private final long rewriteNanos;
  private final boolean recomputed;

  QRerankOutcome(
      QRerankParams params,
      int[] windowDocs,
      float[] windowScores,
      WindowData window,
      BuiltProblem built,
      SolveReport report,
      RemoteTrace remote,
      long extractNanos,
      long rewriteNanos,
      boolean recomputed) {
    this(
        params, windowDocs, null, windowScores, window, built, report, remote, extractNanos,
        rewriteNanos, recomputed);
  }

  private QRerankOutcome(
      QRerankParams params,
      int[] windowDocs,
      String[] windowShards,
      float[] windowScores,
      WindowData window,
      BuiltProblem built,
      SolveReport report,
      RemoteTrace remote,
      long extractNanos,
      long rewriteNanos,
      boolean recomputed) {
    this.params = params;
    this.windowDocs = windowDocs == null ? null : windowDocs.clone();
    this.windowShards = windowShards == null ? null : windowShards.clone();
    this.windowScores = windowScores.clone();
    this.window = window;
    this.built = built;
    this.report = report;
    this.remote = remote;
    this.selected = report == null ? new int[0] : report.selection().indices();
    this.positionOfWindowIndex = new int[windowScores.length];
    Arrays.fill(positionOfWindowIndex, -1);
    for (int p = 0; p < selected.length; p++) {
      positionOfWindowIndex[selected[p]] = p;
    }
    this.featureNanos = extractNanos + (built == null ? 0 : built.featureNanos());
    this.compressionNanos = built == null ? 0 : built.compressionNanos();
    this.solveNanos = report == null ? 0 : report.solveNanos();
    this.rewriteNanos = rewriteNanos;
    this.recomputed = recomputed;
  }

  /**
   * The outcome of a distributed request, made at the coordinator over the global window.
   *
   * @param windowScores first-pass scores of the global window, in its (merged) first-pass order
   * @param windowShards the shard each window document came from, same order
   * @param window the window's raw values as the shards sent them, same order
   * @param mergeNanos time spent merging the shards' windows (counted with the features)
   */
  public static QRerankOutcome distributed(
      QRerankParams params,
      float[] windowScores,
      String[] windowShards,
      WindowData window,
      QRerankPipeline.Solution solution,
      long mergeNanos,
      long rewriteNanos) {
    if (windowShards.length != windowScores.length || window.size() != windowScores.length) {
      throw new IllegalArgumentException("window arrays differ in length");
    }
    return new QRerankOutcome(
        params, null, windowShards, windowScores, window, solution.built(), solution.report(),
        solution.remote(), mergeNanos, rewriteNanos, false);
  }

  public QRerankParams params() {
    return params;
  }

  /** |W|. */
  public int windowSize() {
    return windowScores.length;
  }

  /** True for the outcome of a distributed request (no docids, shards known). */
  public boolean isDistributed() {
    return windowShards != null;
  }

  /**
   * The docid of window document i (first-pass position i) on this core.
   *
   * @throws IllegalStateException for a distributed outcome, whose documents live on the shards
   */
  public int windowDoc(int i) {
    if (windowDocs == null) {
      throw new IllegalStateException("a distributed outcome has no docids");
    }
    return windowDocs[i];
  }

  /** The shard window document i came from, or null on one core. */
  public String windowShard(int i) {
    return windowShards == null ? null : windowShards[i];
  }

  /** The first-pass score of window document i. */
  public float windowScore(int i) {
    return windowScores[i];
  }

  /** The highest first-pass score in the window (NaN when empty). */
  public float maxWindowScore() {
    float max = Float.NaN;
    for (float s : windowScores) {
      max = Float.isNaN(max) ? s : Math.max(max, s);
    }
    return max;
  }

  /**
   * The window index of a docid, or -1 when the document is not in the window (always -1 for a
   * distributed outcome).
   */
  public int windowIndexOf(int docid) {
    Integer i = windowIndexOfDoc().get(docid);
    return i == null ? -1 : i;
  }

  /** Built on first use: only the transformer asks, not the ranking itself. */
  private synchronized Map<Integer, Integer> windowIndexOfDoc() {
    if (windowIndexOfDoc == null) {
      Map<Integer, Integer> index = new HashMap<>();
      for (int i = 0; windowDocs != null && i < windowDocs.length; i++) {
        index.put(windowDocs[i], i);
      }
      windowIndexOfDoc = index;
    }
    return windowIndexOfDoc;
  }

  /** Position of window document i among the selected (0 = top), or -1 when not selected. */
  public int selectionPosition(int i) {
    return positionOfWindowIndex[i];
  }

  /** Selected window indices, position 0 first. */
  public int[] selected() {
    return selected.clone();
  }

  /** The raw window values. */
  public WindowData window() {
    return window;
  }

  /** The built problem, or null for an empty window. */
  public BuiltProblem built() {
    return built;
  }

  /** The solver's report, or null for an empty window. */
  public SolveReport report() {
    return report;
  }

  /** What {@code solver=remote} did, or null for another solver or an empty window. */
  public RemoteTrace remote() {
    return remote;
  }

  /** The selection, or null for an empty window. */
  public Selection selection() {
    return report == null ? null : report.selection();
  }

  /** Reading the window's values plus normalisation and utilities. */
  public long featureNanos() {
    return featureNanos;
  }

  public long compressionNanos() {
    return compressionNanos;
  }

  public long solveNanos() {
    return solveNanos;
  }

  public long rewriteNanos() {
    return rewriteNanos;
  }

  /**
   * True when this outcome was computed again after the search because the collector did not run
   * in this request: the ranked list came from the query result cache (or no rows were asked for).
   */
  public boolean recomputed() {
    return recomputed;
  }
}
