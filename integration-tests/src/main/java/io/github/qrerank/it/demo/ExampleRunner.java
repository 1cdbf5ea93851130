package io.github.qrerank.it.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;

/** Runs an example search twice, plain and with its {@code rq}, and collects both top lists. */
final class ExampleRunner {

  static final int TOP = 5;
  static final String FIELDS = "id,brand,category,stock,price,is_new,sponsored,score";
  static final String TRANSFORMER = "[qrerank]";

  /** One result row. {@code selected} and {@code position} come from {@code [qrerank]}. */
  record Row(
      String id,
      String brand,
      String category,
      int stock,
      double price,
      double score,
      boolean isNew,
      boolean sponsored,
      boolean selected,
      int position) {}

  /** Both top lists, the plain query's hit count and the reranked query's debug section. */
  record Comparison(
      ExampleQuery example, long hits, List<Row> plain, List<Row> reranked, Object debug) {}

  private final SolrClient client;
  private final String collection;

  ExampleRunner(SolrClient client, String collection) {
    this.client = client;
    this.collection = collection;
  }

  /**
   * How many times {@link #warmUp} sends each example: the JIT compiler needs several hundred
   * re-ranked requests before qrerank's stages run at their steady speed (the benchmark saw the
   * p50 settle after about 1,000); with 20, the printed stage timings were 3-4 times the steady
   * ones.
   */
  static final int WARM_UP_ROUNDS = 250;

  /**
   * Sends each example's re-ranked query {@link #WARM_UP_ROUNDS} times, each time with a different
   * no-op filter, kept out of the filter cache, so that the query result cache cannot answer it
   * and the collector runs: a fresh JVM otherwise shows compile times, not qrerank's, in the
   * examples' timings.
   */
  void warmUp(List<ExampleQuery> examples) throws IOException, SolrServerException {
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      for (ExampleQuery example : examples) {
        SolrQuery query = rerankQuery(example);
        query.addFilterQuery("{!cache=false}-id:warm-up-" + round);
        client.query(collection, query);
      }
    }
  }

  Comparison run(ExampleQuery example) throws IOException, SolrServerException {
    QueryResponse plain = client.query(collection, plainQuery(example));
    QueryResponse reranked = client.query(collection, rerankQuery(example));
    Object debug = reranked.getDebugMap() == null ? null : reranked.getDebugMap().get("qrerank");
    return new Comparison(
        example, plain.getResults().getNumFound(), rows(plain), rows(reranked), debug);
  }

  static SolrQuery plainQuery(ExampleQuery example) {
    SolrQuery query = new SolrQuery(example.q());
    query.setFields(FIELDS);
    query.setRows(TOP);
    return query;
  }

  static SolrQuery rerankQuery(ExampleQuery example) {
    SolrQuery query = new SolrQuery(example.q());
    query.set("rq", example.rq());
    query.set(ExampleQuery.USER_VECTOR_PARAM, example.userVectorParam());
    query.setFields(FIELDS + "," + TRANSFORMER);
    query.setRows(TOP);
    query.set("debugQuery", true);
    return query;
  }

  private static List<Row> rows(QueryResponse response) {
    List<Row> rows = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      Object info = doc.getFieldValue(TRANSFORMER);
      rows.add(
          new Row(
              String.valueOf(doc.getFieldValue("id")),
              String.valueOf(doc.getFieldValue("brand")),
              String.valueOf(doc.getFieldValue("category")),
              ((Number) doc.getFieldValue("stock")).intValue(),
              ((Number) doc.getFieldValue("price")).doubleValue(),
              ((Number) doc.getFieldValue("score")).doubleValue(),
              Boolean.TRUE.equals(doc.getFieldValue("is_new")),
              Boolean.TRUE.equals(doc.getFieldValue("sponsored")),
              Boolean.TRUE.equals(Tree.get(info, "selected")),
              position(info)));
    }
    return rows;
  }

  private static int position(Object transformerValue) {
    double position = Tree.number(transformerValue, "position");
    return Double.isNaN(position) ? -1 : (int) position;
  }
}
