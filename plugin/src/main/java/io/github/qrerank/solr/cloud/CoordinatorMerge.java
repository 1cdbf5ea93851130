package io.github.qrerank.solr.cloud;

import io.github.qrerank.features.WindowData;
import io.github.qrerank.solr.handler.component.DebugSection;
import io.github.qrerank.solr.handler.component.QRerankComponent;
import io.github.qrerank.solr.response.transform.QRerankTransformerFactory;
import io.github.qrerank.solr.search.QRerankOutcome;
import io.github.qrerank.solr.search.QRerankParams;
import io.github.qrerank.solr.search.QRerankPipeline;
import io.github.qrerank.solr.search.QRerankQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SortField;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.ShardDoc;
import org.apache.solr.handler.component.ShardFieldSortedHitQueue;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.handler.component.ShardResponse;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.search.SortSpec;

/**
 * The coordinator's side of a distributed {@code {!qrerank}} request: merges the shards' candidates
 * in first-pass order (with Solr's own {@link ShardFieldSortedHitQueue}, so ties break as Solr's
 * merge breaks them), takes the global window W (the first {@code reRankDocs}), builds and solves
 * the problem once (stages 2 and 3 of the pipeline), and hands Solr the page of the re-ranked
 * global order: the ids with their shards and scores, and the {@code [qrerank]} values of each
 * document.
 *
 * <p>The stored fields are then fetched by Solr's usual second pass, which also hands each document
 * its re-ranked score and {@code [qrerank]} value (as the documents' score-dependent fields). A
 * request Solr answers in one pass ({@code fl=id,score}) stays one pass: {@link OnePassPage}
 * settles its documents.
 */
final class CoordinatorMerge {
  private static final String RESPONSE = "response";
  private static final String HEADER = "responseHeader";

  private final ResponseBuilder rb;
  private final QRerankQuery query;
  private final QRerankParams params;
  private final SortSpec spec;

  private final Map<String, ShardWindow> windows = new LinkedHashMap<>();
  private final Map<String, NamedList<?>> rawSections = new HashMap<>();
  private final Map<String, Long> shardHits = new LinkedHashMap<>();
  private long numFound;
  private Float maxScore;
  private boolean exact = true;
  private boolean partial;

  CoordinatorMerge(ResponseBuilder rb, QRerankQuery query) {
    this.rb = rb;
    this.query = query;
    this.params = query.params();
    this.spec = rb.getSortSpec();
  }

  void merge(ShardRequest sreq) {
    long start = System.nanoTime();
    int offset = Math.max(0, spec.getOffset());
    int count = Math.max(0, spec.getCount());
    int depth =
        (int) Math.min(Integer.MAX_VALUE, Math.max(params.reRankDocs(), (long) offset + count));
    SortField[] sortFields =
        spec.getSort() == null ? new SortField[] {SortField.FIELD_SCORE} : spec.getSort().getSort();
    ShardFieldSortedHitQueue queue =
        new ShardFieldSortedHitQueue(sortFields, depth, rb.req.getSearcher());
    NamedList<Object> shardInfo = shardInfo();
    Map<Object, String> seen = new HashMap<>();
    for (ShardResponse srsp : sreq.responses) {
      ShardWindow window = read(srsp, shardInfo);
      if (window == null) {
        continue;
      }
      NamedList<List<Object>> sortValues = unmarshalled(srsp, window);
      for (int i = 0; i < window.candidates(); i++) {
        String id = window.id(i);
        if (seen.put(id, srsp.getShard()) != null) {
          numFound--; // the same document from two shards: keep the first, as Solr's merge does
          continue;
        }
        ShardDoc d = new ShardDoc();
        d.id = id;
        d.shard = srsp.getShard();
        d.orderInShard = i;
        d.score = window.score(i);
        d.sortFieldValues = sortValues;
        queue.insertWithOverflow(d);
      }
    }
    ShardDoc[] merged = new ShardDoc[queue.size()];
    for (int i = merged.length - 1; i >= 0; i--) {
      merged[i] = queue.pop();
    }
    float[] firstPass = new float[merged.length];
    for (int i = 0; i < merged.length; i++) {
      firstPass[i] = merged[i].score;
    }
    int w = Math.min(params.reRankDocs(), merged.length);
    WindowData global = GlobalWindow.assemble(merged, w, windows, query.plan());
    long mergeNanos = System.nanoTime() - start;

    QRerankPipeline.Solution solution =
        QRerankPipeline.solveWindow(params, global, query.runtime());

    long rewriteStart = System.nanoTime();
    ScoreDoc[] list = new ScoreDoc[merged.length];
    for (int i = 0; i < merged.length; i++) {
      list[i] = new ScoreDoc(i, firstPass[i]);
    }
    ScoreDoc[] ranked = QRerankPipeline.rewrite(list, w, solution.selected(), params.k());
    long rewriteNanos = System.nanoTime() - rewriteStart;

    String[] windowShards = new String[w];
    float[] windowScores = new float[w];
    for (int i = 0; i < w; i++) {
      windowShards[i] = merged[i].shard;
      windowScores[i] = firstPass[i];
    }
    QRerankOutcome outcome =
        query.offerOutcome(
            QRerankOutcome.distributed(
                params, windowScores, windowShards, global, solution, mergeNanos, rewriteNanos));
    page(sreq, merged, firstPass, ranked, w, outcome, offset, count);
    if (partial) {
      rb.rsp.setPartialResults(rb.req);
    }
    rb.rsp.addToLog("hits", numFound);
    if (rb.isDebugQuery() && rb.components.stream().anyMatch(QRerankComponent.class::isInstance)) {
      SimpleOrderedMap<Object> section = DebugSection.of(outcome);
      section.add("shards", shardsSection(w, merged));
      rb.addDebugInfo(QRerankComponent.SECTION, section);
    }
  }

  /** The shard's section, or null for a shard that failed or answered partially without one. */
  private ShardWindow read(ShardResponse srsp, NamedList<Object> shardInfo) {
    String shard = srsp.getShard();
    if (srsp.getException() != null) {
      partial = true;
      if (shardInfo != null) {
        SimpleOrderedMap<Object> info = new SimpleOrderedMap<>();
        info.add("error", String.valueOf(srsp.getException()));
        info.add("shardAddress", srsp.getShardAddress());
        shardInfo.add(shard, info);
      }
      return null;
    }
    NamedList<Object> response = srsp.getSolrResponse().getResponse();
    NamedList<?> header = (NamedList<?>) response.get(HEADER);
    boolean shardPartial =
        header != null
            && Boolean.TRUE.equals(
                header.getBooleanArg(SolrQueryResponse.RESPONSE_HEADER_PARTIAL_RESULTS_KEY));
    partial |= shardPartial;
    SolrDocumentList docs = (SolrDocumentList) response.get(RESPONSE);
    if (docs != null) {
      numFound += docs.getNumFound();
      shardHits.put(shard, docs.getNumFound());
      if (docs.getMaxScore() != null) {
        maxScore = maxScore == null ? docs.getMaxScore() : Math.max(maxScore, docs.getMaxScore());
      }
      if (Boolean.FALSE.equals(docs.getNumFoundExact())) {
        exact = false;
      }
      if (shardInfo != null) {
        SimpleOrderedMap<Object> info = new SimpleOrderedMap<>();
        info.add("numFound", docs.getNumFound());
        info.add("numFoundExact", docs.getNumFoundExact());
        info.add("maxScore", docs.getMaxScore());
        info.add("shardAddress", srsp.getShardAddress());
        if (srsp.getSolrResponse() != null) {
          info.add("time", srsp.getSolrResponse().getElapsedTime());
        }
        shardInfo.add(shard, info);
      }
    }
    Object section = response.get(ShardWindow.KEY);
    if (section == null) {
      if (shardPartial) {
        return null;
      }
      throw new SolrException(
          SolrException.ErrorCode.SERVER_ERROR,
          "qrerank: shard "
              + shard
              + " answered without its '"
              + ShardWindow.KEY
              + "' section; is the same qrerank plugin installed on every node?");
    }
    try {
      ShardWindow window = ShardWindow.decode((NamedList<?>) section, query.plan());
      windows.put(shard, window);
      rawSections.put(shard, (NamedList<?>) section);
      return window;
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new SolrException(
          SolrException.ErrorCode.SERVER_ERROR,
          "qrerank: shard "
              + shard
              + " sent an unreadable '"
              + ShardWindow.KEY
              + "': "
              + e.getMessage(),
          e);
    }
  }

  private NamedList<List<Object>> unmarshalled(ShardResponse srsp, ShardWindow window) {
    try {
      return ShardSortValues.unmarshalled(spec, window.sortValues());
    } catch (IllegalArgumentException e) {
      throw new SolrException(
          SolrException.ErrorCode.SERVER_ERROR,
          "qrerank: shard " + srsp.getShard() + " sent unusable sort values: " + e.getMessage(),
          e);
    }
  }

  /** Hands Solr the documents of the page, in the re-ranked order, with their scores and values. */
  private void page(
      ShardRequest sreq,
      ShardDoc[] merged,
      float[] firstPass,
      ScoreDoc[] ranked,
      int w,
      QRerankOutcome outcome,
      int offset,
      int count) {
    List<String> transformerNames = QRerankTransformerFactory.namesIn(rb.rsp.getReturnFields());
    int end = (int) Math.min(ranked.length, (long) offset + count);
    int size = Math.max(0, end - offset);
    Map<Object, ShardDoc> resultIds = new HashMap<>();
    List<ShardDoc> page = new ArrayList<>(size);
    for (int pos = offset; pos < end; pos++) {
      ScoreDoc r = ranked[pos];
      ShardDoc d = merged[r.doc];
      d.score = r.score;
      d.positionInResponse = pos - offset;
      if (!transformerNames.isEmpty()) {
        SimpleOrderedMap<Object> info = transformerInfo(outcome, r.doc, w, firstPass[r.doc]);
        Map<String, Object> fields = new HashMap<>();
        transformerNames.forEach(name -> fields.put(name, info));
        d.scoreDependentFields = fields;
      }
      resultIds.put(d.id.toString(), d);
      page.add(d);
    }
    SolrDocumentList docs = new SolrDocumentList();
    docs.setNumFound(numFound);
    docs.setNumFoundExact(exact);
    docs.setStart(offset);
    if (maxScore != null) {
      docs.setMaxScore(maxScore);
    }
    for (int i = 0; i < size; i++) {
      docs.add(null);
    }
    rb.resultIds = resultIds;
    rb.setResponseDocs(docs);
    if (rb.onePassDistributedQuery && transformerNames.isEmpty()) {
      OnePassPage.settle(rb, page, sreq.responses, docs);
    } else {
      rb.onePassDistributedQuery = false;
    }
  }

  private static SimpleOrderedMap<Object> transformerInfo(
      QRerankOutcome outcome, int index, int w, float firstPassScore) {
    if (index >= w) {
      return QRerankTransformerFactory.info(-1, null, firstPassScore);
    }
    return QRerankTransformerFactory.info(
        outcome.selectionPosition(index), outcome.built().problem().utility(index), firstPassScore);
  }

  private NamedList<Object> shardInfo() {
    if (!rb.req.getParams().getBool(ShardParams.SHARDS_INFO, false)) {
      return null;
    }
    NamedList<Object> info = new SimpleOrderedMap<>();
    rb.rsp.getValues().add(ShardParams.SHARDS_INFO, info);
    return info;
  }

  /** Per shard: hits, candidates sent, window documents taken, the section's size in bytes. */
  private List<Object> shardsSection(int w, ShardDoc[] merged) {
    Map<String, Integer> inWindow = new HashMap<>();
    for (int i = 0; i < w; i++) {
      inWindow.merge(merged[i].shard, 1, Integer::sum);
    }
    List<Object> out = new ArrayList<>();
    for (Map.Entry<String, ShardWindow> e : windows.entrySet()) {
      SimpleOrderedMap<Object> s = new SimpleOrderedMap<>();
      s.add("shard", e.getKey());
      s.add("numFound", shardHits.get(e.getKey()));
      s.add("candidates", e.getValue().candidates());
      s.add("windowValues", e.getValue().window().size());
      s.add("inGlobalWindow", inWindow.getOrDefault(e.getKey(), 0));
      s.add("payloadBytes", PayloadSize.javabinBytes(rawSections.get(e.getKey())));
      s.add("extractMs", e.getValue().extractNanos() / 1e6);
      out.add(s);
    }
    return out;
  }
}
