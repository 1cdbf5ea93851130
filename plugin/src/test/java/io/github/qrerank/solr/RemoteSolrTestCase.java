package io.github.qrerank.solr;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import io.github.qrerank.provider.server.FaultPlan;
import io.github.qrerank.solr.remote.ProviderFixture;
import io.github.qrerank.solr.remote.RemoteSolver;
import io.github.qrerank.solr.search.QRerankQParserPlugin;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.AfterClass;
import org.junit.Before;

/**
 * A core configured by solrconfig-remote.xml, whose remote query parsers talk to qrerank's real
 * provider server, started in process on a free loopback port before the core; helpers for the
 * tests of {@code solver=remote}.
 */
public abstract class RemoteSolrTestCase extends QRerankTestCase {
  static final Catalog CATALOG = QRerankSearchTest.CATALOG;
  static ProviderFixture provider;

  /** The remote parsers of solrconfig-remote.xml. */
  static final List<String> PARSERS =
      List.of("qrerank", "qrerank_breaker", "qrerank_badtoken", "qrerank_refused", "qrerank_load");

  /** Starts the provider, points the remote parsers at it and indexes the catalog. */
  static void startProviderAndCore() throws Exception {
    provider = ProviderFixture.start();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    System.setProperty("qrerank.test.provider.url", provider.url());
    System.setProperty("qrerank.test.provider.tokenFile", provider.tokenFile.toString());
    System.setProperty("qrerank.test.provider.wrongTokenFile", provider.wrongTokenFile.toString());
    System.setProperty("qrerank.test.provider.closedUrl", "http://127.0.0.1:" + closedPort);
    initCore("solrconfig-remote.xml", "schema.xml");
    index(CATALOG, 3, QRerankSearchTest.DELETED);
  }

  @AfterClass
  public static void afterClass() {
    deleteCore(); // closes the parsers, hence their job threads and HTTP clients
    if (provider != null) {
      provider.close();
    }
    for (String p : new String[] {"url", "tokenFile", "wrongTokenFile", "closedUrl"}) {
      System.clearProperty("qrerank.test.provider." + p);
    }
  }

  /** No faults, and no job of an earlier test still in flight. */
  @Before
  public void quiet() throws Exception {
    provider.faults(FaultPlan.NONE);
    for (String p : PARSERS) {
      RemoteSolver s = remote(p);
      waitUntil("jobs of " + p + " to end", () -> s.jobsInFlight() == 0);
    }
  }

  static RemoteSolver remote(String parser) {
    return ((QRerankQParserPlugin) h.getCore().getQueryPlugin(parser)).runtime().remote();
  }

  static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  static Metric metric(String name) {
    Metric m = h.getCore().getSolrMetricsContext().getMetricRegistry().getMetrics().get(name);
    assertNotNull("no metric " + name, m);
    return m;
  }

  static long count(String name) {
    return ((Counting) metric(name)).getCount();
  }

  static Object gauge(String name) {
    return ((Gauge<?>) metric(name)).getValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> remoteSection(Map<String, Object> rsp) {
    return (Map<String, Object>) debugSection(rsp).get("remote");
  }

}
