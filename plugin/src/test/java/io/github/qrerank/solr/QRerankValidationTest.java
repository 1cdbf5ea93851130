package io.github.qrerank.solr;

import io.github.qrerank.solr.search.QRerankParams;
import io.github.qrerank.solr.search.QRerankQParserPlugin;
import io.github.qrerank.solr.search.QRerankQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.tests.search.QueryUtils;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.RankQuery;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Parameter validation (one bad value per parameter, each a 400 naming it), init-arg validation,
 * refused request settings, and QueryEqualityTest-style checks that every parameter takes part in
 * equals and hashCode.
 */
public class QRerankValidationTest extends QRerankTestCase {

  @BeforeClass
  public static void beforeClass() throws Exception {
    initQRerankCore();
    index(new Catalog(3L, 12), 1);
  }

  private static void assertBad(String param, String localParams, String... more) {
    String[] params = new String[4 + more.length];
    params[0] = "q";
    params[1] = "phone";
    params[2] = "rq";
    params[3] = "{!qrerank " + localParams + "}";
    System.arraycopy(more, 0, params, 4, more.length);
    SolrException e = error(params);
    assertEquals("code for " + localParams + ": " + e.getMessage(), 400, e.code());
    assertTrue(
        "message should name '" + param + "': " + e.getMessage(),
        e.getMessage().contains("'" + param + "'"));
  }

  @Test
  public void reRankDocs() {
    assertBad("reRankDocs", "reRankDocs=0");
    assertBad("reRankDocs", "reRankDocs=1001");
    assertBad("reRankDocs", "reRankDocs=abc");
    assertBad("reRankDocs", "reRankDocs=2.5");
  }

  @Test
  public void k() {
    assertBad("k", "k=0");
    assertBad("k", "k=101 reRankDocs=200");
    assertBad("k", "k=abc");
    assertBad("k", "k=21 reRankDocs=20");
    SolrException e = error("q", "phone", "rq", "{!qrerank k=abc}");
    assertEquals("qrerank: 'k' must be an integer in [1, 100], got 'abc'", e.getMessage());
  }

  @Test
  public void weights() {
    assertBad("scoreWeight", "scoreWeight=NaN");
    assertBad("scoreWeight", "scoreWeight=abc");
    assertBad("scoreWeight", "scoreWeight=Infinity");
    assertBad("affinityWeight", "affinityWeight=-Infinity");
    assertBad("affinityWeight", "affinityWeight=0x10");
  }

  @Test
  public void utility() {
    assertBad("utility", "utility=price");
    assertBad("utility", "utility=price:abc");
    assertBad("utility", "utility=price:NaN");
    assertBad("utility", "utility=nosuch:1");
    assertBad("utility", "utility=brand:1");
    assertBad("utility", "utility=tags:1");
    assertBad("utility", "utility=sku:1");
    assertBad("utility", "utility=title:1");
    assertBad("utility", "utility=released:1");
    assertBad("utility", "utility=embedding:1");
    assertBad("utility", "utility='price:1,price:2'");
    assertBad("utility", "utility='price:1,,margin:1'");
  }

  @Test
  public void vectors() {
    assertBad("vectorField", "vectorField=nosuch");
    assertBad("vectorField", "vectorField=price");
    assertBad("userVector", "userVector='[1,2,3]'");
    assertBad("userVector", "userVector='[1,NaN,2,3]'");
    assertBad("userVector", "userVector='[1,2,3,1e39]'");
    assertBad("userVector", "userVector='1,2,3,4'");
    assertBad("userVector", "userVector='[]'");
    assertBad("userVector", "vectorField='' userVector='[1,2,3,4]'");
    assertBad("userVector", "userVector=$uv", "uv", "[1,2,x,4]");
    assertBad("dims", "dims=0");
    assertBad("dims", "dims=1025");
  }

  @Test
  public void lambda() {
    assertBad("lambda", "lambda=-0.1");
    assertBad("lambda", "lambda=NaN");
    assertBad("lambda", "lambda=Infinity");
  }

  @Test
  public void stock() {
    assertBad("stockField", "stockField=nosuch");
    assertBad("stockField", "stockField=brand");
    assertBad("stockField", "stockField=is_new");
    assertBad("stockField", "stockField=sku");
    assertBad("minStock", "stockField=stock minStock=abc");
    assertBad("minStock", "stockField=stock minStock=NaN");
  }

  @Test
  public void caps() {
    assertBad("caps", "caps=brand");
    assertBad("caps", "caps=brand:-1");
    assertBad("caps", "caps=brand:x");
    assertBad("caps", "caps=brand:1.5");
    assertBad("caps", "caps=tags:1");
    assertBad("caps", "caps=sku:1");
    assertBad("caps", "caps=nosuch:1");
    assertBad("caps", "caps=embedding:1");
    assertBad("caps", "caps='brand:1,brand:2'");
  }

  @Test
  public void quotas() {
    assertBad("quotas", "quotas=brand:1");
    assertBad("quotas", "quotas=brand=acme");
    assertBad("quotas", "quotas=brand=acme:-1");
    assertBad("quotas", "quotas=brand=:1");
    assertBad("quotas", "quotas=is_new=maybe:1");
    assertBad("quotas", "quotas=stock=abc:1");
    assertBad("quotas", "quotas=stock=1.5:1");
    assertBad("quotas", "quotas=price=NaN:1");
    assertBad("quotas", "quotas=nosuch=x:1");
    assertBad("quotas", "quotas=tags=x:1");
    assertBad("quotas", "quotas='brand=acme:1,brand=acme:2'");
    assertBad("quotas", "quotas='price=10:1,price=10.0:2'");
  }

  @Test
  public void solver() throws Exception {
    assertBad("solver", "solver=foo");
    assertBad("solver", "solver=''");
    assertBad("solver", "solver=quantum");
    SolrException e = error("q", "phone", "rq", "{!qrerank solver=remote}");
    assertEquals(400, e.code());
    assertTrue(e.getMessage(), e.getMessage().startsWith("qrerank: 'solver' is remote but no"));
    assertTrue(e.getMessage(), e.getMessage().contains("quantum provider is configured"));
    e = error("q", "phone", "rq", "{!qrerank solver=foo}");
    assertTrue(e.getMessage(), e.getMessage().contains("one of auto, exact, greedy, qaoa, remote"));
    for (String kind : new String[] {"auto", "exact", "greedy", "qaoa", "QAOA"}) {
      Map<String, Object> rsp =
          query("q", "phone", "rq", "{!qrerank solver=" + kind + "}", "debugQuery", "true");
      assertEquals(kind.toLowerCase(Locale.ROOT), debugSection(rsp).get("solverRequested"));
    }
  }

  @Test
  public void quantumSettingsWhenQaoaRuns() {
    // k = 4 from the init args: each selectable document needs a qubit.
    assertBad("qubits", "solver=qaoa qubits=3");
    assertBad("qubits", "compare=qaoa qubits=3");
    SolrException e = error("q", "phone", "rq", "{!qrerank solver=qaoa k=6 qubits=5}");
    assertEquals("qrerank: 'qubits' (5) must be >= 'k' (6) with solver=qaoa: QAOA puts each"
        + " document it may select on a qubit", e.getMessage());
    // C(26,10) = 5,311,735 states is more than the simulator's 2^22.
    e = error("q", "phone", "rq", "{!qrerank solver=qaoa k=10 qubits=26}");
    assertEquals(400, e.code());
    assertTrue(e.getMessage(), e.getMessage().startsWith("qrerank: 'qubits' (26)"));
    assertTrue(e.getMessage(), e.getMessage().contains("C(26,10) = 5311735 states"));
    assertTrue(e.getMessage(), e.getMessage().contains("limit of 4194304"));
    assertBad("qubits", "compare=qaoa k=13 qubits=26");
  }

  @Test
  public void quantumSettingsAreNotCheckedWhenQaoaDoesNotRun() throws Exception {
    for (String solver : new String[] {"exact", "greedy", "auto"}) {
      Map<String, Object> rsp =
          query("q", "phone", "rq", "{!qrerank k=6 qubits=3 solver=" + solver + "}",
              "debugQuery", "true");
      assertNull(debugSection(rsp).get("quantum"));
    }
    query("q", "phone", "rq", "{!qrerank solver=qaoa k=9 qubits=26}");
  }

  @Test
  public void compare() {
    assertBad("compare", "compare=greedy");
    assertBad("compare", "compare=yes");
    assertBad("compare", "compare=1");
    SolrException e = error("q", "phone", "rq", "{!qrerank compare=remote}");
    assertEquals(400, e.code());
    assertTrue(e.getMessage(), e.getMessage().contains("'remote' is not available in this"));
  }

  @Test
  public void qasm() throws Exception {
    assertBad("qasm", "solver=qaoa qasm=yes");
    assertBad("qasm", "solver=qaoa qasm=1");
    assertBad("qasm", "solver=qaoa qasm=''");
    SolrException e = error("q", "phone", "rq", "{!qrerank qasm=true solver=exact}");
    assertEquals(400, e.code());
    assertTrue(e.getMessage(), e.getMessage().startsWith("qrerank: 'qasm' is true but no QAOA"));
    query("q", "phone", "rq", "{!qrerank qasm=false solver=exact}");
    query("q", "phone", "rq", "{!qrerank qasm=TRUE solver=qaoa}");
    query("q", "phone", "rq", "{!qrerank qasm=true solver=exact compare=qaoa}");
  }

  @Test
  public void solverSettings() {
    assertBad("timeoutMs", "timeoutMs=0");
    assertBad("timeoutMs", "timeoutMs=60001");
    assertBad("seed", "seed=abc");
    assertBad("seed", "seed=1.5");
    assertBad("shots", "shots=0");
    assertBad("shots", "shots=1000001");
    assertBad("layers", "layers=-1");
    assertBad("layers", "layers=21");
    assertBad("qubits", "qubits=1");
    assertBad("qubits", "qubits=27");
  }

  @Test
  public void unknownParameter() {
    assertBad("lamda", "lamda=0.3");
  }

  @Test
  public void refusedRequestSettings() {
    SolrException e =
        error("q", "phone", "rq", "{!qrerank}", "multiThreaded", "true");
    assertEquals(400, e.code());
    assertTrue(e.getMessage(), e.getMessage().contains("multiThreaded"));
    assertTrue(e.getMessage(), e.getMessage().contains("window"));
    e = error("q", "phone", "rq", "{!qrerank}", "sort", "id asc", "cursorMark", "*");
    assertEquals(400, e.code());
    assertTrue(e.getMessage(), e.getMessage().contains("cursorMark"));
  }

  @Test
  @SuppressWarnings("unchecked")
  public void validValuesAreAccepted() throws Exception {
    Map<String, Object> rsp =
        query(
            "q", "phone",
            "rq",
                "{!qrerank reRankDocs=10 k=2 scoreWeight=0.5 affinityWeight=-1"
                    + " utility='price:1,is_new:0.5,views:-1e-9,rating:2' userVector=$uv dims=2"
                    + " lambda=0 stockField=stock minStock=-1 caps='brand:1,is_new:2,stock:3'"
                    + " quotas=$qq solver=greedy timeoutMs=60000 seed=-7 shots=1 layers=0"
                    + " qubits=26}",
            "uv", "[0.5, -0.5, 0.25, 1e-3]",
            "qq", "category=mobile:1, is_new=TRUE:0, price=1e1:0, brand=a\\,b\\=c\\:d:0",
            "debugQuery", "true");
    assertEquals(0L, ((Number) map(rsp.get("responseHeader")).get("status")).longValue());
    Map<String, Object> section = debugSection(rsp);
    assertEquals("greedy", section.get("solverRequested"));
    assertEquals(2, integer(section.get("k")));
    assertEquals(0.0, num(section.get("lambda")), 0);
    assertEquals(Map.of("price", 1.0, "is_new", 0.5, "views", -1e-9, "rating", 2.0),
        section.get("utilityWeights"));
    List<Object> quotas = (List<Object>) map(section.get("constraints")).get("quotas");
    List<String> values = quotas.stream().map(q -> (String) map(q).get("value")).toList();
    assertEquals(List.of("mobile", "true", "10.0", "a,b=c:d"), values);
    List<Object> caps = (List<Object>) map(section.get("constraints")).get("caps");
    assertEquals(List.of("brand", "is_new", "stock"),
        caps.stream().map(c -> map(c).get("field")).toList());
    String parsed = (String) map(rsp.get("debug")).get("parsedquery_toString");
    assertTrue(parsed, parsed.contains(" caps=brand:1,is_new:2,stock:3 "));
    assertTrue(parsed, parsed.contains(" utility=price:1.0,is_new:0.5,views:-1.0E-9,rating:2.0 "));
    assertTrue(parsed, parsed.contains(" quotas=category=mobile:1,is_new=true:0,price=10.0:0,"));
  }

  @Test
  public void invalidInitArgsFailFast() {
    for (String[] bad :
        new String[][] {{"k", "0"}, {"reRankDocs", "x"}, {"solver", "remote"}, {"lamda", "1"},
          {"quotas", "brand"}, {"userVector", "[1,2]"}, {"compare", "greedy"}, {"qasm", "yes"},
          {"qasm", "true"}}) {
      NamedList<Object> args = new NamedList<>();
      args.add(bad[0], bad[1]);
      SolrException e = expectThrows(SolrException.class, () -> new QRerankQParserPlugin().init(args));
      assertEquals(500, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("init args"));
      assertTrue(e.getMessage(), e.getMessage().contains("'" + bad[0] + "'"));
    }
    NamedList<Object> fewQubits = new NamedList<>();
    fewQubits.add("solver", "qaoa");
    fewQubits.add("qubits", "4");
    SolrException e =
        expectThrows(SolrException.class, () -> new QRerankQParserPlugin().init(fewQubits));
    assertEquals(500, e.code());
    assertTrue(e.getMessage(), e.getMessage().contains("'qubits' (4) must be >= 'k' (5)"));
    NamedList<Object> good = new NamedList<>();
    good.add("k", 7);
    good.add("caps", "brand:2");
    good.add("solver", "qaoa");
    good.add("qasm", "true");
    new QRerankQParserPlugin().init(good);
    NamedList<Object> compared = new NamedList<>();
    compared.add("compare", "qaoa");
    new QRerankQParserPlugin().init(compared);
  }

  @Test
  public void aDefaultNamingAMissingFieldIsReportedAsTheDefault() throws Exception {
    SolrException e = error("q", "phone", "rq", "{!qrerank_badstock}");
    assertEquals(400, e.code());
    assertTrue(e.getMessage(), e.getMessage().contains("'stockField' field 'nosuch'"));
    assertTrue(e.getMessage(), e.getMessage().contains("the default from the init args"));
    Map<String, Object> rsp =
        query("q", "phone", "rq", "{!qrerank_badstock stockField=stock}", "debugQuery", "true");
    assertEquals("stock", debugSection(rsp).get("stockField"));
    e = error("q", "phone", "rq", "{!qrerank stockField=nosuch}");
    assertFalse(e.getMessage(), e.getMessage().contains("init args"));
  }

  /** Base value and a different value of every parameter. */
  private static Map<String, String[]> variants() {
    Map<String, String[]> v = new LinkedHashMap<>();
    v.put(QRerankParams.RERANK_DOCS, new String[] {"20", "21"});
    v.put(QRerankParams.K, new String[] {"4", "3"});
    v.put(QRerankParams.SCORE_WEIGHT, new String[] {"1", "2"});
    v.put(QRerankParams.AFFINITY_WEIGHT, new String[] {"1", "0.5"});
    v.put(QRerankParams.UTILITY, new String[] {"price:1", "price:2"});
    v.put(QRerankParams.VECTOR_FIELD, new String[] {"embedding", "embedding_byte"});
    v.put(QRerankParams.USER_VECTOR, new String[] {"[1,0,0,0]", "[0,1,0,0]"});
    v.put(QRerankParams.DIMS, new String[] {"8", "2"});
    v.put(QRerankParams.LAMBDA, new String[] {"0.5", "0.6"});
    v.put(QRerankParams.STOCK_FIELD, new String[] {"stock", "views"});
    v.put(QRerankParams.MIN_STOCK, new String[] {"1", "2"});
    v.put(QRerankParams.CAPS, new String[] {"brand:1", "brand:2"});
    v.put(QRerankParams.QUOTAS, new String[] {"is_new=true:1", "is_new=false:1"});
    v.put(QRerankParams.SOLVER, new String[] {"exact", "greedy"});
    v.put(QRerankParams.TIMEOUT_MS, new String[] {"50", "51"});
    v.put(QRerankParams.SEED, new String[] {"42", "43"});
    v.put(QRerankParams.SHOTS, new String[] {"1024", "1000"});
    v.put(QRerankParams.LAYERS, new String[] {"2", "3"});
    v.put(QRerankParams.QUBITS, new String[] {"20", "21"});
    // compare=qaoa in the base, so that qasm=true is valid in its variant
    v.put(QRerankParams.COMPARE, new String[] {"qaoa", "none"});
    v.put(QRerankParams.QASM, new String[] {"false", "true"});
    return v;
  }

  private static String localParams(Map<String, String[]> v, String changed) {
    StringBuilder sb = new StringBuilder("{!qrerank");
    v.forEach(
        (name, values) ->
            sb.append(' ').append(name).append("='").append(values[name.equals(changed) ? 1 : 0])
                .append('\''));
    return sb.append('}').toString();
  }

  private static Query parse(String rq) throws Exception {
    try (SolrQueryRequest req = req()) {
      return QParser.getParser(rq, req).getQuery();
    }
  }

  @Test
  public void everyParameterTakesPartInEquality() throws Exception {
    Map<String, String[]> v = variants();
    assertEquals(
        "every parameter needs a variant here", QRerankParams.NAMES, v.keySet().stream().toList());
    Query base = parse(localParams(v, null));
    QueryUtils.checkEqual(base, parse(localParams(v, null)));
    for (String name : v.keySet()) {
      Query other = parse(localParams(v, name));
      QueryUtils.checkUnequal(base, other);
      assertNotEquals(name + " must change hashCode", base.hashCode(), other.hashCode());
    }
  }

  @Test
  public void equalValuesInOtherSpellingsAreEqual() throws Exception {
    QueryUtils.checkEqual(
        parse("{!qrerank quotas='price=10:1,is_new=TRUE:1' lambda=0.50 k=04}"),
        parse("{!qrerank quotas='price=10.0:1,is_new=true:1' lambda=0.5 k=4}"));
  }

  @Test
  public void wrapReturnsNewInstancesAndKeepsTheMainQueryInEquality() throws Exception {
    RankQuery parsed = (RankQuery) parse("{!qrerank k=3}");
    Query a = new TermQuery(new Term("title", "phone"));
    Query b = new TermQuery(new Term("title", "case"));
    RankQuery wa = parsed.wrap(a);
    assertNotSame(parsed, wa);
    assertSame(a, ((QRerankQuery) wa).mainQuery());
    assertNotSame(a, ((QRerankQuery) parsed).mainQuery());
    QueryUtils.checkEqual(wa, parsed.wrap(new TermQuery(new Term("title", "phone"))));
    QueryUtils.checkUnequal(wa, parsed.wrap(b));
    QueryUtils.checkUnequal(wa, parsed);
  }
}
