package io.github.qrerank.solr;

import static io.github.qrerank.solr.QRerankSearchTest.firstPass;
import static io.github.qrerank.solr.QRerankSearchTest.reranked;

import io.github.qrerank.solr.search.QRerankParams;
import io.github.qrerank.solr.search.QRerankQParserPlugin;
import io.github.qrerank.solr.search.QRerankQuery;
import io.github.qrerank.solver.SolverKind;
import io.github.qrerank.solr.handler.component.QRerankComponent;
import io.github.qrerank.solr.response.transform.QRerankTransformerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.core.PluginInfo;
import org.apache.solr.core.SolrConfig;
import org.apache.solr.core.SolrResourceLoader;
import org.apache.solr.handler.component.SearchComponent;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestHandler;
import org.apache.solr.response.transform.TransformerFactory;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The defaults of the contract's parameter table are where a user gets them: a {@code qrerank}
 * parser registered without init args applies exactly the table (checked on the parsed parameters
 * and through a real request's debug section and parsed query), and the init args of the shipped
 * {@code configsets/products/conf/solrconfig.xml} and of the README's install snippet, loaded as
 * Solr loads them, give the same parameters.
 */
public class QRerankDefaultsTest extends QRerankTestCase {
  /** More documents than the default window, so that the window shows reRankDocs. */
  static final Catalog CATALOG = new Catalog(31L, 130);

  /** Every catalog word: every document matches, with scores that differ. */
  static final String Q = String.join(" ", Catalog.WORDS);

  /** The parameters whose contract default is "none": a configset gives them no init arg. */
  static final Set<String> NO_DEFAULT =
      Set.of(
          QRerankParams.UTILITY, QRerankParams.VECTOR_FIELD, QRerankParams.USER_VECTOR,
          QRerankParams.STOCK_FIELD, QRerankParams.CAPS, QRerankParams.QUOTAS);

  @BeforeClass
  public static void beforeClass() throws Exception {
    initQRerankCore();
    index(CATALOG, 2);
  }

  /** The contract's parameter table, written out (and the additive parameters, off). */
  private static void assertContractDefaults(QRerankParams p) {
    assertEquals(QRerankParams.RERANK_DOCS, 100, p.reRankDocs());
    assertEquals(QRerankParams.K, 5, p.k());
    assertEquals(QRerankParams.SCORE_WEIGHT, 1.0, p.scoreWeight(), 0);
    assertEquals(QRerankParams.AFFINITY_WEIGHT, 1.0, p.affinityWeight(), 0);
    assertEquals(QRerankParams.UTILITY, Map.of(), p.utility());
    assertNull(QRerankParams.VECTOR_FIELD, p.vectorField());
    assertNull(QRerankParams.USER_VECTOR, p.userVector());
    assertEquals(QRerankParams.DIMS, 8, p.dims());
    assertEquals(QRerankParams.LAMBDA, 0.5, p.lambda(), 0);
    assertNull(QRerankParams.STOCK_FIELD, p.stockField());
    assertEquals(QRerankParams.MIN_STOCK, 1.0, p.minStock(), 0);
    assertEquals(QRerankParams.CAPS, List.of(), p.caps());
    assertEquals(QRerankParams.QUOTAS, List.of(), p.quotas());
    assertEquals(QRerankParams.SOLVER, SolverKind.AUTO, p.solver());
    assertEquals(QRerankParams.TIMEOUT_MS, 50, p.timeoutMs());
    assertEquals(QRerankParams.SEED, 42L, p.seed());
    assertEquals(QRerankParams.SHOTS, 1024, p.shots());
    assertEquals(QRerankParams.LAYERS, 2, p.layers());
    assertEquals(QRerankParams.QUBITS, 20, p.qubits());
    assertNull(QRerankParams.COMPARE, p.compare());
    assertFalse(QRerankParams.QASM, p.qasm());
  }

  /** {@code plugin}'s query for a request without local params: its defaults alone. */
  private static QRerankParams defaultsOf(QParserPlugin plugin) throws Exception {
    try (SolrQueryRequest req = req()) {
      return ((QRerankQuery) plugin.createParser("", null, req.getParams(), req).getQuery())
          .params();
    }
  }

  @Test
  public void aParserWithoutInitArgsAppliesTheContractsDefaults() throws Exception {
    QRerankParams parsed;
    try (SolrQueryRequest req = req()) {
      parsed = ((QRerankQuery) QParser.getParser("{!qrerank_builtin}", req).getQuery()).params();
    }
    assertContractDefaults(parsed);

    Map<String, Object> first = firstPass("q", Q);
    assertTrue("more hits than the default window", numFound(first) > 100);
    Map<String, Object> rsp = reranked("{!qrerank_builtin}", "q", Q);
    Contract.check(rsp, ids(first), scores(first), 100);
    Map<String, Object> s = debugSection(rsp);
    assertEquals(100, integer(s.get("windowSize")));
    assertEquals(5, integer(s.get("k")));
    assertEquals(5, integer(s.get("selectedCount")));
    assertEquals("auto", s.get("solverRequested"));
    assertEquals(1.0, num(s.get("scoreWeight")), 0);
    assertEquals(1.0, num(s.get("affinityWeight")), 0);
    assertEquals(Map.of(), s.get("utilityWeights"));
    assertEquals(8, integer(s.get("dims")));
    assertEquals(0.5, num(s.get("lambda")), 0);
    assertNull(s.get("stockField"));
    assertEquals("every document eligible", 100, integer(s.get("eligibleCount")));
    assertEquals("no vector field, nothing compressed", 0, integer(s.get("componentsKept")));
    for (Map<String, Object> d : windowDocs(s)) {
      assertEquals(0.0, num(d.get("affinity")), 0);
      assertNull(d.get("z"));
    }
    String query = (String) map(rsp.get("debug")).get("parsedquery_toString");
    assertTrue(
        query,
        query.endsWith(
            "' reRankDocs=100 k=5 scoreWeight=1.0 affinityWeight=1.0 dims=8 lambda=0.5"
                + " solver=auto timeoutMs=50 seed=42 shots=1024 layers=2 qubits=20}"));

    // minStock applies once a stock field is named
    Map<String, Object> stocked =
        debugSection(reranked("{!qrerank_builtin stockField=stock}", "q", Q));
    assertEquals(1.0, num(stocked.get("minStock")), 0);
    int eligible = 0;
    for (Map<String, Object> d : windowDocs(stocked)) {
      Integer stock = CATALOG.get((String) d.get("id")).stock();
      boolean expected = stock != null && stock >= 1;
      assertEquals(d.get("id").toString(), expected, d.get("eligible"));
      eligible += expected ? 1 : 0;
    }
    assertTrue("the default minStock excludes someone", eligible < 100);
    assertEquals(eligible, integer(stocked.get("eligibleCount")));
  }

  @Test
  public void theProductsConfigsetsInitArgsAreTheBuiltInDefaults() throws Exception {
    Path configset = Path.of(System.getProperty("qrerank.configset", "../configsets/products"));
    try (SolrResourceLoader loader = new SolrResourceLoader(configset)) {
      assertInitArgsAreTheDefaults(
          SolrConfig.readFromResourceLoader(loader, "solrconfig.xml", true, null), configset);
    }
  }

  /**
   * The README's "Install into an existing Solr" snippet, in a solrconfig.xml of its own, loads as
   * Solr loads it: the parser's init args are the built-in defaults, the transformer and the
   * debug component are registered under {@code qrerank} with the plugin's classes, and the
   * handler runs the component last.
   */
  @Test
  public void theReadmesInstallSnippetRegistersTheDefaults() throws Exception {
    Path readme = Path.of(System.getProperty("qrerank.readme", "../README.md"));
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int section = text.indexOf("## Install into an existing Solr");
    assertTrue("no install section in " + readme, section >= 0);
    int open = text.indexOf("```xml\n", section);
    int close = text.indexOf("```", open + 7);
    assertTrue("no ```xml block in the install section", open > 0 && close > open);
    String snippet = text.substring(open + 7, close);
    Path dir = createTempDir("readme-solrconfig");
    Files.writeString(
        dir.resolve("solrconfig.xml"),
        "<config>\n<luceneMatchVersion>"
            + org.apache.lucene.util.Version.LATEST
            + "</luceneMatchVersion>\n"
            + snippet
            + "</config>\n",
        StandardCharsets.UTF_8);
    try (SolrResourceLoader loader = new SolrResourceLoader(dir)) {
      SolrConfig config = SolrConfig.readFromResourceLoader(loader, "solrconfig.xml", true, null);
      assertInitArgsAreTheDefaults(config, readme);
      PluginInfo transformer =
          only(config.getPluginInfos(TransformerFactory.class.getName()), "qrerank");
      assertEquals(QRerankTransformerFactory.class.getName(), transformer.className);
      PluginInfo component = only(config.getPluginInfos(SearchComponent.class.getName()), "qrerank");
      assertEquals(QRerankComponent.class.getName(), component.className);
      PluginInfo select = only(config.getPluginInfos(SolrRequestHandler.class.getName()), "/select");
      assertEquals(List.of("qrerank"), select.initArgs.get("last-components"));
    }
  }

  private static PluginInfo only(List<PluginInfo> infos, String name) {
    PluginInfo found = null;
    for (PluginInfo info : infos) {
      if (name.equals(info.name)) {
        assertNull("two plugins named " + name, found);
        found = info;
      }
    }
    assertNotNull("no plugin named " + name, found);
    return found;
  }

  /**
   * {@code config}'s {@code <queryParser name="qrerank">} (from {@code source}) is the plugin's
   * class, writes out every parameter that has a default and only those, and gives the same
   * parameters as a parser without init args.
   */
  private static void assertInitArgsAreTheDefaults(SolrConfig config, Path source)
      throws Exception {
    PluginInfo qrerank = null;
    for (PluginInfo info : config.getPluginInfos(QParserPlugin.class.getName())) {
      if (QRerankQParserPlugin.NAME.equals(info.name)) {
        qrerank = info;
      }
    }
    assertNotNull("no <queryParser name=\"qrerank\"> in " + source, qrerank);
    assertEquals(QRerankQParserPlugin.class.getName(), qrerank.className);

    Set<String> given = new HashSet<>();
    for (Map.Entry<String, ?> arg : qrerank.initArgs) {
      given.add(arg.getKey());
    }
    Set<String> withDefaults = new HashSet<>(QRerankParams.NAMES);
    withDefaults.removeAll(NO_DEFAULT);
    assertEquals(source + " writes out every default, and only those", withDefaults, given);

    QRerankQParserPlugin configured = new QRerankQParserPlugin();
    configured.init(qrerank.initArgs);
    QRerankQParserPlugin builtIn = new QRerankQParserPlugin();
    builtIn.init(null);
    try {
      QRerankParams fromConfig = defaultsOf(configured);
      assertContractDefaults(fromConfig);
      assertEquals(defaultsOf(builtIn), fromConfig);
    } finally {
      configured.close();
      builtIn.close();
    }
  }
}
