package io.github.qrerank.solr.cloud;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.ShardDoc;
import org.apache.solr.handler.component.ShardResponse;
import org.apache.solr.search.ReturnFields;
import org.apache.solr.search.SolrReturnFields;

/**
 * The page of a request Solr answers in one pass ({@code fl} asks for the unique key and scores
 * only, e.g. {@code fl=id,score}): the documents come with the shards' lists, so no second round
 * trip is needed, but a window document need not be in its shard's list (a shard lists {@code start
 * + rows} documents, the window is {@code reRankDocs} deep) and the listed scores are first-pass
 * scores. So the documents are settled here: a listed one gets its re-ranked score in place (Solr
 * then copies it to the page), a missing one is built from what the request asks for: the key,
 * {@code score} and its aliases (the re-ranked score). {@code originalScore()} has no value for
 * {@code {!qrerank}}, on one core as here (Solr fills it for its own re-rankers only; the {@code
 * [qrerank]} transformer has {@code originalScore}).
 */
final class OnePassPage {
  private OnePassPage() {}

  /**
   * Settles the page's documents.
   *
   * @param page the page's shard documents, in order, with their re-ranked scores
   * @param responses the shards' responses to the top-ids request
   * @param docs the page's document list, with a null slot per document
   */
  static void settle(
      ResponseBuilder rb,
      List<ShardDoc> page,
      List<ShardResponse> responses,
      SolrDocumentList docs) {
    ReturnFields fields = rb.rsp.getReturnFields();
    String key = rb.req.getSchema().getUniqueKeyField().getName();
    Map<String, SolrDocument> listed = new HashMap<>();
    for (ShardResponse srsp : responses) {
      if (srsp.getException() != null || srsp.getSolrResponse() == null) {
        continue;
      }
      Object list = srsp.getSolrResponse().getResponse().get("response");
      if (list instanceof SolrDocumentList shardDocs) {
        for (SolrDocument d : shardDocs) {
          Object id = d.getFieldValue(key);
          if (id != null) {
            listed.putIfAbsent(id.toString() + '\u0000' + srsp.getShard(), d);
          }
        }
      }
    }
    boolean rawScore =
        fields.getExplicitlyRequestedFieldNames() != null
            && fields.getExplicitlyRequestedFieldNames().contains(SolrReturnFields.SCORE);
    Map<String, String> scoreFields = fields.getScoreDependentReturnFields();
    for (int i = 0; i < page.size(); i++) {
      ShardDoc d = page.get(i);
      SolrDocument doc = listed.get(d.id.toString() + '\u0000' + d.shard);
      if (doc != null) {
        // Solr's one-pass merge places the shard's document itself: correct its scores
        for (Map.Entry<String, String> e : scoreFields.entrySet()) {
          if (doc.containsKey(e.getKey()) && isScore(e)) {
            doc.setField(e.getKey(), d.score);
          }
        }
      } else {
        doc = new SolrDocument();
        if (fields.wantsField(key)) {
          doc.setField(key, d.id);
        }
        for (Map.Entry<String, String> e : scoreFields.entrySet()) {
          if (!e.getKey().equals(SolrReturnFields.SCORE) || rawScore) {
            doc.setField(e.getKey(), isScore(e) ? d.score : null);
          }
        }
        docs.set(d.positionInResponse, doc);
      }
    }
  }

  /** True for {@code score} and its aliases, false for {@code originalScore()} and its aliases. */
  private static boolean isScore(Map.Entry<String, String> field) {
    String source = field.getValue().isEmpty() ? field.getKey() : field.getValue();
    return SolrReturnFields.SCORE.equals(source);
  }
}
