package io.github.qrerank.solr.cloud;

import io.github.qrerank.features.WindowData;
import io.github.qrerank.solr.feature.ExtractionPlan;
import io.github.qrerank.solr.feature.WindowExtractor;
import io.github.qrerank.solr.search.FirstPass;
import io.github.qrerank.solr.search.QRerankQuery;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.search.SortSpec;

/**
 * The shard's side of a distributed {@code {!qrerank}} request (stage 1 of the pipeline, the only
 * one that reads the index): after the shard's search, adds its {@link ShardWindow} to the
 * response. No selection is made here.
 *
 * <p>The candidates are the shard's first {@code max(reRankDocs, start + rows)} hits in first-pass
 * order (Solr asks a shard for {@code start + rows} documents only, which may be fewer than the
 * window): the first {@code reRankDocs} can be in the global window, and the rest may be on the
 * page after it. The hits come from the collector, or, when the shard's list came from its query
 * result cache (or no rows were asked for), from the first pass run again the same way.
 */
final class ShardWindowWriter {
  private ShardWindowWriter() {}

  static void write(ResponseBuilder rb, SolrIndexSearcher searcher, QRerankQuery query)
      throws IOException {
    SortSpec spec = rb.getSortSpec();
    int reRankDocs = query.params().reRankDocs();
    int depth = (int) Math.min(Integer.MAX_VALUE, Math.max(reRankDocs, requested(spec)));
    FirstPass hits = query.firstPass();
    if (hits == null) {
      hits = FirstPass.search(rb, searcher, depth);
    }
    int n = Math.min(depth, hits.size());
    int w = Math.min(reRankDocs, n);
    long start = System.nanoTime();
    int[] docs = Arrays.copyOf(hits.docs(), n);
    float[] scores = Arrays.copyOf(hits.scores(), n);
    double[] windowScores = new double[w];
    for (int i = 0; i < w; i++) {
      windowScores[i] = scores[i];
    }
    ExtractionPlan plan = query.plan();
    WindowData window =
        WindowExtractor.extract(
            searcher.getIndexReader(), plan, Arrays.copyOf(docs, w), windowScores);
    String[] ids = new String[n];
    for (int i = 0; i < w; i++) {
      ids[i] = window.id(i);
    }
    if (n > w) {
      ExtractionPlan keyOnly = new ExtractionPlan(plan.keyField(), Map.of(), Map.of(), null, null);
      WindowData tail =
          WindowExtractor.extract(
              searcher.getIndexReader(),
              keyOnly,
              Arrays.copyOfRange(docs, w, n),
              new double[n - w]);
      for (int i = w; i < n; i++) {
        ids[i] = tail.id(i - w);
      }
    }
    NamedList<List<Object>> sortValues = ShardSortValues.marshalled(searcher, spec, docs, scores);
    long extractNanos = System.nanoTime() - start;
    ShardWindow section = new ShardWindow(ids, scores, sortValues, window, extractNanos);
    rb.rsp.add(ShardWindow.KEY, section.encode(plan));
  }

  private static long requested(SortSpec spec) {
    return Math.max(0, spec.getOffset()) + (long) Math.max(0, spec.getCount());
  }
}
