package io.github.qrerank.solr.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TotalHits;
import org.apache.solr.search.QueryCommand;

/**
 * Collects the first pass like Solr's own re-ranking collector (a {@link TopScoreDocCollector}, or
 * a {@link TopFieldCollector} when the request sorts, keeping {@code min(max(reRankDocs, len),
 * maxDoc)} hits), then re-ranks the window W, the first {@code min(reRankDocs, hits)} of them, in
 * three stages: read the raw values, build and solve the selection problem, rewrite the list (see
 * {@link QRerankPipeline}). The outcome goes to the query's {@link OutcomeHolder}.
 *
 * <p>On a shard of a distributed request ({@link QRerankQuery#isShard()}) nothing is re-ranked:
 * the list keeps its first-pass order and scores, and the hits (at least {@code reRankDocs} when
 * the shard has them, whatever {@code rows} Solr asked the shard for) are handed to the query, from
 * where the merge strategy sends the window's raw values to the coordinator.
 *
 * <p>{@link #topDocs(int, int)} pages over the re-ranked list, within and beyond the window. The
 * re-ranked list is computed once; errors reading the index or solving are server errors (500):
 * invalid requests never get this far, they are refused when the query is parsed.
 */
public final class QRerankCollector extends TopDocsCollector<ScoreDoc> {
  private final QRerankQuery query;
  private final IndexSearcher searcher;
  private final Sort sort;
  private final TopDocsCollector<? extends ScoreDoc> main;
  private TopDocs reranked;

  QRerankCollector(QRerankQuery query, int len, QueryCommand cmd, IndexSearcher searcher)
      throws IOException {
    super(null);
    this.query = query;
    this.searcher = searcher;
    int reRankDocs = query.params().reRankDocs();
    int maxDoc = searcher.getIndexReader().maxDoc();
    int numHits = Math.max(1, Math.min(Math.max(reRankDocs, len), maxDoc));
    if (cmd.getSort() == null) {
      this.sort = null;
      this.main = TopScoreDocCollector.create(numHits, cmd.getMinExactCount());
    } else {
      this.sort = cmd.getSort().rewrite(searcher);
      this.main = TopFieldCollector.create(this.sort, numHits, cmd.getMinExactCount());
    }
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    return main.getLeafCollector(context);
  }

  @Override
  public ScoreMode scoreMode() {
    return main.scoreMode();
  }

  @Override
  public int getTotalHits() {
    return main.getTotalHits();
  }

  @Override
  public TopDocs topDocs() {
    return topDocs(0, Integer.MAX_VALUE);
  }

  @Override
  public TopDocs topDocs(int start) {
    return topDocs(start, Integer.MAX_VALUE);
  }

  @Override
  public TopDocs topDocs(int start, int howMany) {
    TopDocs all = reranked();
    int from = Math.max(0, start);
    int to = (int) Math.min(all.scoreDocs.length, (long) from + Math.max(0, howMany));
    ScoreDoc[] page =
        from >= to ? new ScoreDoc[0] : Arrays.copyOfRange(all.scoreDocs, from, to);
    return new TopDocs(all.totalHits, page);
  }

  private TopDocs reranked() {
    if (reranked == null) {
      try {
        reranked = rerank();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return reranked;
  }

  private TopDocs rerank() throws IOException {
    TopDocs first = main.topDocs();
    ScoreDoc[] hits = first.scoreDocs;
    if (sort != null && hits.length > 0) {
      TopFieldCollector.populateScores(hits, searcher, query.mainQuery());
    }
    if (query.isShard()) {
      int[] docs = new int[hits.length];
      float[] scores = new float[hits.length];
      for (int i = 0; i < hits.length; i++) {
        docs[i] = hits[i].doc;
        scores[i] = hits[i].score;
      }
      query.offerFirstPass(new FirstPass(docs, scores));
      return new TopDocs(first.totalHits, hits);
    }
    int w = Math.min(query.params().reRankDocs(), hits.length);
    int[] docs = new int[w];
    float[] scores = new float[w];
    for (int i = 0; i < w; i++) {
      docs[i] = hits[i].doc;
      scores[i] = hits[i].score;
    }
    QRerankPipeline.Solved solved =
        QRerankPipeline.solve(searcher.getIndexReader(), query, docs, scores);
    long start = System.nanoTime();
    ScoreDoc[] ranked =
        QRerankPipeline.rewrite(hits, w, solved.selected(), query.params().k());
    long rewriteNanos = System.nanoTime() - start;
    query.offerOutcome(solved.toOutcome(rewriteNanos, false));
    TotalHits total = first.totalHits;
    return new TopDocs(total, ranked);
  }
}
