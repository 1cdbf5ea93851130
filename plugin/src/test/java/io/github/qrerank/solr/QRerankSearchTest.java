package io.github.qrerank.solr;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import io.github.qrerank.solr.search.QRerankOutcome;
import io.github.qrerank.solr.search.QRerankQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.search.DocIterator;
import org.apache.solr.search.DocList;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QueryCommand;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.util.RefCounted;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Re-ranking on a product catalog indexed in three segments with deletions: the result order and
 * scores, paging, sort, filters, the query result cache, small and empty results, missing values,
 * what is read from the index, and the transformer and debug output.
 */
public class QRerankSearchTest extends QRerankTestCase {
  static final Catalog CATALOG = new Catalog(11L, 90);
  static final String[] DELETED = {"p004", "p031", "p047", "p062", "p088"};
  static final String Q = "phone case pro";

  @BeforeClass
  public static void beforeClass() throws Exception {
    initQRerankCore();
    index(CATALOG, 3, DELETED);
  }

  /** The first pass of a request: its hits' ids and scores without {@code rq}. */
  static Map<String, Object> firstPass(String... params) throws Exception {
    List<String> p = new ArrayList<>(List.of(params));
    p.addAll(List.of("fl", "id,score", "rows", "1000"));
    return query(p.toArray(new String[0]));
  }

  /** The re-ranked request with every hit, the transformer and the debug section. */
  static Map<String, Object> reranked(String rq, String... params) throws Exception {
    List<String> p = new ArrayList<>(List.of(params));
    p.addAll(List.of("rq", rq, "fl", "id,score,[qrerank]", "rows", "1000", "debugQuery", "true"));
    return query(p.toArray(new String[0]));
  }

  /**
   * The re-ranked request ({@link #reranked}), checked against the contract with its first pass
   * ({@link Contract#check}, which also asserts that it lists the expected ids) and as many hits.
   */
  static Map<String, Object> checkContract(String rq, int reRankDocs, String... params)
      throws Exception {
    Map<String, Object> first = firstPass(params);
    Map<String, Object> rsp = reranked(rq, params);
    assertEquals(numFound(first), numFound(rsp));
    Contract.check(rsp, ids(first), scores(first), reRankDocs);
    return rsp;
  }

  @Test
  public void orderAndScoresFollowTheContract() throws Exception {
    Map<String, Object> rsp =
        checkContract(
            "{!qrerank reRankDocs=15 k=5 caps=brand:1 utility=margin:1 userVector=$uv}",
            15,
            "q", Q, "uv", "[0.3,-0.2,0.9,0.1]");
    assertTrue("the window is smaller than the hits", ids(rsp).size() > 15);
    checkContract("{!qrerank}", 20, "q", Q);
    Map<String, Object> defaults = debugSection(reranked("{!qrerank}", "q", Q));
    assertEquals("init arg k=4 is the default", 4, integer(defaults.get("k")));
    assertEquals("init arg solver", "exact", defaults.get("solverRequested"));
    assertEquals("init arg reRankDocs", 20, integer(defaults.get("windowSize")));
    assertEquals("built-in lambda", 0.5, num(defaults.get("lambda")), 0);
  }

  @Test
  public void pagingIsConsistentWithinAndBeyondTheWindow() throws Exception {
    String rq = "{!qrerank reRankDocs=10 k=4 lambda=1 caps=category:1}";
    Map<String, Object> all = reranked(rq, "q", Q);
    Contract.check(all, ids(firstPass("q", Q)), scores(firstPass("q", Q)), 10);
    List<String> ids = ids(all);
    List<Float> scores = scores(all);
    assertTrue(ids.size() > 25);
    for (int rows : new int[] {1, 3, 7}) {
      for (int start = 0; start < ids.size() + rows; start += rows) {
        Map<String, Object> page =
            query("q", Q, "rq", rq, "fl", "id,score", "start", "" + start, "rows", "" + rows);
        int end = Math.min(ids.size(), start + rows);
        List<String> want = start >= ids.size() ? List.of() : ids.subList(start, end);
        assertEquals("start=" + start + " rows=" + rows, want, ids(page));
        if (start < ids.size()) {
          assertEquals(scores.subList(start, end), scores(page));
        }
      }
    }
    Map<String, Object> inside = query("q", Q, "rq", rq, "fl", "id", "start", "2", "rows", "5");
    assertEquals(ids.subList(2, 7), ids(inside));
    Map<String, Object> outside = query("q", Q, "rq", rq, "fl", "id", "start", "25", "rows", "4");
    assertEquals(ids.subList(25, 29), ids(outside));
  }

  @Test
  public void sortGivesTheFirstPassOrder() throws Exception {
    String[] params = {"q", Q, "sort", "price asc, id asc"};
    List<String> reranked =
        ids(checkContract("{!qrerank reRankDocs=12 k=3 caps=brand:1}", 12, params));
    List<String> sorted = ids(firstPass(params));
    assertEquals("after the window the sort order holds", sorted.subList(12, sorted.size()),
        reranked.subList(12, reranked.size()));
  }

  @Test
  public void filterQueriesLimitTheWindow() throws Exception {
    String[] params = {"q", Q, "fq", "category:mobile"};
    checkContract("{!qrerank reRankDocs=8 k=3}", 8, params);
    Map<String, Object> rsp = reranked("{!qrerank reRankDocs=8 k=3}", params);
    for (Map<String, Object> d : windowDocs(debugSection(rsp))) {
      assertEquals("mobile", CATALOG.get((String) d.get("id")).category());
    }
  }

  @Test
  public void fewerHitsThanK() throws Exception {
    String[] params = {"q", "id:(p001 OR p002)"};
    checkContract("{!qrerank k=4}", 20, params);
    Map<String, Object> section = debugSection(reranked("{!qrerank k=4}", params));
    assertEquals(2, integer(section.get("windowSize")));
    assertEquals(2, integer(section.get("selectedCount")));
    assertEquals(4, integer(section.get("k")));
    assertEquals(Boolean.FALSE, section.get("complete"));
    assertEquals(Boolean.TRUE, section.get("infeasible"));
  }

  @Test
  public void emptyResult() throws Exception {
    Map<String, Object> rsp = reranked("{!qrerank k=4}", "q", "title:nosuchword");
    assertEquals(0, numFound(rsp));
    assertTrue(docs(rsp).isEmpty());
    Map<String, Object> section = debugSection(rsp);
    assertEquals(0, integer(section.get("windowSize")));
    assertEquals(0, integer(section.get("selectedCount")));
    assertEquals(Boolean.TRUE, section.get("infeasible"));
    assertTrue(windowDocs(section).isEmpty());
  }

  @Test
  public void severalSegmentsWithDeletions() throws Exception {
    RefCounted<SolrIndexSearcher> ref = h.getCore().getSearcher();
    try {
      IndexReader reader = ref.get().getIndexReader();
      assertTrue("several segments", reader.leaves().size() >= 3);
      assertEquals(DELETED.length, reader.numDeletedDocs());
    } finally {
      ref.decref();
    }
    Map<String, Object> rsp = reranked("{!qrerank reRankDocs=1000 k=6 caps=category:2}", "q", "*:*");
    Contract.check(rsp, ids(firstPass("q", "*:*")), scores(firstPass("q", "*:*")), 1000);
    Set<String> window = new HashSet<>();
    for (Map<String, Object> d : windowDocs(debugSection(rsp))) {
      window.add((String) d.get("id"));
    }
    assertEquals(CATALOG.all().size() - DELETED.length, window.size());
    for (String id : DELETED) {
      assertFalse(id, window.contains(id));
      assertFalse(id, ids(rsp).contains(id));
    }
  }

  @Test
  public void transformerWithoutQRerankAddsNothing() throws Exception {
    Map<String, Object> rsp = query("q", Q, "fl", "id,[qrerank]", "rows", "5");
    assertEquals(5, docs(rsp).size());
    for (Map<String, Object> d : docs(rsp)) {
      assertFalse(d.containsKey("[qrerank]"));
    }
  }

  @Test
  public void debugSectionOnlyWithDebugQuery() throws Exception {
    Map<String, Object> rsp = query("q", Q, "rq", "{!qrerank}", "fl", "id");
    assertNull(rsp.get("debug"));
    Map<String, Object> explained =
        query("q", Q, "rq", "{!qrerank}", "fl", "id", "debugQuery", "true", "rows", "2");
    Map<String, Object> explain = map(map(explained.get("debug")).get("explain"));
    for (Object text : explain.values()) {
      assertTrue(text.toString(), text.toString().contains("qrerank re-ranks the top 20"));
    }
  }

  static long queryResultCacheHits() {
    for (Map.Entry<String, Metric> e :
        h.getCore().getSolrMetricsContext().getMetricRegistry().getMetrics().entrySet()) {
      if (e.getKey().endsWith("queryResultCache")
          && e.getValue() instanceof Gauge<?> g
          && g.getValue() instanceof Map<?, ?> stats) {
        return ((Number) stats.get("hits")).longValue();
      }
    }
    throw new AssertionError(
        "no queryResultCache metrics in "
            + h.getCore().getSolrMetricsContext().getMetricRegistry().getMetrics().keySet());
  }

  @Test
  public void queryResultCacheKeepsRequestsApartAndRecomputesTheOutcome() throws Exception {
    String rq = "{!qrerank reRankDocs=15 k=4 affinityWeight=5 userVector=$uv}";
    String[] a = {"q", Q, "uv", "[1,0,0,0]"};
    String[] b = {"q", Q, "uv", "[-1,0,0,0]"};
    List<String> firstIds = ids(firstPass(a));
    List<Float> firstScores = scores(firstPass(a));

    long hits0 = queryResultCacheHits();
    Map<String, Object> first = reranked(rq, a);
    assertEquals(Boolean.FALSE, debugSection(first).get("recomputed"));
    assertEquals("a new query is not a hit", hits0, queryResultCacheHits());

    Map<String, Object> cached =
        query("q", Q, "uv", "[1,0,0,0]", "rq", rq, "fl", "id,score", "rows", "1000");
    assertEquals("an equal query is a hit", hits0 + 1, queryResultCacheHits());
    assertEquals(ids(first), ids(cached));
    assertEquals(scores(first), scores(cached));

    // From the cache again, now with the transformer and the debug section: the collector does
    // not run, so both recompute the outcome (the recomputation's own first pass may be a hit).
    Map<String, Object> again = reranked(rq, a);
    assertTrue(queryResultCacheHits() >= hits0 + 2);
    assertEquals(Boolean.TRUE, debugSection(again).get("recomputed"));
    Contract.check(again, firstIds, firstScores, 15);
    assertEquals(ids(first), ids(again));
    assertEquals(scores(first), scores(again));
    assertEquals(windowDocs(debugSection(first)), windowDocs(debugSection(again)));
    for (int i = 0; i < docs(first).size(); i++) {
      assertEquals(docs(first).get(i).get("[qrerank]"), docs(again).get(i).get("[qrerank]"));
    }
    Map<String, Object> page = query("q", Q, "uv", "[1,0,0,0]", "rq", rq, "fl", "id,[qrerank]");
    assertEquals(ids(first).subList(0, 10), ids(page));
    assertEquals(docs(first).get(0).get("[qrerank]"), docs(page).get(0).get("[qrerank]"));

    String[] sortedAndFiltered = {"q", Q, "fq", "-brand:acme", "sort", "popularity desc"};
    Map<String, Object> sorted = reranked("{!qrerank k=3 caps=category:1}", sortedAndFiltered);
    Map<String, Object> sortedAgain = reranked("{!qrerank k=3 caps=category:1}", sortedAndFiltered);
    assertEquals(Boolean.FALSE, debugSection(sorted).get("recomputed"));
    assertEquals(Boolean.TRUE, debugSection(sortedAgain).get("recomputed"));
    Map<String, Object> sortedFirst = firstPass(sortedAndFiltered);
    Contract.check(sortedAgain, ids(sortedFirst), scores(sortedFirst), 20);
    assertEquals(windowDocs(debugSection(sorted)), windowDocs(debugSection(sortedAgain)));

    long hits1 = queryResultCacheHits();
    Map<String, Object> other = reranked(rq, b);
    assertEquals("another userVector is another query", hits1, queryResultCacheHits());
    assertEquals(Boolean.FALSE, debugSection(other).get("recomputed"));
    Contract.check(other, firstIds, firstScores, 15);
    assertNotEquals(
        "opposite user vectors select differently",
        ids(first).subList(0, 4),
        ids(other).subList(0, 4));
  }

  @Test
  public void cacheFalseKeepsTheRequestOutOfTheQueryResultCache() throws Exception {
    String rq = "{!qrerank cache=false k=3 lambda=0.25}";
    long hits = queryResultCacheHits();
    Map<String, Object> first = query("q", Q, "rq", rq, "fl", "id,score", "rows", "1000");
    Map<String, Object> again = reranked(rq, "q", Q);
    assertEquals(hits, queryResultCacheHits());
    assertEquals(Boolean.FALSE, debugSection(again).get("recomputed"));
    assertEquals(ids(first), ids(again));
  }

  @Test
  @SuppressWarnings("unchecked")
  public void debugSectionFieldByField() throws Exception {
    String rq =
        "{!qrerank reRankDocs=12 k=3 dims=2 lambda=0.75 stockField=stock minStock=2"
            + " utility=popularity:0.5 scoreWeight=2 caps=brand:1 quotas=is_new=true:1}";
    Map<String, Object> first = firstPass("q", Q);
    Map<String, Object> rsp = reranked(rq, "q", Q);
    Contract.check(rsp, ids(first), scores(first), 12);
    Map<String, Object> s = debugSection(rsp);
    assertEquals(Boolean.FALSE, s.get("recomputed"));
    assertEquals("auto", debugSection(reranked("{!qrerank solver=auto}", "q", Q)).get("solverRequested"));
    assertEquals("exact", s.get("solverRequested"));
    assertEquals("exact", s.get("solver"));
    assertNull(s.get("fallbackReason"));
    assertEquals(Boolean.TRUE, s.get("provenOptimal"));
    assertEquals(num(s.get("objective")), num(s.get("upperBound")), 1e-12);
    assertEquals(12, integer(s.get("windowSize")));
    assertEquals(scores(first).get(0), flt(s.get("maxFirstPassScore")), 0f);
    assertEquals(3, integer(s.get("k")));
    assertEquals(3, integer(s.get("selectedCount")));
    assertEquals(Boolean.TRUE, s.get("complete"));
    assertEquals(Boolean.FALSE, s.get("infeasible"));
    assertEquals(0.75, num(s.get("lambda")), 0);
    assertEquals(2, integer(s.get("dims")));
    assertEquals(2, integer(s.get("componentsKept")));
    assertEquals(2.0, num(s.get("scoreWeight")), 0);
    assertEquals(1.0, num(s.get("affinityWeight")), 0);
    assertEquals(Map.of("popularity", 0.5), s.get("utilityWeights"));
    assertEquals("stock", s.get("stockField"));
    assertEquals(2.0, num(s.get("minStock")), 0);
    Map<String, Object> timings = map(s.get("timingsMs"));
    assertEquals(List.of("features", "compression", "solve", "rewrite"),
        new ArrayList<>(timings.keySet()));
    for (Object t : timings.values()) {
      assertTrue(num(t) >= 0);
    }
    int eligible = 0;
    Set<String> brands = new HashSet<>();
    int isNew = 0;
    for (Map<String, Object> d : windowDocs(s)) {
      Catalog.Product p = CATALOG.get((String) d.get("id"));
      assertEquals(
          List.of("id", "firstPassRank", "firstPassScore", "normalizedScore", "affinity",
              "utility", "v", "z", "eligible", "stock", "groups", "selected"),
          new ArrayList<>(d.keySet()).subList(0, 12));
      assertEquals(0.0, num(d.get("affinity")), 0);
      assertEquals(p.stock() == null ? null : p.stock().doubleValue(),
          d.get("stock") == null ? null : num(d.get("stock")));
      boolean isEligible = p.stock() != null && p.stock() >= 2;
      assertEquals(isEligible, d.get("eligible"));
      eligible += isEligible ? 1 : 0;
      Map<String, Object> groups = map(d.get("groups"));
      assertEquals(List.of("brand", "is_new"), new ArrayList<>(groups.keySet()));
      assertEquals(p.brand(), groups.get("brand"));
      assertEquals(p.isNew() == null ? null : p.isNew().toString(), groups.get("is_new"));
      List<Object> z = (List<Object>) d.get("z");
      assertEquals(p.embedding() == null, z == null);
      if (z != null) {
        assertEquals(2, z.size());
      }
      if ((Boolean) d.get("selected")) {
        assertTrue((Boolean) d.get("eligible"));
        assertTrue("brand cap", p.brand() == null || brands.add(p.brand()));
        isNew += Boolean.TRUE.equals(p.isNew()) ? 1 : 0;
      }
    }
    assertEquals(eligible, integer(s.get("eligibleCount")));
    assertTrue("is_new quota", isNew >= 1);
    Map<String, Object> constraints = map(s.get("constraints"));
    Map<String, Object> cap = map(((List<Object>) constraints.get("caps")).get(0));
    assertEquals("brand", cap.get("field"));
    assertEquals(1, integer(cap.get("max")));
    assertEquals(brands.isEmpty() ? 0 : 1, integer(cap.get("used")));
    assertEquals(brands, map(cap.get("perGroup")).keySet());
    Map<String, Object> quota = map(((List<Object>) constraints.get("quotas")).get(0));
    assertEquals(Map.of("field", "is_new", "value", "true", "min", 1L, "achieved", (long) isNew,
        "met", true), quota);
  }

  @Test
  public void theOutcomeIsSharedByCopiesAndReleasedWhenTheRequestEnds() throws Exception {
    SolrQueryRequest req = req("q", "title:phone");
    SolrRequestInfo.setRequestInfo(new SolrRequestInfo(req, new SolrQueryResponse()));
    QRerankQuery parsed;
    try {
      parsed = (QRerankQuery) QParser.getParser("{!qrerank k=2 reRankDocs=6}", req).getQuery();
      Query main = QParser.getParser("title:phone", req).getQuery();
      QueryCommand cmd =
          new QueryCommand()
              .setQuery(parsed.wrap(main))
              .setLen(10)
              .setFlags(SolrIndexSearcher.GET_SCORES | SolrIndexSearcher.NO_CHECK_QCACHE);
      DocList list = req.getSearcher().search(cmd).getDocList();
      QRerankOutcome outcome = parsed.outcome();
      assertNotNull("the parsed query sees what its wrapped copy collected", outcome);
      assertFalse(outcome.recomputed());
      assertEquals(6, outcome.windowSize());
      int[] selected = outcome.selected();
      assertEquals(2, selected.length);
      DocIterator it = list.iterator();
      for (int p = 0; p < selected.length; p++) {
        assertEquals(outcome.windowDoc(selected[p]), it.nextDoc());
        assertEquals((float) ((double) outcome.maxWindowScore() + (2 - p)), it.score(), 0f);
      }
    } finally {
      SolrRequestInfo.clearRequestInfo();
      req.close();
    }
    assertNull("released with the request, though the cache keeps the query", parsed.outcome());
  }
}
