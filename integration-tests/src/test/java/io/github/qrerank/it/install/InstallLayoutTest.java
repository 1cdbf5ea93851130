package io.github.qrerank.it.install;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.github.qrerank.provider.server.ProviderServer;
import io.github.qrerank.provider.server.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.noggit.ObjectBuilder;

/**
 * Proves the install instructions: copy ONE jar, {@code qrerank-plugin-<version>-solr.jar}, into
 * {@code <solr_home>/lib} and create a core from {@code configsets/products}. Solr runs in a child
 * JVM whose class path is this JVM's minus every qrerank, EJML and resilience4j entry, so the
 * plugin, the simulator, EJML and the (relocated) resilience4j can only come from that jar. The test
 * indexes a small catalog over HTTP and checks that {@code rq={!qrerank ...}} re-ranked it: selected
 * documents first, in stock, within the brand cap, with the contract's scores, the {@code
 * [qrerank]} field and the debug section. A provider server runs in this JVM, and a query parser
 * added to the copied solrconfig.xml points {@code solver=remote} at it.
 *
 * <p>Needs the plugin module packaged first ({@code mvn verify} from the root does that); the jar's
 * path comes from the {@value #SOLR_JAR_PROPERTY} system property set in the pom.
 */
public class InstallLayoutTest {

  static final String SOLR_JAR_PROPERTY = "qrerank.solrJar";
  static final String CONFIGSET_PROPERTY = "qrerank.configset";
  static final String CORE = "products";
  static final int DOCS = 40;
  static final int WINDOW = 20;
  static final int K = 4;
  static final int DIMENSION = 32;
  static final List<String> BRANDS = List.of("alpha", "beta", "gamma", "delta", "epsilon");

  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PROVIDER_TOKEN = "install-layout-token-1";
  private static ProviderServer provider;
  private static Path solrJar;
  private static ChildSolrProcess solr;
  private static String coreUrl;

  @BeforeClass
  public static void startSolrFromTheInstallLayout() throws Exception {
    solrJar = requiredPath(SOLR_JAR_PROPERTY);
    Path configset = requiredPath(CONFIGSET_PROPERTY);
    assertTrue(
        SOLR_JAR_PROPERTY
            + "="
            + solrJar
            + " does not exist: package the plugin module first"
            + " (mvn verify from the repository root does)",
        Files.isRegularFile(solrJar));

    Path root = TMP.getRoot().toPath();
    Path home = Files.createDirectories(root.resolve("solr-home"));
    Files.writeString(home.resolve("solr.xml"), "<?xml version=\"1.0\"?>\n<solr/>\n");
    Files.createDirectories(home.resolve("lib"));
    Files.copy(solrJar, home.resolve("lib").resolve(solrJar.getFileName()));
    copyTree(configset.resolve("conf"), home.resolve(CORE).resolve("conf"));
    addRemoteParser(home.resolve(CORE).resolve("conf").resolve("solrconfig.xml"), root);
    Files.writeString(home.resolve(CORE).resolve("core.properties"), "name=" + CORE + "\n");

    List<String> classpath =
        new ArrayList<>(IsolatedClasspath.withoutQrerankOrEjml(IsolatedClasspath.testClasspath()));
    classpath.add(IsolatedClasspath.launcherFolder(root.resolve("launcher")).toString());
    solr = ChildSolrProcess.start(home, classpath, Files.createDirectories(root.resolve("work")));
    coreUrl = solr.baseUrl() + "/" + CORE;
    post("/update?commit=true", catalogJson());
  }

  @AfterClass
  public static void stopSolr() throws Exception {
    if (solr != null) {
      solr.close();
    }
    if (provider != null) {
      provider.close();
    }
  }

  /**
   * Starts a provider server here and adds {@code <queryParser name="qrerank_remote">} with a
   * {@code remote} list pointing at it to the copied solrconfig.xml, as the README shows.
   */
  private static void addRemoteParser(Path solrconfig, Path root) throws IOException {
    Path token = Files.writeString(root.resolve("provider-token"), PROVIDER_TOKEN + "\n");
    provider =
        ProviderServer.start(ServerOptions.parse("--port", "0", "--token-file", token.toString()));
    String parser =
        "  <queryParser name=\"qrerank_remote\""
            + " class=\"io.github.qrerank.solr.search.QRerankQParserPlugin\">\n"
            + "    <lst name=\"remote\">\n"
            + "      <str name=\"url\">" + provider.baseUri() + "</str>\n"
            + "      <str name=\"tokenFile\">" + token + "</str>\n"
            + "    </lst>\n"
            + "  </queryParser>\n";
    String xml = Files.readString(solrconfig);
    int end = xml.lastIndexOf("</config>");
    assertTrue("no </config> in " + solrconfig, end > 0);
    Files.writeString(solrconfig, xml.substring(0, end) + parser + xml.substring(end));
  }

  @Test
  public void theSolrJarHoldsThePluginSimulatorEjmlAndResilience4jOnly() throws IOException {
    Set<String> names;
    try (ZipFile zip = new ZipFile(solrJar.toFile())) {
      names = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
    }
    for (String required :
        List.of(
            "io/github/qrerank/solr/search/QRerankQParserPlugin.class",
            "io/github/qrerank/solr/response/transform/QRerankTransformerFactory.class",
            "io/github/qrerank/solr/handler/component/QRerankComponent.class",
            "io/github/qrerank/model/Problem.class",
            "io/github/qrerank/solver/Solvers.class",
            "org/ejml/data/DMatrixRMaj.class",
            "org/ejml/dense/row/factory/DecompositionFactory_DDRM.class",
            "io/github/qrerank/solr/remote/RemoteSolver.class",
            "io/github/qrerank/shaded/resilience4j/circuitbreaker/CircuitBreaker.class",
            "io/github/qrerank/shaded/resilience4j/bulkhead/Bulkhead.class",
            "io/github/qrerank/shaded/resilience4j/core/CallableUtils.class",
            "META-INF/qrerank-THIRD-PARTY.txt")) {
      assertTrue(required + " missing from " + solrJar, names.contains(required));
    }
    for (String name : names) {
      assertTrue(
          name
              + " in "
              + solrJar
              + " is neither qrerank (with the relocated resilience4j) nor EJML (Solr ships"
              + " everything else, slf4j included)",
          name.startsWith("io/github/qrerank/")
              || name.startsWith("org/ejml/")
              || name.startsWith("pabeles/")
              || name.startsWith("META-INF/")
              || name.equals("io/")
              || name.equals("io/github/")
              || name.equals("org/"));
    }
  }

  @Test
  public void theChildClasspathHasSolrButNoQrerankOrEjml() {
    List<String> full = IsolatedClasspath.testClasspath();
    List<String> isolated = IsolatedClasspath.withoutQrerankOrEjml(full);
    assertTrue(isolated.stream().anyMatch(e -> e.contains("solr-core")));
    List<String> removed = new ArrayList<>(full);
    removed.removeAll(isolated);
    assertTrue(removed.toString(), removed.stream().anyMatch(e -> e.contains("ejml-core")));
    assertTrue(removed.toString(), removed.stream().anyMatch(e -> e.contains("plugin")));
  }

  @Test
  public void withoutRqThePlainTopBreaksTheConstraints() throws Exception {
    // Guards the next test's meaning: the first-pass order has out-of-stock and same-brand hits.
    List<Map<String, Object>> docs = docs(select(Map.of()));
    List<Map<String, Object>> top = docs.subList(0, K);
    assertTrue(top.toString(), top.stream().anyMatch(d -> stock(d) == 0));
    assertTrue(top.toString(), top.stream().map(d -> d.get("brand")).distinct().count() < K);
  }

  @Test
  public void qrerankFromTheLibJarReranksTheWindow() throws Exception {
    Map<String, Object> response =
        select(
            Map.of(
                "rq",
                rq(
                    "qrerank",
                    "stockField=stock caps=brand:1 vectorField=embedding userVector=$uv"
                        + " utility=margin:1 lambda=0.5"),
                "uv",
                vector(brandDirection("gamma"))));
    List<Map<String, Object>> docs = docs(response);
    assertEquals(WINDOW, docs.size());
    double maxW = popularity(1);

    Set<Object> brands = new HashSet<>();
    for (int position = 0; position < K; position++) {
      Map<String, Object> doc = docs.get(position);
      Map<?, ?> info = (Map<?, ?>) doc.get("[qrerank]");
      assertNotNull("no [qrerank] in " + doc, info);
      assertEquals(doc.toString(), Boolean.TRUE, info.get("selected"));
      assertEquals(doc.toString(), position, ((Number) info.get("position")).intValue());
      assertTrue("out of stock: " + doc, stock(doc) >= 1);
      assertTrue("brand cap broken by " + doc, brands.add(doc.get("brand")));
      assertEquals(doc.toString(), maxW + (K - position), score(doc), 1e-4);
      assertEquals(
          doc.toString(),
          popularity(number(doc)),
          ((Number) info.get("originalScore")).doubleValue(),
          1e-4);
    }
    // The rest of the window keeps its first-pass order and scores.
    double previous = Double.POSITIVE_INFINITY;
    for (Map<String, Object> doc : docs.subList(K, docs.size())) {
      Map<?, ?> info = (Map<?, ?>) doc.get("[qrerank]");
      assertEquals(doc.toString(), Boolean.FALSE, info.get("selected"));
      assertEquals(doc.toString(), popularity(number(doc)), score(doc), 1e-4);
      assertTrue("first-pass order broken at " + doc, score(doc) < previous);
      previous = score(doc);
    }

    Object section = ((Map<?, ?>) response.get("debug")).get("qrerank");
    assertTrue("no qrerank debug section in " + response.get("debug"), section instanceof Map);
    Map<?, ?> debug = (Map<?, ?>) section;
    assertNotNull(debug.toString(), debug.get("solver"));
    assertEquals(WINDOW, ((Number) debug.get("windowSize")).intValue());
    Map<?, ?> cap =
        (Map<?, ?>) ((List<?>) ((Map<?, ?>) debug.get("constraints")).get("caps")).get(0);
    assertEquals("brand", cap.get("field"));
    assertEquals(1, ((Number) cap.get("used")).intValue());
    // The compressed embeddings z_i come from an SVD by EJML, which only the lib jar holds.
    int kept = ((Number) debug.get("componentsKept")).intValue();
    assertTrue(debug.toString(), kept > 0);
    for (Object windowDoc : (List<?>) debug.get("docs")) {
      assertEquals(windowDoc.toString(), kept, ((List<?>) ((Map<?, ?>) windowDoc).get("z")).size());
    }
  }

  /** The quantum solver and its circuit export come from the lib jar too (no extra jar needed). */
  @Test
  public void qaoaFromTheLibJarAnswersAndWritesItsCircuit() throws Exception {
    Map<?, ?> debug =
        inStockOnePerBrand(
            "qrerank", "solver=qaoa qubits=12 layers=2 shots=256 seed=7 timeoutMs=30000 qasm=true");
    assertEquals(debug.toString(), "qaoa", debug.get("solverRequested"));
    Map<?, ?> quantum = (Map<?, ?>) debug.get("quantum");
    assertNotNull("no quantum section in " + debug, quantum);
    assertEquals(12, ((Number) quantum.get("qubits")).intValue());
    String qasm = (String) quantum.get("qasm");
    assertTrue(String.valueOf(qasm), qasm != null && qasm.startsWith("OPENQASM 3"));
  }

  /**
   * solver=remote from the lib jar: resilience4j's breaker and bulkhead come relocated inside it,
   * the provider's samples answer, and the metrics show at /solr/admin/metrics.
   */
  @Test
  public void remoteFromTheLibJarAnswersWithTheProvidersSamples() throws Exception {
    Map<?, ?> debug =
        inStockOnePerBrand(
            "qrerank_remote", "solver=remote qubits=10 layers=1 shots=128 timeoutMs=30000");
    assertEquals(debug.toString(), "remote", debug.get("solverRequested"));
    assertEquals(debug.toString(), "remote", debug.get("solver"));
    Map<?, ?> remote = (Map<?, ?>) debug.get("remote");
    assertEquals(debug.toString(), "provider", remote.get("source"));
    HttpResponse<String> metrics =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        solr.baseUrl()
                            + "/admin/metrics?group=core&prefix=QUERYPARSER.qrerank&wt=json"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(metrics.body(), 200, metrics.statusCode());
    Map<?, ?> byRegistry =
        (Map<?, ?>) ((Map<?, ?>) ObjectBuilder.fromJSON(metrics.body())).get("metrics");
    Map<?, ?> core = (Map<?, ?>) byRegistry.get("solr.core." + CORE);
    assertNotNull(metrics.body(), core);
    String base = "QUERYPARSER.qrerank.";
    assertTrue(core.toString(), ((Number) core.get(base + "requests.remote")).longValue() >= 1);
    assertTrue(core.toString(), ((Number) core.get(base + "remote.provider.shots")).longValue() >= 128);
    assertEquals(core.toString(), "CLOSED", core.get(base + "remote.provider.breaker.state"));
  }

  /** {@code {!parser reRankDocs=WINDOW k=K more}}. */
  private static String rq(String parser, String more) {
    return "{!" + parser + " reRankDocs=" + WINDOW + " k=" + K + " " + more + "}";
  }

  /**
   * Re-ranks with {@code parser} and {@code solverParams}, in stock and at most one per brand;
   * checks that the first K documents are the selected ones and keep both; returns the debug
   * section.
   */
  private static Map<?, ?> inStockOnePerBrand(String parser, String solverParams)
      throws Exception {
    Map<String, Object> response =
        select(
            Map.of(
                "rq",
                rq(
                    parser,
                    "stockField=stock caps=brand:1 vectorField=embedding lambda=0.5 "
                        + solverParams)));
    Set<Object> brands = new HashSet<>();
    for (Map<String, Object> doc : docs(response).subList(0, K)) {
      Map<?, ?> info = (Map<?, ?>) doc.get("[qrerank]");
      assertEquals(doc.toString(), Boolean.TRUE, info.get("selected"));
      assertTrue("out of stock: " + doc, stock(doc) >= 1);
      assertTrue("brand cap broken by " + doc, brands.add(doc.get("brand")));
    }
    Object debug = ((Map<?, ?>) response.get("debug")).get("qrerank");
    assertTrue("no qrerank debug section in " + response.get("debug"), debug instanceof Map);
    return (Map<?, ?>) debug;
  }

  private static Map<String, Object> select(Map<String, String> extra) throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    // First-pass score = popularity. (Solr 9 ignores {!func} in q when defType is edismax.)
    params.put("defType", "func");
    params.put("q", "popularity");
    params.put("fl", "id,brand,stock,score,[qrerank]");
    params.put("rows", String.valueOf(WINDOW));
    params.put("debugQuery", "true");
    params.put("wt", "json");
    params.put("json.nl", "map");
    params.putAll(extra);
    String query =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(coreUrl + "/select?" + query)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        response.body() + "\n--- child stderr ---\n" + solr.stderrTail(),
        200,
        response.statusCode());
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) ObjectBuilder.fromJSON(response.body());
    return json;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> docs(Map<String, Object> response) {
    return (List<Map<String, Object>>) ((Map<String, Object>) response.get("response")).get("docs");
  }

  private static void post(String path, String json) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(coreUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(response.body(), 200, response.statusCode());
  }

  /**
   * Documents d01..d40: first-pass score = popularity = 100 - i, so d01 leads. Every third one
   * (d01, d04, ...) is out of stock, and d01..d06 all are brand "alpha".
   */
  private static String catalogJson() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 1; i <= DOCS; i++) {
      String brand = i <= 6 ? "alpha" : BRANDS.get(1 + i % (BRANDS.size() - 1));
      float[] e = brandDirection(brand);
      Random noise = new Random(i);
      for (int d = 0; d < DIMENSION; d++) {
        e[d] += (float) (0.3 * noise.nextGaussian() / Math.sqrt(DIMENSION));
      }
      sb.append(i > 1 ? "," : "")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"id\":\"d%02d\",\"title\":\"shoe %d\",\"brand\":\"%s\",\"category\":\"shoes\","
                      + "\"popularity\":%.1f,\"stock\":%d,\"margin\":%.2f,\"embedding\":%s}",
                  i,
                  i,
                  brand,
                  popularity(i),
                  i % 3 == 1 ? 0 : i,
                  (i % 5) / 10.0,
                  vector(e)));
    }
    return sb.append(']').toString();
  }

  private static double popularity(int i) {
    return 100 - i;
  }

  private static float[] brandDirection(String brand) {
    Random random = new Random(brand.hashCode());
    float[] v = new float[DIMENSION];
    for (int d = 0; d < DIMENSION; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return v;
  }

  private static String vector(float[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int d = 0; d < v.length; d++) {
      sb.append(d > 0 ? "," : "").append(String.format(Locale.ROOT, "%.5f", v[d]));
    }
    return sb.append(']').toString();
  }

  private static int number(Map<String, Object> doc) {
    return Integer.parseInt(((String) doc.get("id")).substring(1));
  }

  private static int stock(Map<String, Object> doc) {
    return ((Number) doc.get("stock")).intValue();
  }

  private static double score(Map<String, Object> doc) {
    return ((Number) doc.get("score")).doubleValue();
  }

  private static Path requiredPath(String property) {
    String value = System.getProperty(property);
    assertNotNull(
        "system property " + property + " is not set (the pom's surefire config sets it)", value);
    return Path.of(value).toAbsolutePath().normalize();
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
      }
    }
  }
}
