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
 */
public final class QRerankOutcome {
  private final QRerankParams params;
  private final int[] windowDocs;
  private final float[] windowScores;
  private final WindowData window;
  private final BuiltProblem built;
  private final SolveReport report;
  private final RemoteTrace remote;
  private final int[] selected;
  private final int[] positionOfWindowIndex;
  private final Map<Integer, Integer> windowIndexOfDoc;
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
    this.params = params;
    this.windowDocs = windowDocs.clone();
    this.windowScores = windowScores.clone();
    this.window = window;
    this.built = built;
    this.report = report;
    this.remote = remote;
    this.selected = report == null ? new int[0] : report.selection().indices();
    this.positionOfWindowIndex = new int[windowDocs.length];
    Arrays.fill(positionOfWindowIndex, -1);
    for (int p = 0; p < selected.length; p++) {
      positionOfWindowIndex[selected[p]] = p;
    }
    this.windowIndexOfDoc = new HashMap<>();
    for (int i = 0; i < windowDocs.length; i++) {
      windowIndexOfDoc.put(windowDocs[i], i);
    }
    this.featureNanos = extractNanos + (built == null ? 0 : built.featureNanos());
    this.compressionNanos = built == null ? 0 : built.compressionNanos();
    this.solveNanos = report == null ? 0 : report.solveNanos();
    this.rewriteNanos = rewriteNanos;
    this.recomputed = recomputed;
  }

  public QRerankParams params() {
    return params;
  }

  /** |W|. */
  public int windowSize() {
    return windowDocs.length;
  }

  /** The docid of window document i (first-pass position i). */
  public int windowDoc(int i) {
    return windowDocs[i];
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

  /** The window index of a docid, or -1 when the document is not in the window. */
  public int windowIndexOf(int docid) {
    Integer i = windowIndexOfDoc.get(docid);
    return i == null ? -1 : i;
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
