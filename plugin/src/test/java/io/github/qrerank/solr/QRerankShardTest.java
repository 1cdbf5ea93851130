package io.github.qrerank.solr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The shard side of a distributed request ({@code isShard=true}): a shard keeps its first-pass
 * order and scores, selects nothing, writes no transformer values or debug section, and sends its
 * candidates with their raw values in the {@code qrerank.window} section (read back here from its
 * JSON form, where the little-endian binary arrays are base64 text). The shard role is part of the
 * query's identity: on one core a shard request and the same request off a shard, in either order,
 * never answer from each other's query result cache entry.
 */
public class QRerankShardTest extends QRerankTestCase {
  static final Catalog CATALOG = new Catalog(23L, 70);
  static final String Q = "phone case pro";
  static final String RQ =
      "{!qrerank reRankDocs=12 k=3 caps=brand:1 quotas=category=audio:1 stockField=stock"
          + " utility=margin:1,is_new:0.5 vectorField=embedding}";

  @BeforeClass
  public static void beforeClass() throws Exception {
    initQRerankCore();
    index(CATALOG, 2);
  }

  private static Map<String, Object> shard(String rq, String rows, String... more)
      throws Exception {
    List<String> p =
        new java.util.ArrayList<>(
            List.of("q", Q, "rq", rq, "isShard", "true", "fsv", "true", "rows", rows));
    p.addAll(List.of(more));
    return query(p.toArray(new String[0]));
  }

  private static Map<String, Object> window(Map<String, Object> rsp) {
    Map<String, Object> w = map(rsp.get("qrerank.window"));
    assertNotNull("no qrerank.window in " + rsp.keySet(), w);
    return w;
  }

  @Test
  public void aShardKeepsItsFirstPassAndSendsTheWindowsRawValues() throws Exception {
    Map<String, Object> first = QRerankSearchTest.firstPass("q", Q);
    Map<String, Object> rsp = shard(RQ, "5", "fl", "id,score,[qrerank]", "debugQuery", "true");
    assertEquals("first-pass order", ids(first).subList(0, 5), ids(rsp));
    assertEquals("first-pass scores", scores(first).subList(0, 5), scores(rsp));
    for (Map<String, Object> d : docs(rsp)) {
      assertNull("the coordinator writes [qrerank], not a shard", d.get("[qrerank]"));
    }
    assertNull("no debug section on a shard", map(rsp.get("debug")).get("qrerank"));

    Map<String, Object> w = window(rsp);
    assertEquals(1, integer(w.get("v")));
    assertEquals("reRankDocs candidates although rows=5", ids(first).subList(0, 12), w.get("ids"));
    float[] scores = floats(w.get("scores"), 12);
    for (int i = 0; i < 12; i++) {
      assertEquals(scores(first).get(i), scores[i], 0f);
    }
    assertEquals(12, integer(w.get("window")));
    Map<String, Object> numeric = map(w.get("numeric"));
    assertEquals(List.of("margin", "is_new", "stock"), List.copyOf(numeric.keySet()));
    double[] margin = doubles(numeric.get("margin"), 12);
    double[] isNew = doubles(numeric.get("is_new"), 12);
    double[] stock = doubles(numeric.get("stock"), 12);
    Map<String, Object> groups = map(w.get("groups"));
    String[] brands = groups(groups.get("brand"), 12);
    String[] categories = groups(groups.get("category"), 12);
    int dims = integer(w.get("vectorDims"));
    assertEquals(4, dims);
    byte[] has = Base64.getDecoder().decode((String) w.get("hasVector"));
    int present = 0;
    for (int i = 0; i < 12; i++) {
      present += (has[i >> 3] >> (i & 7)) & 1;
    }
    float[] vectors = floats(w.get("vectors"), present * dims);
    int v = 0;
    for (int i = 0; i < 12; i++) {
      Catalog.Product p = CATALOG.get(ids(first).get(i));
      assertEquals(p.id(), p.margin() == null ? Double.NaN : p.margin(), margin[i], 0);
      assertEquals(p.id(), p.isNew() == null ? Double.NaN : (p.isNew() ? 1 : 0), isNew[i], 0);
      assertEquals(p.id(), p.stock() == null ? Double.NaN : p.stock(), stock[i], 0);
      assertEquals(p.id(), p.brand(), brands[i]);
      assertEquals(p.id(), p.category(), categories[i]);
      boolean hasVector = ((has[i >> 3] >> (i & 7)) & 1) != 0;
      assertEquals(p.id(), p.embedding() != null, hasVector);
      if (hasVector) {
        for (int d = 0; d < dims; d++) {
          assertEquals(p.embedding()[d], vectors[v++], 0f);
        }
      }
    }
  }

  @Test
  public void rowsBeyondTheWindowWidenTheCandidatesNotTheValues() throws Exception {
    Map<String, Object> first = QRerankSearchTest.firstPass("q", Q);
    Map<String, Object> w =
        window(shard("{!qrerank reRankDocs=8 k=3 utility=price:1 vectorField=''}", "20"));
    assertEquals(ids(first).subList(0, 20), w.get("ids"));
    assertEquals(8, integer(w.get("window")));
    doubles(map(w.get("numeric")).get("price"), 8);
    assertNull("no vector field, no vectors", w.get("vectors"));
  }

  @Test
  public void aShardAnsweringFromItsQueryResultCacheSendsTheSameWindow() throws Exception {
    long hits = QRerankSearchTest.queryResultCacheHits();
    Map<String, Object> once = window(shard(RQ, "7", "fq", "-brand:acme"));
    Map<String, Object> again = window(shard(RQ, "7", "fq", "-brand:acme"));
    assertTrue("the second is a hit", QRerankSearchTest.queryResultCacheHits() > hits);
    once.remove("extractNanos");
    again.remove("extractNanos");
    assertEquals(once, again);
  }

  @Test
  public void aShardOfASortedRequestSendsItsSortValues() throws Exception {
    Map<String, Object> first = query("q", Q, "sort", "price asc", "fl", "id,price", "rows", "9");
    Map<String, Object> w =
        window(shard("{!qrerank reRankDocs=9 k=2}", "3", "sort", "price asc", "fl", "id"));
    assertEquals(ids(first), w.get("ids"));
    List<?> prices = (List<?>) map(w.get("sortValues")).get("price");
    for (int i = 0; i < 9; i++) {
      Object expected = docs(first).get(i).get("price");
      if (expected == null) {
        // what Solr's own sort values say of a missing float: the comparator's missing value, 0
        assertEquals(0f, flt(prices.get(i)), 0f);
      } else {
        assertEquals(flt(expected), flt(prices.get(i)), 0f);
      }
    }
  }

  @Test
  public void aShardWithoutHitsSendsAnEmptyWindow() throws Exception {
    Map<String, Object> rsp = query("q", "nosuchword", "rq", RQ, "isShard", "true", "rows", "5");
    Map<String, Object> w = window(rsp);
    assertEquals(List.of(), w.get("ids"));
    assertEquals(0, integer(w.get("window")));
  }

  /**
   * {@code rq} with every hit, the transformer and the debug section, as a shard request ({@code
   * isShard=true}, {@code fsv=true}) or not; both send {@code fsv=true}, so that the shard role is
   * the only difference between the two.
   */
  private static Map<String, Object> asShardOrNot(boolean shard, String rq) throws Exception {
    List<String> p =
        new java.util.ArrayList<>(
            List.of("q", Q, "rq", rq, "fsv", "true", "fl", "id,score,[qrerank]", "rows", "1000",
                "debugQuery", "true"));
    if (shard) {
      p.addAll(List.of("isShard", "true"));
    }
    return query(p.toArray(new String[0]));
  }

  /** A shard's answer: the first pass, no transformer values, its window attached. */
  private static void assertShardAnswer(Map<String, Object> rsp, Map<String, Object> first) {
    assertEquals("first-pass order", ids(first), ids(rsp));
    assertEquals("first-pass scores", scores(first), scores(rsp));
    for (Map<String, Object> d : docs(rsp)) {
      assertNull(d.get("[qrerank]"));
    }
    assertEquals(ids(first), window(rsp).get("ids"));
  }

  /** A core's answer: re-ranked by its own collector, as the contract says. */
  private static void assertCoreAnswer(
      Map<String, Object> rsp, Map<String, Object> first, int reRankDocs, boolean recomputed) {
    assertEquals(Boolean.valueOf(recomputed), debugSection(rsp).get("recomputed"));
    Contract.check(rsp, ids(first), scores(first), reRankDocs);
    assertNotEquals("the selected documents get new scores", scores(first), scores(rsp));
    assertNull("no window section off a shard", rsp.get("qrerank.window"));
  }

  @Test
  public void isShardAloneKeepsSolrsOwnRerankInOneCacheEntry() throws Exception {
    // The control for the two tests below: Solr's {!rerank} has no shard role, so the same request
    // with and without isShard=true is one query result cache entry. isShard changes nothing else
    // in the cache key; a miss for {!qrerank} comes from its equality.
    String rq = "{!rerank reRankQuery=$rqq reRankDocs=12 reRankWeight=2}";
    List<String> p =
        List.of("q", Q, "rq", rq, "rqq", "title:pro", "fsv", "true", "fl", "id,score",
            "rows", "1000");
    Map<String, Object> core = query(p.toArray(new String[0]));
    long hits = QRerankSearchTest.queryResultCacheHits();
    List<String> shard = new java.util.ArrayList<>(p);
    shard.addAll(List.of("isShard", "true"));
    Map<String, Object> fromCache = query(shard.toArray(new String[0]));
    assertEquals("served from the core request's entry", hits + 1,
        QRerankSearchTest.queryResultCacheHits());
    assertEquals(ids(core), ids(fromCache));
  }

  @Test
  public void aCoreRequestAfterAShardRequestIsReRankedNotServedTheShardsList() throws Exception {
    String rq = "{!qrerank reRankDocs=12 k=3 caps=brand:1 lambda=0.3 vectorField=embedding}";
    Map<String, Object> first = QRerankSearchTest.firstPass("q", Q);
    long hits = QRerankSearchTest.queryResultCacheHits();
    assertShardAnswer(asShardOrNot(true, rq), first);
    assertEquals("a new query", hits, QRerankSearchTest.queryResultCacheHits());

    Map<String, Object> core = asShardOrNot(false, rq);
    assertEquals("not the shard's entry", hits, QRerankSearchTest.queryResultCacheHits());
    assertCoreAnswer(core, first, 12, false);

    // each role has its own entry now
    Map<String, Object> again = asShardOrNot(false, rq);
    assertTrue(QRerankSearchTest.queryResultCacheHits() > hits);
    assertCoreAnswer(again, first, 12, true);
    assertEquals(ids(core), ids(again));
    assertShardAnswer(asShardOrNot(true, rq), first);
  }

  @Test
  public void aShardRequestAfterACoreRequestKeepsTheFirstPassNotTheCoresList() throws Exception {
    String rq = "{!qrerank reRankDocs=12 k=3 caps=brand:1 lambda=0.7 vectorField=embedding}";
    Map<String, Object> first = QRerankSearchTest.firstPass("q", Q);
    long hits = QRerankSearchTest.queryResultCacheHits();
    Map<String, Object> core = asShardOrNot(false, rq);
    assertEquals("a new query", hits, QRerankSearchTest.queryResultCacheHits());
    assertCoreAnswer(core, first, 12, false);

    Map<String, Object> shard = asShardOrNot(true, rq);
    assertEquals("not the core's entry", hits, QRerankSearchTest.queryResultCacheHits());
    assertShardAnswer(shard, first);

    Map<String, Object> again = asShardOrNot(false, rq);
    assertTrue(QRerankSearchTest.queryResultCacheHits() > hits);
    assertCoreAnswer(again, first, 12, true);
    assertEquals(ids(core), ids(again));
    assertShardAnswer(asShardOrNot(true, rq), first);
  }

  private static ByteBuffer buffer(Object base64, int bytes) {
    byte[] raw = Base64.getDecoder().decode((String) base64);
    assertEquals(bytes, raw.length);
    return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static float[] floats(Object base64, int n) {
    ByteBuffer b = buffer(base64, 4 * n);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = b.getFloat();
    }
    return out;
  }

  private static double[] doubles(Object base64, int n) {
    ByteBuffer b = buffer(base64, 8 * n);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = b.getDouble();
    }
    return out;
  }

  private static String[] groups(Object section, int n) {
    Map<String, Object> g = map(section);
    List<?> values = (List<?>) g.get("values");
    ByteBuffer b = buffer(g.get("codes"), 4 * n);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      int code = b.getInt();
      out[i] = code < 0 ? null : (String) values.get(code);
    }
    return out;
  }
}
