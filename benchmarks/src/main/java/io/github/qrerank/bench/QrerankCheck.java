package io.github.qrerank.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;

/**
 * After the timed run, sends every measured qrerank request again with {@code debugQuery=true} and
 * the {@code [qrerank]} transformer (untimed) and checks what the user would: the selected
 * documents are in stock and within the brand cap, and the debug section says whether the exact
 * solver proved its optimum. Also collects the plugin's own stage timings.
 */
final class QrerankCheck {
  static final int CAP = 2;
  static final int K = 5;

  record Result(
      int queries,
      int proven,
      int fallbacks,
      int complete,
      int violations,
      Latencies solveNanos,
      Latencies stagesNanos) {}

  private QrerankCheck() {}

  static Result run(
      SolrClient client,
      List<SolrQuerySet.BenchQuery> queries,
      Function<SolrQuerySet.BenchQuery, SolrQuery> request)
      throws Exception {
    int proven = 0;
    int fallbacks = 0;
    int complete = 0;
    int violations = 0;
    long[] solve = new long[queries.size()];
    long[] stages = new long[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      SolrQuery query = request.apply(queries.get(i));
      query.setFields("id", "brand", "stock", "score", "[qrerank]");
      query.set("debugQuery", true);
      QueryResponse response = client.query(BenchSolr.CORE, query);
      Object debug = response.getDebugMap() == null ? null : response.getDebugMap().get("qrerank");
      if (debug == null) {
        throw new IllegalStateException("no qrerank debug section for " + query);
      }
      if (Boolean.TRUE.equals(get(debug, "provenOptimal"))) {
        proven++;
      }
      if (get(debug, "fallbackReason") != null) {
        fallbacks++;
      }
      boolean isComplete = Boolean.TRUE.equals(get(debug, "complete"));
      if (isComplete) {
        complete++;
      }
      Object timings = get(debug, "timingsMs");
      double solveMs = number(timings, "solve");
      solve[i] = Math.round(solveMs * 1e6);
      stages[i] =
          Math.round(
              (number(timings, "features")
                      + number(timings, "compression")
                      + solveMs
                      + number(timings, "rewrite"))
                  * 1e6);
      if (!respectsConstraints(response, isComplete)) {
        violations++;
      }
    }
    return new Result(
        queries.size(),
        proven,
        fallbacks,
        complete,
        violations,
        new Latencies(solve),
        new Latencies(stages));
  }

  /** Selected documents: stock >= 1, at most CAP per brand, and K of them when complete. */
  static boolean respectsConstraints(QueryResponse response, boolean complete) {
    Map<Object, Integer> perBrand = new HashMap<>();
    int selected = 0;
    for (SolrDocument doc : response.getResults()) {
      if (!Boolean.TRUE.equals(get(doc.getFieldValue("[qrerank]"), "selected"))) {
        continue;
      }
      selected++;
      Object stock = doc.getFieldValue("stock");
      if (!(stock instanceof Number n) || n.intValue() < 1) {
        return false;
      }
      Object brand = doc.getFieldValue("brand");
      if (brand != null && perBrand.merge(brand, 1, Integer::sum) > CAP) {
        return false;
      }
    }
    return !complete || selected == K;
  }

  /** The value under {@code key} of a debug or transformer node (NamedList or Map), else null. */
  static Object get(Object node, String key) {
    if (node instanceof NamedList<?> list) {
      return list.get(key);
    }
    if (node instanceof Map<?, ?> map) {
      return map.get(key);
    }
    return null;
  }

  private static double number(Object node, String key) {
    Object v = get(node, key);
    if (!(v instanceof Number n)) {
      throw new IllegalStateException("debug value " + key + " missing or not a number: " + v);
    }
    return n.doubleValue();
  }
}
