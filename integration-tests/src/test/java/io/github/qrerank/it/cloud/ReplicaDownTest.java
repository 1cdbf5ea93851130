package io.github.qrerank.it.cloud;

import static io.github.qrerank.it.cloud.Answer.assertSameAnswer;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.cloud.api.collections.CollectionHandlingUtils;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A node goes down. Where every shard still has a live replica the answer does not change; where a
 * shard has none, {@code shards.tolerant=true} answers with the selection over the documents that
 * are still reachable (flagged as partial results), which is what one core holding exactly those
 * documents answers.
 */
public class ReplicaDownTest {
  private static final String REPLICATED = "replicated";
  private static final String UNREPLICATED = "unreplicated";

  @ClassRule public static final ClusterResource CLUSTER = new ClusterResource(2);

  private static MiniSolrCloudCluster cluster;

  @BeforeClass
  public static void startCluster() throws Exception {
    cluster = CLUSTER.cluster();
    List<SolrInputDocument> docs = TestProducts.generate(600, 77L);
    String first = cluster.getJettySolrRunner(0).getNodeName();
    String second = cluster.getJettySolrRunner(1).getNodeName();
    // replicated: each shard on both nodes; unreplicated: shard1 on the second node only
    create(REPLICATED, new String[][] {{first, second}, {first, second}}, docs);
    create(UNREPLICATED, new String[][] {{first}, {second}}, docs);
  }

  private static void create(String name, String[][] nodesPerShard, List<SolrInputDocument> docs)
      throws Exception {
    CollectionAdminRequest.createCollection(name, CloudSupport.CONFIG, nodesPerShard.length, 1)
        .setCreateNodeSet(CollectionHandlingUtils.CREATE_NODE_SET_EMPTY)
        .process(cluster.getSolrClient());
    int replicas = 0;
    for (int s = 0; s < nodesPerShard.length; s++) {
      for (String node : nodesPerShard[s]) {
        CollectionAdminRequest.addReplicaToShard(name, "shard" + (s + 1))
            .setNode(node)
            .process(cluster.getSolrClient());
        replicas++;
      }
    }
    cluster.waitForActiveCollection(name, nodesPerShard.length, replicas);
    cluster.getSolrClient().add(name, docs);
    cluster.getSolrClient().commit(name);
  }

  @Test
  public void aNodeDownKeepsTheAnswerOrAnswersOverTheReachableShards() throws Exception {
    Random random = new Random(5L);
    SolrQuery[] requests = new SolrQuery[8];
    Answer[] before = new Answer[requests.length];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = RandomRequests.next(random, true);
      before[i] = Answer.of(cluster.getSolrClient().query(REPLICATED, requests[i]));
    }
    Replica survivor = CloudSupport.oneReplicaPerShard(cluster, UNREPLICATED).get("shard1");

    JettySolrRunner second = cluster.getJettySolrRunner(1);
    cluster.stopJettySolrRunner(second);
    cluster.waitForJettyToStop(second);
    cluster
        .getZkStateReader()
        .waitForLiveNodes(30, TimeUnit.SECONDS, (old, now) -> now.size() == 1);

    for (int i = 0; i < requests.length; i++) {
      SolrQuery q = requests[i];
      assertSameAnswer(
          "replicated, node down, request " + i,
          before[i],
          Answer.of(cluster.getSolrClient().query(REPLICATED, q)));

      SolrQuery tolerant = q.getCopy();
      tolerant.set("shards.tolerant", true);
      QueryResponse rsp = cluster.getSolrClient().query(UNREPLICATED, tolerant);
      assertEquals("partial results flagged", Boolean.TRUE, rsp.getHeader().get("partialResults"));
      Answer reachable = Answer.of(CloudSupport.onCore(survivor, q));
      assertSameAnswer("unreplicated, tolerant, request " + i, reachable, Answer.of(rsp));
      assertTrue(reachable.numFound() < before[i].numFound() || before[i].numFound() == 0);
    }
  }
}
