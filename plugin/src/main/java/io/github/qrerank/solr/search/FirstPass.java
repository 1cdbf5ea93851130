package io.github.qrerank.solr.search;

import java.io.IOException;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.search.DocIterator;
import org.apache.solr.search.DocList;
import org.apache.solr.search.QueryCommand;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * First-pass hits: docids of one index and their first-pass scores, in first-pass order. A shard
 * of a distributed {@code {!qrerank}} request hands these (with their raw values) to the
 * coordinator instead of re-ranking. Arrays are not copied: callers must not modify them.
 */
public record FirstPass(int[] docs, float[] scores) {
  public FirstPass {
    if (docs.length != scores.length) {
      throw new IllegalArgumentException("docs and scores differ in length");
    }
  }

  /** How many hits. */
  public int size() {
    return docs.length;
  }

  /**
   * Runs the first pass of {@code rb}'s request again — its main query, filters and sort, with
   * scores — and returns its top {@code depth} hits. Used when the collector did not run because
   * the ranked list came from the query result cache.
   */
  public static FirstPass search(ResponseBuilder rb, SolrIndexSearcher searcher, int depth)
      throws IOException {
    QueryCommand cmd =
        new QueryCommand()
            .setQuery(rb.getQuery())
            .setFilterList(rb.getFilters())
            .setSort(rb.getSortSpec().getSort())
            .setOffset(0)
            .setLen(depth)
            .setFlags(SolrIndexSearcher.GET_SCORES);
    DocList list = searcher.search(cmd).getDocList();
    int n = Math.min(depth, list.size());
    int[] docs = new int[n];
    float[] scores = new float[n];
    DocIterator it = list.iterator();
    for (int i = 0; i < n; i++) {
      docs[i] = it.nextDoc();
      scores[i] = it.score();
    }
    return new FirstPass(docs, scores);
  }
}
