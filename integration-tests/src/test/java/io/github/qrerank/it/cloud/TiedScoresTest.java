package io.github.qrerank.it.cloud;

import static io.github.qrerank.it.cloud.Answer.assertSameAnswer;
import static io.github.qrerank.it.cloud.Answer.assertSameUpToTies;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.util.NamedList;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A constant-score first pass ({@code q=*:*}, filters only), where every window score ties, on a
 * collection of 2 shards with 2 replicas each.
 *
 * <p>How ties are ordered. The contract's window is the first-pass order with "ties as Solr breaks
 * them". One core breaks them by index order. The coordinator merges the shards' candidates with
 * Solr's own {@code ShardFieldSortedHitQueue}, as Solr merges any distributed result: equal
 * scores are ordered by comparing the shards' address strings, then by the order within the shard
 * (index order). With one shard string ahead of the other, a window smaller than the hits is the
 * first documents of one shard, and not the one core's window: the two legitimately differ, and
 * nothing here asserts they agree. With several replicas, a shard's address string lists its
 * replicas in the order Solr chose for that request (shuffled unless {@code shards.preference}
 * fixes it), so which shard wins the ties can change from one request to the next, exactly as the
 * order of a plain {@code q=*:*} page does on such a collection.
 *
 * <p>What the contract does promise, and what is asserted: constraints hold and the selection is
 * optimal for the window the request had; the window is Solr's merge order (one block per shard,
 * each the start of that shard's own order; with replicas pinned, exactly the distributed first
 * pass of the same request); with replicas pinned, repeated requests give the same answer; and
 * when the window holds every hit, the selection does not depend on the tie order, so it is the
 * one core's and repeated requests select the same documents whichever replicas answer.
 */
public class TiedScoresTest {
  private static final String SINGLE = "single";
  private static final String TIED = "tied";
  private static final int REPEATS = 8;

  @ClassRule public static final ClusterResource CLUSTER = new ClusterResource(2);

  private static MiniSolrCloudCluster cluster;
  private static Replica reference;
  private static CloudContract contract;
  private static String pinned;

  @BeforeClass
  public static void startClusterAndIndex() throws Exception {
    cluster = CLUSTER.cluster();
    List<SolrInputDocument> docs = TestProducts.generate(600, 3L);
    CloudSupport.collection(cluster, SINGLE, 1, 1, docs);
    CloudSupport.collection(cluster, TIED, 2, 2, docs);
    reference = CloudSupport.oneReplicaPerShard(cluster, SINGLE).values().iterator().next();
    contract = new CloudContract(cluster.getSolrClient(), docs);
    // every shard's replica on the first node first: one tie order for every request
    pinned = "replica.location:" + cluster.getJettySolrRunner(0).getBaseUrl();
  }

  /**
   * The window holds every hit (fewer hits than {@code reRankDocs}): it is the same set of
   * documents whatever the tie order, so the selection, F(S) and every window document's values
   * are the one core's, and repeated requests, on whichever replicas, select the same documents in
   * the same order. Only the order of the unselected, tied documents after them may differ.
   */
  @Test
  public void aWindowHoldingEveryHitSelectsAsOneCoreWhateverTheReplicas() throws Exception {
    Random random = new Random(13L);
    String[] filters = {"price:[1 TO 45]", "stock:[1 TO 20]", "is_new:true"};
    for (int i = 0; i < 6; i++) {
      String category = TestProducts.CATEGORIES.get(i % TestProducts.CATEGORIES.size());
      SolrQuery q = tied(random, 100, "category:" + category, filters[i % filters.length]);
      String context = "request " + i + " " + q;
      Answer expected = Answer.of(CloudSupport.onCore(reference, q));
      assertTrue(context + ": more hits than the window", expected.numFound() <= 100);
      assertTrue(context + ": too few hits", expected.numFound() > 20);
      assertAllTied(context, expected);
      Answer first = null;
      for (int r = 0; r < REPEATS; r++) {
        Answer actual = Answer.of(cluster.getSolrClient().query(TIED, q));
        assertSameUpToTies(context + " repeat " + r, 0, expected, actual);
        if (first == null) {
          first = actual;
        } else {
          assertEquals(context + ": selection repeated", first.selectedIds(), actual.selectedIds());
          int k = first.selectedIds().size();
          assertEquals(
              context + ": top k repeated",
              first.ids().subList(0, k),
              actual.ids().subList(0, k));
        }
        contract.checkSelection(TIED, q);
      }
      SolrQuery fixed = q.getCopy();
      fixed.set(ShardParams.SHARDS_PREFERENCE, pinned);
      contract.check(TIED, fixed, Answer.of(cluster.getSolrClient().query(TIED, fixed)));
    }
  }

  /**
   * A window of ties smaller than the hits ({@code q=*:*}: 600 hits and 40 in the window, or one
   * category's hits, fewer than 100 on each shard, and 100 in the window): the window is Solr's
   * merge order, the selection passes the contract checks, and with the replicas pinned every
   * repeat is the same answer. Without pinning, each request's window is still one of the orders
   * Solr's merge gives (blocks of shards, each the start of the shard's own order).
   */
  @Test
  public void aWindowOfTiesIsSolrsMergeOrder() throws Exception {
    Random random = new Random(17L);
    for (int i = 0; i < 4; i++) {
      int reRankDocs = i % 2 == 0 ? 40 : 100;
      String category = i % 2 == 0 ? null : "category:" + TestProducts.CATEGORIES.get(i);
      SolrQuery q = tied(random, reRankDocs, category, null);
      SolrQuery fixed = q.getCopy();
      fixed.set(ShardParams.SHARDS_PREFERENCE, pinned);
      String context = "request " + i + " " + fixed;
      Answer answer = Answer.of(cluster.getSolrClient().query(TIED, fixed));
      assertTrue(context + ": window smaller than the hits", answer.numFound() > reRankDocs);
      assertEquals(context, reRankDocs, answer.windowDocs().size());
      assertAllTied(context, answer);
      contract.check(TIED, fixed, answer);
      // 300 hits a shard fill a window of 40; a category's hits on one shard do not fill 100
      int blocks = shardBlocks(context, q, answer);
      assertEquals(context + ": shard blocks", category == null ? 1 : 2, blocks);
      for (int r = 0; r < REPEATS; r++) {
        Answer again = Answer.of(cluster.getSolrClient().query(TIED, fixed));
        assertSameAnswer(context + " repeat " + r, answer, again);
      }
      for (int r = 0; r < REPEATS; r++) {
        Answer unpinned = Answer.of(cluster.getSolrClient().query(TIED, q));
        assertAllTied(context + " unpinned " + r, unpinned);
        shardBlocks(context + " unpinned " + r, q, unpinned);
        contract.checkSelection(TIED, q);
      }
    }
  }

  /** A constant-score request: {@code q=*:*} and filters, seeded {@code {!qrerank}} parameters. */
  private static SolrQuery tied(Random random, int reRankDocs, String fq1, String fq2) {
    SolrQuery q = new SolrQuery("*:*");
    q.set("defType", "lucene");
    for (String fq : new String[] {fq1, fq2}) {
      if (fq != null) {
        q.addFilterQuery(fq);
      }
    }
    int k = 3 + random.nextInt(4);
    List<String> rq = new ArrayList<>();
    rq.add("reRankDocs=" + reRankDocs);
    rq.add("k=" + k);
    rq.add("solver=exact timeoutMs=5000");
    rq.add(random.nextBoolean() ? "utility=margin:0.8" : "utility=margin:0.3,conversion_rate:2");
    rq.add("vectorField=embedding dims=" + (2 + random.nextInt(5)));
    rq.add("lambda=" + (0.25 + random.nextInt(3) * 0.25));
    if (random.nextBoolean()) {
      rq.add("userVector=$uv");
      q.set("uv", TestProducts.vector(random));
    }
    rq.add("stockField=stock");
    rq.add(random.nextBoolean() ? "caps=brand:1" : "caps=brand:2 quotas=brand=bolt:1");
    q.set("rq", "{!qrerank " + String.join(" ", rq) + "}");
    q.setFields("id,score,[qrerank]");
    q.setRows(reRankDocs + 20);
    q.set("debugQuery", true);
    return q;
  }

  /** Every window document has the same first-pass score (the constant score). */
  private static void assertAllTied(String context, Answer a) {
    for (NamedList<Object> d : a.windowDocs()) {
      assertEquals(
          context + ": " + d.get("id"),
          ((Number) a.windowDocs().get(0).get("firstPassScore")).doubleValue(),
          ((Number) d.get("firstPassScore")).doubleValue(),
          0);
    }
  }

  /**
   * The window is Solr's merge of tied hits: one contiguous block per shard, each block the first
   * documents of that shard's own hits for {@code q} in its index order (read from the shard's
   * leader alone; both replicas of a shard received its documents in one batch, in the same
   * order), and a block is followed by another only once its shard has no more hits.
   *
   * @return how many blocks
   */
  private static int shardBlocks(String context, SolrQuery q, Answer a) throws Exception {
    Map<String, List<String>> byShard = new HashMap<>();
    List<String> blockOrder = new ArrayList<>();
    for (NamedList<Object> d : a.windowDocs()) {
      String shard = shardName((String) d.get("shard"));
      if (!byShard.containsKey(shard)) {
        blockOrder.add(shard);
      }
      assertEquals(
          context + ": shard " + shard + " is not one block: " + blockOrder,
          shard,
          blockOrder.get(blockOrder.size() - 1));
      byShard.computeIfAbsent(shard, s -> new ArrayList<>()).add((String) d.get("id"));
    }
    Map<String, Replica> replicas = CloudSupport.oneReplicaPerShard(cluster, TIED);
    for (int b = 0; b < blockOrder.size(); b++) {
      String shard = blockOrder.get(b);
      SolrQuery own = q.getCopy();
      own.remove("rq");
      own.remove("debugQuery");
      own.setFields("id");
      own.setRows(byShard.get(shard).size());
      Answer shardOrder = Answer.of(CloudSupport.onCore(replicas.get(shard), own));
      assertEquals(context + ": block of " + shard, shardOrder.ids(), byShard.get(shard));
      if (b < blockOrder.size() - 1) {
        assertEquals(
            context + ": " + shard + " is followed although it has more hits",
            shardOrder.numFound(),
            byShard.get(shard).size());
      }
    }
    return blockOrder.size();
  }

  /** {@code shard1} from a debug {@code shard} entry (the shard's replica addresses). */
  private static String shardName(String addresses) {
    String core = addresses.split("\\|")[0];
    String marker = "/" + TIED + "_";
    String rest = core.substring(core.indexOf(marker) + marker.length());
    return rest.substring(0, rest.indexOf('_'));
  }
}
