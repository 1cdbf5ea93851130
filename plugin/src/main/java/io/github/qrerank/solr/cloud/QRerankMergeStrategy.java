package io.github.qrerank.solr.cloud;

import io.github.qrerank.solr.search.QRerankQuery;
import java.io.IOException;
import org.apache.solr.handler.component.MergeStrategy;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * How {@code {!qrerank}} runs in SolrCloud, through Solr's extension point for rank queries that
 * must merge shard results themselves ({@link org.apache.solr.search.RankQuery#getMergeStrategy}).
 * Solr uses it in two places:
 *
 * <ul>
 *   <li>on each shard, after the search, {@link #handleMergeFields} (in place of Solr's sort
 *       values) adds the shard's candidates and their raw values to its response ({@link
 *       ShardWindowWriter}); a shard makes no selection;
 *   <li>on the coordinator, {@link #merge} replaces Solr's id merge: it merges the candidates into
 *       the global window, makes the one selection, and lays out the page ({@link
 *       CoordinatorMerge}).
 * </ul>
 *
 * On a single core (not a shard) {@link #handleMergeFields} does nothing: the collector has already
 * re-ranked.
 */
public final class QRerankMergeStrategy implements MergeStrategy {
  private final QRerankQuery query;

  public QRerankMergeStrategy(QRerankQuery query) {
    this.query = query;
  }

  @Override
  public void merge(ResponseBuilder rb, ShardRequest sreq) {
    new CoordinatorMerge(rb, query).merge(sreq);
  }

  @Override
  public boolean mergesIds() {
    return true;
  }

  @Override
  public boolean handlesMergeFields() {
    return true;
  }

  @Override
  public void handleMergeFields(ResponseBuilder rb, SolrIndexSearcher searcher) throws IOException {
    if (query.isShard()) {
      ShardWindowWriter.write(rb, searcher, query);
    }
  }

  @Override
  public int getCost() {
    return 0;
  }
}
