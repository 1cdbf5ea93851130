package io.github.qrerank.it.cloud;

import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import io.github.qrerank.it.demo.catalog.Categories;
import io.github.qrerank.it.demo.catalog.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.solr.client.solrj.SolrQuery;

/**
 * Seeded {@code {!qrerank}} requests whose first pass is a BM25 text query over the demo catalog's
 * {@code title} and {@code description} ({@link CatalogGenerator}): a product type, sometimes with
 * a qualifier, through the configset's edismax ({@code qf=title^3 description}, {@code mm=100%})
 * or, for one request in four, a Lucene query that ORs the words over both fields. Windows from 10
 * to 100, caps, quotas, stock, utility fields, user vectors, paging and {@code fl} lists; always
 * the exact solver, with a budget large enough for a proven optimum on a loaded machine.
 */
final class TextRequests {
  private static final int[] WINDOWS = {10, 20, 50, 100};
  private static final String[] UTILITY = {
    "margin:0.7", "price:-0.5,conversion_rate:1", "is_new:0.2,popularity:0.3"
  };
  // always the score: where first-pass scores tie, the comparison groups the page by score
  private static final String[] FIELD_LISTS = {
    "id,score,[qrerank]", "id,score", "id,title,score,[qrerank]", "score,id"
  };

  private TextRequests() {}

  static SolrQuery next(Random r, CatalogGenerator catalog, boolean debug) {
    // the most frequent categories and types, so that most queries have more hits than a window
    Category category = Categories.ALL.get(r.nextInt(6));
    List<String> types = category.products();
    String words = types.get(r.nextInt(Math.min(4, types.size())));
    if (r.nextInt(3) == 0) {
      words = category.qualifiers().get(r.nextInt(Math.min(6, category.qualifiers().size())))
          + " " + words;
    }
    SolrQuery q = new SolrQuery();
    if (r.nextInt(4) == 0) {
      q.setQuery("title:(" + words + ")^3 description:(" + words + ")");
      q.set("defType", "lucene");
    } else {
      q.setQuery(words);
    }
    int reRankDocs = WINDOWS[r.nextInt(WINDOWS.length)];
    List<String> rq = new ArrayList<>();
    rq.add("reRankDocs=" + reRankDocs);
    rq.add("k=" + (1 + r.nextInt(Math.min(8, reRankDocs))));
    rq.add("solver=exact");
    rq.add("timeoutMs=5000");
    rq.add("scoreWeight=" + (0.5 + r.nextInt(3) * 0.5));
    if (r.nextBoolean()) {
      rq.add("utility=" + UTILITY[r.nextInt(UTILITY.length)]);
    }
    if (r.nextInt(3) != 0) {
      rq.add("vectorField=embedding");
      rq.add("dims=" + (2 + r.nextInt(7)));
      rq.add("lambda=" + (r.nextInt(5) * 0.25));
      if (r.nextBoolean()) {
        String brand = catalog.brandsOf(category.name()).get(r.nextInt(3));
        rq.add("userVector=$uv");
        q.set("uv", vector(catalog.userVector(category.name(), brand)));
      }
    }
    if (r.nextBoolean()) {
      rq.add("stockField=stock");
    }
    int caps = r.nextInt(3);
    if (caps == 1) {
      rq.add("caps=brand:1");
    } else if (caps == 2) {
      rq.add("caps=brand:2,category:2");
    }
    int quotas = r.nextInt(3);
    if (quotas == 1) {
      rq.add("quotas=sponsored=true:1");
    } else if (quotas == 2) {
      rq.add("quotas=is_new=true:1,category=" + category.name() + ":1");
    }
    return RandomRequests.finish(q, rq, FIELD_LISTS, r, debug);
  }

  private static String vector(float[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int d = 0; d < v.length; d++) {
      sb.append(d == 0 ? "" : ",").append(v[d]);
    }
    return sb.append(']').toString();
  }
}
