package io.github.qrerank.it.cloud;

import io.github.qrerank.solr.BruteForce.CapRule;
import io.github.qrerank.solr.BruteForce.QuotaRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.search.QueryParsing;
import org.apache.solr.search.SyntaxError;

/**
 * The parameters of a test request's {@code rq={!qrerank ...}} that its checks need, read from the
 * request itself (not from the answer's debug section, which is what they check). The tests always
 * give {@code reRankDocs} and {@code k}; the others default as in {@code configsets/products}.
 */
record RankParams(
    int reRankDocs,
    int k,
    String solver,
    String stockField,
    int minStock,
    List<CapRule> caps,
    List<QuotaRule> quotas) {

  static RankParams of(SolrQuery q) {
    String rq = q.get("rq");
    if (rq == null) {
      throw new IllegalArgumentException("no rq in " + q);
    }
    SolrParams local;
    try {
      local = QueryParsing.getLocalParams(rq, q);
    } catch (SyntaxError e) {
      throw new IllegalArgumentException("rq is not {!qrerank ...}: " + rq, e);
    }
    List<CapRule> caps = new ArrayList<>();
    for (String cap : list(local.get("caps"))) {
      int colon = cap.lastIndexOf(':');
      caps.add(new CapRule(cap.substring(0, colon), Integer.parseInt(cap.substring(colon + 1))));
    }
    List<QuotaRule> quotas = new ArrayList<>();
    for (String quota : list(local.get("quotas"))) {
      int equals = quota.indexOf('=');
      int colon = quota.lastIndexOf(':');
      quotas.add(
          new QuotaRule(
              quota.substring(0, equals),
              quota.substring(equals + 1, colon),
              Integer.parseInt(quota.substring(colon + 1))));
    }
    return new RankParams(
        Integer.parseInt(required(local, "reRankDocs", rq)),
        Integer.parseInt(required(local, "k", rq)),
        local.get("solver", "auto"),
        local.get("stockField"),
        local.getInt("minStock", 1),
        List.copyOf(caps),
        List.copyOf(quotas));
  }

  private static String required(SolrParams local, String name, String rq) {
    String value = local.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the test's rq must give " + name + ": " + rq);
    }
    return value;
  }

  private static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          out.add(item.trim());
        }
      }
    }
    return out;
  }
}
