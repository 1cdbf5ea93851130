package io.github.qrerank.bench;

import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;

/**
 * End-to-end latency of {@code {!qrerank solver=exact}} against {@code {!rerank}} in a real Solr
 * over HTTP, on the demo catalog: the same distinct text queries, each sent once with each rank
 * query, interleaved (the order alternates from one query to the next), after a warm-up on other
 * queries. The main query carries {@code cache=false}, so Solr neither reads nor fills its query
 * result cache. The clock is the client's, around {@code SolrClient.query}.
 */
final class SolrBench {
  static final long CATALOG_SEED = 42L;
  static final long QUERY_SEED = 7L;
  static final int RERANK_DOCS = 100;
  static final int ROWS = 10;
  static final String USER_VECTOR = "uv";
  static final String RERANK_QUERY_PARAM = "rrq";
  static final String QUERY_TEXT = "qq";

  /** The qrerank request: in stock, at most 2 per brand, margin and conversion, diversity. */
  static final String QRERANK =
      "{!qrerank solver=exact reRankDocs="
          + RERANK_DOCS
          + " k=5 stockField=stock caps=brand:2"
          + " utility=margin:0.5,conversion_rate:0.5 vectorField=embedding userVector=$"
          + USER_VECTOR
          + " lambda=0.5}";

  /** The rerank baseline: the same window re-scored by the shopper's vector. */
  static final String RERANK =
      "{!rerank reRankQuery=$"
          + RERANK_QUERY_PARAM
          + " reRankDocs="
          + RERANK_DOCS
          + " reRankWeight=1}";

  static final String RERANK_QUERY = "{!func}vectorSimilarity(embedding,$" + USER_VECTOR + ")";

  record Outcome(String description, Measured measured) {}

  private SolrBench() {}

  static Outcome run(BenchOptions o) throws Exception {
    CatalogGenerator catalog = new CatalogGenerator(CATALOG_SEED);
    try (BenchSolr solr = BenchSolr.start()) {
      BenchMain.progress(String.format(Locale.ROOT, "Solr: indexing %,d products", o.solrDocs()));
      long indexNanos = solr.index(catalog, o.solrDocs());
      int segments = solr.segments();
      Measured m = measure(solr.client(), catalog, o, "Solr");
      String description =
          describe(o, indexNanos, segments, m.queries().size(), m.warmUp(), m.dropped());
      return new Outcome(description, m);
    }
  }

  /**
   * What {@link #measure} found: the queries, both latencies and the check of the answers; {@code
   * firstRerank} and {@code firstQrerank} are the latencies of the first warm-up round, when the
   * JVM had not yet compiled the code of either rank query.
   */
  record Measured(
      List<SolrQuerySet.BenchQuery> queries,
      int warmUp,
      int warmUpRounds,
      int dropped,
      Latencies rerank,
      Latencies qrerank,
      Latencies firstRerank,
      Latencies firstQrerank,
      QrerankCheck.Result check) {

    /** The sentence on the first warm-up round, for the report. */
    String firstRound() {
      return String.format(
          Locale.ROOT,
          "First warm-up round (%d queries, the JIT compiler still at work): p50 rerank %s,"
              + " qrerank %s, ratio %s× — what a freshly started Solr answers for its first"
              + " few hundred queries.",
          firstRerank.count(),
          Format.duration(firstRerank.p50()),
          Format.duration(firstQrerank.p50()),
          Format.decimal((double) firstQrerank.p50() / firstRerank.p50(), 3));
    }
  }

  /**
   * Picks the queries (the same ones for any Solr holding the same catalog), warms up, measures
   * both rank queries interleaved and checks the qrerank answers, against the core or collection
   * {@code products} behind {@code client}.
   */
  static Measured measure(
      SolrClient client, CatalogGenerator catalog, BenchOptions o, String label)
      throws Exception {
    List<SolrQuerySet.BenchQuery> vocabulary = SolrQuerySet.build(catalog, QUERY_SEED);
    List<SolrQuerySet.BenchQuery> measured = new ArrayList<>(o.solrQueries());
    List<SolrQuerySet.BenchQuery> warmUp = new ArrayList<>(o.solrWarmUpQueries());
    int tooFewHits = 0;
    for (SolrQuerySet.BenchQuery q : vocabulary) {
      boolean measure = !q.namesBrand() && measured.size() < o.solrQueries();
      boolean warm = !measure && warmUp.size() < o.solrWarmUpQueries();
      if (!measure && !warm) {
        if (measured.size() == o.solrQueries() && warmUp.size() == o.solrWarmUpQueries()) {
          break;
        }
        continue;
      }
      if (hits(client, q) < o.solrMinHits()) {
        tooFewHits++;
      } else {
        (measure ? measured : warmUp).add(q);
      }
    }
    if (measured.size() < o.solrQueries() || warmUp.size() < o.solrWarmUpQueries()) {
      throw new IllegalStateException(
          "the catalog's vocabulary gives only "
              + measured.size()
              + " measurable and "
              + warmUp.size()
              + " warm-up queries with "
              + o.solrMinHits()
              + " hits or more");
    }
    BenchMain.progress(
        label + ": warm-up, " + o.solrWarmUpRounds() + " rounds of " + warmUp.size()
            + " queries x 2");
    long[][] first = interleaved(client, warmUp);
    for (int round = 1; round < o.solrWarmUpRounds(); round++) {
      int r = round;
      interleaved(client, warmUp.stream().map(q -> q.nudged(r)).toList());
    }
    BenchMain.progress(label + ": measuring, " + measured.size() + " queries x 2");
    System.gc();
    long[][] times = interleaved(client, measured);
    BenchMain.progress(label + ": checking the qrerank answers (debugQuery, untimed)");
    QrerankCheck.Result check = QrerankCheck.run(client, measured, SolrBench::qrerank);
    return new Measured(
        measured,
        warmUp.size(),
        o.solrWarmUpRounds(),
        tooFewHits,
        new Latencies(times[0]),
        new Latencies(times[1]),
        new Latencies(first[0]),
        new Latencies(first[1]),
        check);
  }

  /**
   * Runs each query with both rank queries, alternating which goes first; [0] rerank, [1] qrerank.
   */
  private static long[][] interleaved(SolrClient client, List<SolrQuerySet.BenchQuery> queries)
      throws Exception {
    long[][] t = new long[2][queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      SolrQuerySet.BenchQuery q = queries.get(i);
      if (i % 2 == 0) {
        t[0][i] = timed(client, rerank(q));
        t[1][i] = timed(client, qrerank(q));
      } else {
        t[1][i] = timed(client, qrerank(q));
        t[0][i] = timed(client, rerank(q));
      }
    }
    return t;
  }

  /** Hits of the main query alone (untimed; used to pick queries whose window is full). */
  private static long hits(SolrClient client, SolrQuerySet.BenchQuery q) throws Exception {
    SolrQuery query = base(q);
    query.setRows(0);
    return client.query(BenchSolr.CORE, query).getResults().getNumFound();
  }

  private static long timed(SolrClient client, SolrQuery query) throws Exception {
    long start = System.nanoTime();
    QueryResponse response = client.query(BenchSolr.CORE, query);
    long nanos = System.nanoTime() - start;
    if (response.getResults().getNumFound() == 0) {
      throw new IllegalStateException(
          "no hits for " + query + "; the benchmark needs full windows");
    }
    return nanos;
  }

  static SolrQuery base(SolrQuerySet.BenchQuery q) {
    // defType=lucene: Solr parses local params in q only for the lucene (and func) parser; the
    // edismax query inside then takes qf and mm from the handler's defaults.
    SolrQuery query = new SolrQuery("{!edismax cache=false v=$" + QUERY_TEXT + "}");
    query.set("defType", "lucene");
    query.set(QUERY_TEXT, q.text());
    query.setRows(ROWS);
    query.setFields("id", "score");
    query.set(USER_VECTOR, q.userVectorParam());
    return query;
  }

  static SolrQuery rerank(SolrQuerySet.BenchQuery q) {
    SolrQuery query = base(q);
    query.set("rq", RERANK);
    query.set(RERANK_QUERY_PARAM, RERANK_QUERY);
    return query;
  }

  static SolrQuery qrerank(SolrQuerySet.BenchQuery q) {
    SolrQuery query = base(q);
    query.set("rq", QRERANK);
    return query;
  }

  private static String describe(
      BenchOptions o, long indexNanos, int segments, int measured, int warmUp, int dropped) {
    return String.format(
        Locale.ROOT,
        "A real Solr %s (Jetty on 127.0.0.1, HTTP, javabin) in the benchmark JVM, core `products`"
            + " from `configsets/products` with the plugin on the class path, holding the demo's"
            + " catalog: %,d products from `CatalogGenerator(%d)` (indexed in %s, %d segment(s),"
            + " not merged). %d distinct text queries from the catalog's vocabulary (nouns,"
            + " qualifiers, \"qualifier noun\"), each with a shopper vector `uv` from"
            + " `CatalogGenerator.userVector(category, brand)`, taken in a seeded order among those"
            + " with at least %d hits%s (%d candidates with fewer were passed over). Queries naming"
            + " a brand are not measured: their windows are mostly one brand, so `caps=brand:2`"
            + " leaves 2 to select, an easier solve than the diverse windows measured here. Every"
            + " measured query is sent once with each rank query, the two interleaved and the order"
            + " alternating, after %d rounds of the %d warm-up queries (other texts, brand queries"
            + " included) sent the same way, so that both rank queries run compiled code, as in a"
            + " Solr that has been serving for a while; each round moves the shopper vectors by"
            + " 10⁻⁵ so that no warm-up request is answered from Solr's query result cache. Main"
            + " query `defType=lucene&q={!edismax cache=false v=$qq}&qq=TEXT` (qf"
            + " and mm from the configset's /select defaults), `rows=%d`, `fl=id,score`. Solr's"
            + " query result cache stays on (`cache=false` keeps the main query out of it, not the"
            + " rank query that wraps it), but no measured text repeats, so no measured request"
            + " can be answered from it. The time is the client's, around the HTTP request.\n\n"
            + "- rerank: `rq=%s` with `%s=%s`\n"
            + "- qrerank: `rq=%s` (timeoutMs at the configset default)",
        Versions.load().solr(),
        o.solrDocs(),
        CATALOG_SEED,
        Format.duration(indexNanos),
        segments,
        measured,
        o.solrMinHits(),
        o.solrMinHits() >= RERANK_DOCS ? ", so that every window is full" : "",
        dropped,
        o.solrWarmUpRounds(),
        warmUp,
        ROWS,
        RERANK,
        RERANK_QUERY_PARAM,
        RERANK_QUERY,
        QRERANK);
  }
}
