package io.github.qrerank.it.demo;

import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * The demo's SolrCloud ({@code --cloud}): an embedded ZooKeeper and two Solr nodes on 127.0.0.1
 * (the first on the demo's port, the second on a free one), the products configset uploaded, and a
 * collection {@code products} of {@value #SHARDS} shards, one replica each, one shard per node.
 * Every request to it is distributed: qrerank makes its selection at the coordinator.
 */
public final class DemoCloud implements DemoSolr {
  public static final int SHARDS = 2;
  static final String CONFIG = "products";

  private final MiniSolrCloudCluster cluster;
  private final List<JettySolrRunner> nodes;

  private DemoCloud(MiniSolrCloudCluster cluster, List<JettySolrRunner> nodes) {
    this.cluster = cluster;
    this.nodes = nodes;
  }

  /**
   * Starts the cloud under {@code home} (which must exist) and creates the empty collection.
   *
   * @param port the first node's port (0 picks a free one)
   */
  public static DemoCloud start(Path home, int port) throws Exception {
    // no test tracing set-up: it needs a randomized-testing context, which the demo is not
    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster.Builder(0, home.resolve("cloud"))
            .withTraceIdGenerationDisabled()
            .build();
    try {
      JettySolrRunner first = node(cluster, "node1", port);
      JettySolrRunner second = node(cluster, "node2", 0);
      Path conf = home.resolve("configset").resolve("conf");
      DemoSolrHome.copyConfigset(conf);
      cluster.uploadConfigSet(conf, CONFIG);
      CollectionAdminRequest.createCollection(DemoSolrHome.CORE, CONFIG, SHARDS, 1)
          .process(cluster.getSolrClient());
      cluster.waitForActiveCollection(DemoSolrHome.CORE, SHARDS, SHARDS);
      return new DemoCloud(cluster, List.of(first, second));
    } catch (Exception e) {
      cluster.shutdown();
      throw e;
    }
  }

  private static JettySolrRunner node(MiniSolrCloudCluster cluster, String name, int port)
      throws Exception {
    JettyConfig config = JettyConfig.builder().setPort(port).stopAtShutdown(false).build();
    JettySolrRunner jetty;
    try {
      jetty = cluster.startJettySolrRunner(name, DemoMain.CONTEXT, config);
    } catch (BindException e) {
      throw DemoMain.DemoException.portInUse(port, e);
    }
    cluster.waitForNode(jetty, 60);
    return jetty;
  }

  /** The cluster, for callers that need its state (where each shard lives). */
  public MiniSolrCloudCluster cluster() {
    return cluster;
  }

  @Override
  public String baseUrl() {
    return nodes.get(0).getBaseUrl().toString();
  }

  @Override
  public String description() {
    return "solrcloud  collection "
        + DemoSolrHome.CORE
        + ", "
        + SHARDS
        + " shards on "
        + nodes.get(0).getBaseUrl()
        + " and "
        + nodes.get(1).getBaseUrl()
        + " (ZooKeeper "
        + cluster.getZkServer().getZkAddress()
        + ")";
  }

  @Override
  public void stop() throws Exception {
    cluster.shutdown();
  }
}
