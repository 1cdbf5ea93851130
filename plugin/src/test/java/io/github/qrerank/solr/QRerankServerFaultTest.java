package io.github.qrerank.solr;

import static io.github.qrerank.solr.QRerankSearchTest.firstPass;
import static io.github.qrerank.solr.QRerankSearchTest.queryResultCacheHits;
import static io.github.qrerank.solr.QRerankSearchTest.reranked;

import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.Map;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.servlet.ResponseUtils;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server fault at request time stays a server error (HTTP 500), unlike Solr's {@code
 * ReRankCollector}, which answers every exception with a 400: the index cannot be read while
 * re-ranking. The fault is real: {@code margin_failing} is stored in the test docValues format
 * {@link FailingDocValuesFormat}, whose reads fail with an {@link java.io.IOException} while a test
 * arms it; nothing but qrerank reads that field, so the first pass runs and the fault happens in
 * qrerank's own reading of the window. The status is the one Solr's HTTP layer writes for the
 * request's exception ({@link ResponseUtils#getErrorInfo}, as {@code HttpSolrCall} does), and Solr
 * counts the request among the handler's server errors, not its client errors.
 */
public class QRerankServerFaultTest extends QRerankTestCase {
  private static final Logger log = LoggerFactory.getLogger(MethodHandles.lookup().lookupClass());
  static final Catalog CATALOG = new Catalog(29L, 60);
  static final String Q = "phone case pro";

  @BeforeClass
  public static void beforeClass() throws Exception {
    initCore("solrconfig-fault.xml", "schema-fault.xml");
    index(CATALOG, 2);
  }

  @After
  public void disarm() {
    FailingDocValuesFormat.failing = false;
  }

  /** The exception of a request run while the format's reads fail (asserting that it fails). */
  private static Exception underFault(String... params) {
    ignoreException(FailingDocValuesFormat.MESSAGE);
    FailingDocValuesFormat.failing = true;
    try {
      query(params);
    } catch (Exception e) {
      return e;
    } finally {
      FailingDocValuesFormat.failing = false;
      unIgnoreException(FailingDocValuesFormat.MESSAGE);
    }
    throw new AssertionError("expected the read fault to fail " + Arrays.toString(params));
  }

  /**
   * {@code params} answered with a 500 whose message is the read fault, not a parameter error, and
   * counted by Solr as a server error of /select (of its shard side, {@code /select[shard]}, for a
   * shard request).
   */
  private static void assertServerError(String... params) {
    String handler = Arrays.asList(params).contains("isShard") ? "/select[shard]" : "/select";
    long server = errors(handler, "serverErrors");
    long client = errors(handler, "clientErrors");
    Exception e = underFault(params);
    NamedList<Object> info = new NamedList<>();
    int status = ResponseUtils.getErrorInfo(e, info, log);
    assertEquals(e.toString(), SolrException.ErrorCode.SERVER_ERROR.code, status);
    assertEquals(500, info.get("code"));
    String message = (String) info.get("msg");
    assertTrue(message, message.contains(FailingDocValuesFormat.MESSAGE + "margin_failing'"));
    assertFalse("not a parameter error: " + message, message.contains("qrerank: '"));
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SolrException s) {
        assertEquals("no client error code on the way: " + s, 500, s.code());
      }
    }
    assertEquals("a server error for Solr", server + 1, errors(handler, "serverErrors"));
    assertEquals("not a client error", client, errors(handler, "clientErrors"));
  }

  /** The count of a handler's {@code serverErrors} or {@code clientErrors} meter. */
  private static long errors(String handler, String meter) {
    String name = "QUERY." + handler + "." + meter;
    Metric metric = h.getCore().getSolrMetricsContext().getMetricRegistry().getMetrics().get(name);
    assertTrue("no meter " + name, metric instanceof Meter);
    return ((Meter) metric).getCount();
  }

  @Test
  public void aReadFaultWhileReRankingIsAServerError() throws Exception {
    String rq = "{!qrerank reRankDocs=15 k=4 utility=margin_failing:1}";
    assertServerError("q", Q, "rq", rq, "fl", "id,score");

    // The failed request cached nothing: the same request, the fault gone, runs the collector and
    // answers as the contract says, with what the healthy copy of the field gives.
    long hits = queryResultCacheHits();
    Map<String, Object> healthy = reranked(rq, "q", Q);
    assertEquals("not served from the query result cache", hits, queryResultCacheHits());
    assertEquals(Boolean.FALSE, debugSection(healthy).get("recomputed"));
    Map<String, Object> first = firstPass("q", Q);
    Contract.check(healthy, ids(first), scores(first), 15);
    Map<String, Object> same =
        reranked("{!qrerank reRankDocs=15 k=4 utility=margin:1}", "q", Q);
    assertEquals(ids(same), ids(healthy));
    assertEquals(scores(same), scores(healthy));
  }

  @Test
  public void aReadFaultWhileRecomputingForTheDebugSectionIsAServerError() throws Exception {
    // a main query of its own, so that the only cache hit below is the ranked list's
    String q = "charger cable";
    String rq = "{!qrerank reRankDocs=12 k=3 utility=margin_failing:1}";
    query("q", q, "rq", rq, "fl", "id,score");
    long hits = queryResultCacheHits();
    // The ranked list comes from the query result cache, so the debug component runs the first
    // pass and reads the window again, and the read fails.
    assertServerError("q", q, "rq", rq, "fl", "id,score", "debugQuery", "true");
    assertEquals("the ranked list came from the cache", hits + 1, queryResultCacheHits());
  }

  @Test
  public void aReadFaultOnAShardIsAServerError() throws Exception {
    assertServerError(
        "q", Q, "rq", "{!qrerank reRankDocs=10 k=3 utility=margin_failing:2}", "isShard", "true",
        "fsv", "true", "fl", "id,score");
  }

  @Test
  public void aBadParameterIsStillAClientError() {
    long client = errors("/select", "clientErrors");
    SolrException e = error("q", Q, "rq", "{!qrerank utility=margin_failing:x}");
    assertEquals(400, e.code());
    assertTrue(e.getMessage(), e.getMessage().startsWith("qrerank: 'utility'"));
    assertEquals(client + 1, errors("/select", "clientErrors"));
  }
}
