package io.github.qrerank.it.cloud;

import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * A {@link MiniSolrCloudCluster} for one test class, as a {@code @ClassRule}: started ({@link
 * CloudSupport#start}, products configset uploaded) in a temporary folder before the class's
 * {@code @BeforeClass} methods, shut down after the class, the folder deleted.
 */
final class ClusterResource extends ExternalResource {
  private final int nodes;
  private final TemporaryFolder folder = new TemporaryFolder();
  private MiniSolrCloudCluster cluster;

  ClusterResource(int nodes) {
    this.nodes = nodes;
  }

  @Override
  public Statement apply(Statement base, Description description) {
    return folder.apply(super.apply(base, description), description);
  }

  @Override
  protected void before() throws Exception {
    cluster = CloudSupport.start(nodes, folder.getRoot().toPath().resolve("cluster"));
  }

  @Override
  protected void after() {
    if (cluster != null) {
      try {
        cluster.shutdown();
      } catch (Exception e) {
        throw new IllegalStateException("the test cluster did not shut down", e);
      } finally {
        cluster = null;
      }
    }
  }

  MiniSolrCloudCluster cluster() {
    return cluster;
  }

  /** The class's temporary folder (the cluster's files are under {@code cluster/}). */
  Path dir() {
    return folder.getRoot().toPath();
  }
}
