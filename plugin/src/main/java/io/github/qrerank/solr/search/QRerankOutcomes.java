package io.github.qrerank.solr.search;

import java.io.IOException;
import org.apache.lucene.search.ScoreDoc;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * Finds the re-ranking outcome of the current request for the {@code [qrerank]} transformer and
 * the debug component.
 *
 * <p>The rank query comes from the request's {@link ResponseBuilder} (through {@link
 * SolrRequestInfo}). When its holder is empty, the ranked list came from the query result cache
 * and the collector did not run: the outcome is then recomputed the same way, deterministically —
 * the first pass again (main query, the request's filters and sort, the top {@code reRankDocs} with
 * scores), then the same extraction, problem, solver and rewrite — and marked {@link
 * QRerankOutcome#recomputed()}. The recomputed outcome is stored in the holder, so a request
 * recomputes at most once.
 *
 * <p>A solver that stops at its time budget ({@code timeoutMs}) may answer differently on the two
 * runs; the debug section says {@code recomputed: true} so that a reader knows which run it shows.
 */
public final class QRerankOutcomes {
  private QRerankOutcomes() {}

  /** The {@code {!qrerank}} query of the current request, or null when it has none. */
  public static QRerankQuery currentQuery() {
    SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
    ResponseBuilder rb = info == null ? null : info.getResponseBuilder();
    return rb == null ? null : currentQuery(rb);
  }

  /** The {@code {!qrerank}} query of {@code rb}, or null. */
  public static QRerankQuery currentQuery(ResponseBuilder rb) {
    return rb.getRankQuery() instanceof QRerankQuery q ? q : null;
  }

  /** The outcome of {@code query} in the request of {@code rb}, recomputed when needed. */
  public static QRerankOutcome obtain(ResponseBuilder rb, QRerankQuery query) throws IOException {
    QRerankOutcome held = query.outcome();
    if (held != null) {
      return held;
    }
    SolrIndexSearcher searcher = rb.req.getSearcher();
    int reRankDocs = query.params().reRankDocs();
    FirstPass first = FirstPass.search(rb, searcher, reRankDocs);
    int w = first.size();
    int[] docs = first.docs();
    float[] scores = first.scores();
    ScoreDoc[] window = new ScoreDoc[w];
    for (int i = 0; i < w; i++) {
      window[i] = new ScoreDoc(docs[i], scores[i]);
    }
    QRerankPipeline.Solved solved =
        QRerankPipeline.solve(searcher.getIndexReader(), query, docs, scores);
    long start = System.nanoTime();
    QRerankPipeline.rewrite(window, w, solved.selected(), query.params().k());
    long rewriteNanos = System.nanoTime() - start;
    QRerankOutcome recomputed = solved.toOutcome(rewriteNanos, true);
    return query.offerOutcome(recomputed);
  }
}
