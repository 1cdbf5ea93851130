package io.github.qrerank.it.cloud;

import static io.github.qrerank.it.cloud.Answer.assertSameAnswer;
import static io.github.qrerank.it.cloud.Answer.assertSameUpToTies;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.qrerank.it.demo.CatalogIndexer;
import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.params.ShardParams;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A BM25 text first pass (edismax and Lucene queries over the demo catalog's {@code title} and
 * {@code description}) on collections whose {@code solrconfig.xml} has Solr's {@code
 * ExactStatsCache} ({@link CloudSupport#uploadExactStatsConfig}): the distributed first-pass
 * scores are then bit for bit the scores of one core holding the same documents, and the cluster's
 * answer is the core's, on 2 shards and on 3 shards with 2 replicas each. Without the cache each
 * shard scores with its own statistics and the scores differ, so the comparison needs it.
 *
 * <p>Text scores tie (same lengths and term counts). Where they do, the order among the tied
 * documents is the one thing that may differ: one core breaks ties by index order, Solr's merge by
 * shard and then by order within the shard. Such requests are compared up to that order ({@link
 * Answer#assertSameUpToTies}); a request with a tie across the window's edge is not compared, as
 * its windows may then hold different documents (the contract's "ties as Solr breaks them"). Every
 * answer also passes the single-core contract checks ({@link CloudContract}).
 */
public class ExactStatsTest {
  private static final int DOCS = 2_000;
  private static final String SINGLE = "single";
  private static final String TWO = "two";
  private static final String THREE = "three";
  private static final String PER_SHARD_STATS = "per_shard_stats";
  private static final CatalogGenerator CATALOG = new CatalogGenerator(7L);

  @ClassRule public static final ClusterResource CLUSTER = new ClusterResource(2);

  private static MiniSolrCloudCluster cluster;
  private static Replica reference;
  private static CloudContract contract;
  private static String pinned;

  @BeforeClass
  public static void startClusterAndIndex() throws Exception {
    Path root = CLUSTER.dir();
    cluster = CLUSTER.cluster();
    CloudSupport.uploadExactStatsConfig(cluster, root.resolve("configsets"));
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 0; i < DOCS; i++) {
      docs.add(CatalogIndexer.toDocument(CATALOG.product(i)));
    }
    String exact = CloudSupport.EXACT_STATS_CONFIG;
    CloudSupport.collection(cluster, SINGLE, exact, 1, 1, docs);
    CloudSupport.collection(cluster, TWO, exact, 2, 1, docs);
    CloudSupport.collection(cluster, THREE, exact, 3, 2, docs);
    CloudSupport.collection(cluster, PER_SHARD_STATS, CloudSupport.CONFIG, 2, 1, docs);
    reference = CloudSupport.oneReplicaPerShard(cluster, SINGLE).values().iterator().next();
    contract = new CloudContract(cluster.getSolrClient(), docs);
    pinned = "replica.location:" + cluster.getJettySolrRunner(0).getBaseUrl();
  }

  /**
   * Every hit's first-pass score, best first, from the cluster equals the one core's (exactly, no
   * tolerance needed), with the cache; without it most queries score differently.
   */
  @Test
  public void withExactStatsTheTextScoresAreTheOneCoreScores() throws Exception {
    Random random = new Random(31L);
    int requests = 20;
    int differentWithoutTheCache = 0;
    for (int i = 0; i < requests; i++) {
      SolrQuery q = firstPass(TextRequests.next(random, CATALOG, false));
      List<Float> single = Answer.of(CloudSupport.onCore(reference, q)).scores();
      assertTrue(q + " has no hits", !single.isEmpty());
      for (String collection : new String[] {TWO, THREE}) {
        List<Float> scores = Answer.of(cluster.getSolrClient().query(collection, q)).scores();
        assertEquals(collection + " " + q, single, scores);
      }
      List<Float> local = Answer.of(cluster.getSolrClient().query(PER_SHARD_STATS, q)).scores();
      differentWithoutTheCache += local.equals(single) ? 0 : 1;
    }
    assertTrue(
        "per-shard statistics scored like one core for "
            + (requests - differentWithoutTheCache)
            + " of "
            + requests
            + " queries",
        differentWithoutTheCache > requests / 2);
  }

  @Test
  public void twoShardsAnswerAsOneCore() throws Exception {
    sameAsOneCore(TWO, 41L, 25);
  }

  /**
   * On 2 replicas a request's tie order depends on the replicas Solr picks for it (see {@link
   * TiedScoresTest}), which another request may not reproduce: where scores tie, the contract
   * checks look at this answer's selection, and check in full the same request with its replicas
   * pinned ({@code shards.preference}).
   */
  @Test
  public void threeShardsWithTwoReplicasAnswerAsOneCore() throws Exception {
    sameAsOneCore(THREE, 42L, 25);
  }

  private static void sameAsOneCore(String collection, long seed, int requests) throws Exception {
    Random random = new Random(seed);
    boolean replicated = collection.equals(THREE);
    int strict = 0;
    int upToTies = 0;
    for (int i = 0; i < requests; i++) {
      SolrQuery q = TextRequests.next(random, CATALOG, i % 3 != 2);
      String context = collection + " request " + i + " " + q;
      int reRankDocs = RankParams.of(q).reRankDocs();
      int start = q.getStart();
      List<Float> first = Answer.of(CloudSupport.onCore(reference, firstPass(q))).scores();
      Answer expected = Answer.of(CloudSupport.onCore(reference, q));
      Answer actual = Answer.of(cluster.getSolrClient().query(collection, q));
      boolean edgeTie =
          reRankDocs < first.size() && first.get(reRankDocs - 1).equals(first.get(reRankDocs));
      boolean ties = tie(first, Math.max(reRankDocs, start + q.getRows()));
      if (!ties) {
        assertSameAnswer(context, expected, actual);
        strict++;
      } else if (!edgeTie) {
        assertSameUpToTies(context, start, expected, actual);
        upToTies++;
      }
      if (replicated && tie(first, first.size())) {
        // this answer's tie order is the replicas' it got: its own selection, and all the checks
        // on a request whose replicas are pinned (one tie order for it and the checks' requests)
        contract.checkSelection(collection, q);
        SolrQuery fixed = q.getCopy();
        fixed.set(ShardParams.SHARDS_PREFERENCE, pinned);
        Answer pinnedAnswer = Answer.of(cluster.getSolrClient().query(collection, fixed));
        contract.check(collection, fixed, pinnedAnswer);
      } else {
        contract.check(collection, q, actual);
      }
    }
    assertTrue("too few requests compared: " + strict + " + " + upToTies, strict + upToTies >= 20);
    assertTrue("no request without ties: the strict comparison never ran", strict >= 5);
    assertTrue("no request with ties inside the window", upToTies >= 3);
  }

  /** Whether two of the first {@code n + 1} scores are equal (a tie that reaches the page). */
  private static boolean tie(List<Float> scores, int n) {
    for (int i = 1; i < Math.min(n + 1, scores.size()); i++) {
      if (scores.get(i).equals(scores.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** The request's first pass: every hit's id and score, without {@code rq}. */
  private static SolrQuery firstPass(SolrQuery q) {
    SolrQuery first = q.getCopy();
    first.remove("rq");
    first.remove("debugQuery");
    first.setFields("id", "score");
    first.setStart(0);
    first.setRows(DOCS);
    return first;
  }
}
