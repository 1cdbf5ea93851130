package io.github.qrerank.bench;

import io.github.qrerank.it.demo.DemoCloud;
import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;

/**
 * The end-to-end comparison of section 3 on a 2-shard SolrCloud collection: the demo's {@link
 * DemoCloud} (embedded ZooKeeper, two Solr nodes in the benchmark JVM on 127.0.0.1, one shard each)
 * holding the same catalog, the same queries picked and sent the same way, through the first node
 * (which coordinates). Then the extra bytes each shard sends for qrerank ({@link ShardBytes}).
 */
final class CloudBench {
  record Outcome(String description, SolrBench.Measured measured, ShardBytes.Result bytes) {}

  private CloudBench() {}

  static Outcome run(BenchOptions o) throws Exception {
    CatalogGenerator catalog = new CatalogGenerator(SolrBench.CATALOG_SEED);
    Path root = Files.createTempDirectory("qrerank-bench-cloud-");
    DemoCloud cloud = DemoCloud.start(root, 0);
    try (SolrClient client = new Http2SolrClient.Builder(cloud.baseUrl()).build()) {
      BenchMain.progress(
          String.format(Locale.ROOT, "SolrCloud: indexing %,d products", o.solrDocs()));
      long indexNanos = BenchSolr.index(client, catalog, o.solrDocs());
      SolrBench.Measured m = SolrBench.measure(client, catalog, o, "SolrCloud");
      BenchMain.progress("SolrCloud: bytes of the shards' responses");
      ShardBytes.Result bytes =
          ShardBytes.measure(
              cloud.cluster(), m.queries().subList(0, Math.min(50, m.queries().size())));
      return new Outcome(describe(o, indexNanos, m), m, bytes);
    } finally {
      cloud.stop();
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String describe(BenchOptions o, long indexNanos, SolrBench.Measured m) {
    return String.format(
        Locale.ROOT,
        "The same comparison on SolrCloud: an embedded ZooKeeper and two Solr %s nodes in the"
            + " benchmark JVM (Jetty on 127.0.0.1, HTTP, javabin between the nodes), collection"
            + " `products` from `configsets/products` with %d shards of one replica, one shard per"
            + " node (compositeId routing), holding the same %,d products (indexed through the"
            + " first node in %s). The same %d measured queries (%d rounds of %d warm-up queries,"
            + " %d passed over with fewer than %d hits) and rank queries as in section 3, sent the same way to the"
            + " first node, which coordinates: each shard runs the first pass, `{!rerank}`"
            + " re-scores each shard's own top %d and the coordinator merges the lists;"
            + " `{!qrerank}` has each shard send its top %d candidates with their raw values and"
            + " selects once at the coordinator over the global window. Scores come from each"
            + " shard's own term statistics (Solr's default); both rank queries see the same"
            + " first pass.",
        Versions.load().solr(),
        DemoCloud.SHARDS,
        o.solrDocs(),
        Format.duration(indexNanos),
        m.queries().size(),
        m.warmUpRounds(),
        m.warmUp(),
        m.dropped(),
        o.solrMinHits(),
        SolrBench.RERANK_DOCS,
        SolrBench.RERANK_DOCS);
  }
}
