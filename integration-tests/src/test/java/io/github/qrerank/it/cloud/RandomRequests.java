package io.github.qrerank.it.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.solr.client.solrj.SolrQuery;

/**
 * Seeded {@code {!qrerank}} requests over {@link TestProducts} whose first pass scores the same on
 * any number of shards: a function of the document's own fields ({@code defType=func}), which no
 * index statistics enter. Windows from 8 to 100, caps, quotas, stock, utility fields, user vectors,
 * filters, paging and {@code fl} lists Solr answers in two passes or one (key and scores only);
 * always the exact solver, with a budget large enough for a proven optimum on a loaded machine.
 */
final class RandomRequests {
  private static final String[] MAIN = {"popularity", "sum(popularity,margin)"};
  private static final String[] FILTERS = {
    null, null, "category:(coffee OR tea)", "stock:[1 TO *]", "price:[10 TO 70]", "brand:*"
  };
  private static final String[] FIELD_LISTS = {
    "id,score,[qrerank]", "id,score", "*,score,[qrerank]", "id", "id,s:score", "score"
  };
  private static final int[] WINDOWS = {8, 20, 50, 100};

  private RandomRequests() {}

  static SolrQuery next(Random r, boolean debug) {
    SolrQuery q = new SolrQuery(MAIN[r.nextInt(MAIN.length)]);
    q.set("defType", "func");
    String fq = FILTERS[r.nextInt(FILTERS.length)];
    if (fq != null) {
      q.addFilterQuery(fq);
    }
    int reRankDocs = WINDOWS[r.nextInt(WINDOWS.length)];
    int k = 1 + r.nextInt(Math.min(8, reRankDocs));
    List<String> rq = new ArrayList<>();
    rq.add("reRankDocs=" + reRankDocs);
    rq.add("k=" + k);
    rq.add("solver=exact");
    rq.add("timeoutMs=5000");
    rq.add("scoreWeight=" + (0.5 + r.nextInt(3) * 0.5));
    if (r.nextBoolean()) {
      rq.add(
          "utility="
              + List.of("margin:0.7", "price:-0.01,conversion_rate:3", "is_new:0.2,margin:0.3")
                  .get(r.nextInt(3)));
    }
    if (r.nextInt(3) != 0) {
      rq.add("vectorField=embedding");
      rq.add("dims=" + (2 + r.nextInt(7)));
      rq.add("lambda=" + (r.nextInt(5) * 0.25));
      if (r.nextBoolean()) {
        rq.add("userVector=$uv");
        rq.add("affinityWeight=" + (0.5 + r.nextInt(3) * 0.5));
        q.set("uv", TestProducts.vector(r));
      }
    }
    if (r.nextBoolean()) {
      rq.add("stockField=stock");
    }
    int caps = r.nextInt(4);
    if (caps == 1) {
      rq.add("caps=brand:1");
    } else if (caps == 2) {
      rq.add("caps=brand:2,category:2");
    }
    int quotas = r.nextInt(4);
    if (quotas == 1) {
      rq.add("quotas=category=tea:2");
    } else if (quotas == 2) {
      rq.add("quotas=brand=bolt:1,category=juice:1");
    }
    return finish(q, rq, FIELD_LISTS, r, debug);
  }

  /**
   * Sets {@code rq} as the request's {@code {!qrerank ...}}, then an {@code fl} from {@code
   * fieldLists}, a start (0, or below 10 for one request in four), rows from 5 to 64, and {@code
   * debugQuery} when asked: the part every seeded request generator here ends with.
   */
  static SolrQuery finish(
      SolrQuery q, List<String> rq, String[] fieldLists, Random r, boolean debug) {
    q.set("rq", "{!qrerank " + String.join(" ", rq) + "}");
    q.setFields(fieldLists[r.nextInt(fieldLists.length)]);
    q.setStart(r.nextInt(4) == 0 ? r.nextInt(10) : 0);
    q.setRows(5 + r.nextInt(60));
    if (debug) {
      q.set("debugQuery", true);
    }
    return q;
  }
}
