package io.github.qrerank.bench;

import io.github.qrerank.it.demo.CatalogIndexer;
import io.github.qrerank.it.demo.DemoSolrHome;
import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real Solr for the end-to-end benchmark: Jetty on 127.0.0.1 (a free port, context {@code
 * /solr}), a Solr home laid out by the demo's {@link DemoSolrHome} (core {@code products} from the
 * products configset, the plugin from the class path), indexed with the demo's seeded catalog, and
 * an HTTP client. Closing it stops Solr and deletes the home.
 */
final class BenchSolr implements AutoCloseable {
  static final String CORE = DemoSolrHome.CORE;
  private static final int BATCH = 1_000;

  private final Path root;
  private final JettySolrRunner jetty;
  private final SolrClient client;

  private BenchSolr(Path root, JettySolrRunner jetty, SolrClient client) {
    this.root = root;
    this.jetty = jetty;
    this.client = client;
  }

  /** A change to the Solr home's files before Solr starts (for example another query parser). */
  interface HomeEdit {
    void apply(Path home) throws IOException;
  }

  static BenchSolr start() throws Exception {
    return start(home -> {});
  }

  /** A Solr whose home {@code edit} has changed first; the core's files are under home/products. */
  static BenchSolr start(HomeEdit edit) throws Exception {
    Path root = Files.createTempDirectory("qrerank-bench-");
    Path home = DemoSolrHome.create(root.resolve("solr-home"));
    edit.apply(home);
    if (System.getProperty("solr.log.dir") == null) {
      System.setProperty("solr.log.dir", root.resolve("logs").toString());
    }
    JettyConfig config =
        JettyConfig.builder().setPort(0).setContext("/solr").stopAtShutdown(true).build();
    JettySolrRunner jetty = new JettySolrRunner(home.toString(), config);
    jetty.start();
    Map<String, CoreContainer.CoreLoadFailure> failures =
        jetty.getCoreContainer().getCoreInitFailures();
    if (!failures.isEmpty()) {
      jetty.stop();
      throw new IllegalStateException(
          "core failed to load: " + failures.values().iterator().next().exception);
    }
    SolrClient client = new Http2SolrClient.Builder(jetty.getBaseUrl().toString()).build();
    return new BenchSolr(root, jetty, client);
  }

  SolrClient client() {
    return client;
  }

  /** Indexes products 0..docs-1 of the catalog in batches and commits; returns the wall time. */
  long index(CatalogGenerator catalog, int docs) throws Exception {
    return index(client, catalog, docs);
  }

  /**
   * Indexes products 0..docs-1 of the catalog into the core or collection {@value #CORE} behind
   * {@code client}, in batches, and commits; returns the wall time.
   */
  static long index(SolrClient client, CatalogGenerator catalog, int docs) throws Exception {
    long start = System.nanoTime();
    List<SolrInputDocument> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < docs; i++) {
      batch.add(CatalogIndexer.toDocument(catalog.product(i)));
      if (batch.size() == BATCH || i == docs - 1) {
        client.add(CORE, batch);
        batch.clear();
      }
    }
    client.commit(CORE);
    long numFound = client.query(CORE, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    if (numFound != docs) {
      throw new IllegalStateException("indexed " + docs + " products but the core has " + numFound);
    }
    return System.nanoTime() - start;
  }

  /** Segments of the core's current searcher (the index is left as indexing made it). */
  int segments() {
    try (var core = jetty.getCoreContainer().getCore(CORE)) {
      return core.withSearcher(s -> s.getIndexReader().leaves().size());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      client.close();
    } finally {
      jetty.stop();
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
