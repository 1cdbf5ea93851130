package io.github.qrerank.it.cloud;

import static io.github.qrerank.it.cloud.Answer.assertSameAnswer;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.util.NamedList;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * In SolrCloud the selection is made once, at the coordinator, over the global window: a 2-shard
 * and a 3-shard (2 replicas each) collection answer every request exactly as one core holding the
 * same documents does (same page, scores, transformer values, F(S) and debug section), where a
 * per-shard selection would break caps and quotas. The first pass is a function of each document's
 * own fields, so scores do not depend on how the documents are spread over shards. Every cluster
 * answer also passes the plugin's single-core contract checks ({@link CloudContract}).
 */
public class GlobalSelectionTest {
  private static final int DOCS = 1_200;
  private static final String SINGLE = "single";
  private static final String TWO = "two";
  private static final String THREE = "three";

  @ClassRule public static final ClusterResource CLUSTER = new ClusterResource(2);

  private static MiniSolrCloudCluster cluster;
  private static Replica reference;
  private static CloudContract contract;

  @BeforeClass
  public static void startClusterAndIndex() throws Exception {
    cluster = CLUSTER.cluster();
    List<SolrInputDocument> docs = TestProducts.generate(DOCS, 20_251L);
    CloudSupport.collection(cluster, SINGLE, 1, 1, docs);
    CloudSupport.collection(cluster, TWO, 2, 1, docs);
    CloudSupport.collection(cluster, THREE, 3, 2, docs);
    reference = CloudSupport.oneReplicaPerShard(cluster, SINGLE).values().iterator().next();
    contract = new CloudContract(cluster.getSolrClient(), docs);
  }

  @Test
  public void twoShardsAnswerAsOneCore() throws Exception {
    sameAsOneCore(TWO, 11L, 30);
  }

  @Test
  public void threeShardsWithTwoReplicasAnswerAsOneCore() throws Exception {
    sameAsOneCore(THREE, 12L, 30);
  }

  private static void sameAsOneCore(String collection, long seed, int requests) throws Exception {
    Random random = new Random(seed);
    int bruteForced = 0;
    for (int i = 0; i < requests; i++) {
      SolrQuery q = RandomRequests.next(random, i % 3 != 2);
      Answer expected = Answer.of(CloudSupport.onCore(reference, q));
      Answer actual = Answer.of(cluster.getSolrClient().query(collection, q));
      assertSameAnswer(collection + " request " + i + " " + q, expected, actual);
      bruteForced += contract.check(collection, q, actual).bruteForced() ? 1 : 0;
    }
    assertTrue("too few windows small enough for brute force: " + bruteForced, bruteForced >= 8);
  }

  /**
   * Caps and quotas hold over the selection although each shard alone would pick its own top k:
   * what a per-shard selection gives (each shard's selected documents, merged by score as Solr
   * merges {@code {!rerank}} lists, the top k kept) breaks them for some of these requests; the
   * coordinator's selection never does, and it is the one-core selection.
   */
  @Test
  public void capsAndQuotasHoldGloballyWhereAPerShardSelectionBreaksThem() throws Exception {
    Map<String, Replica> shards = CloudSupport.oneReplicaPerShard(cluster, TWO);
    int perShardBroken = 0;
    String[] categories = {"tea", "cocoa", "juice", "coffee"};
    for (int i = 0; i < 12; i++) {
      int k = 4 + i % 3;
      String category = categories[i % categories.length];
      SolrQuery q = new SolrQuery(i % 2 == 0 ? "popularity" : "sum(popularity,margin)");
      q.set("defType", "func");
      q.set(
          "rq",
          "{!qrerank reRankDocs="
              + (30 + 10 * (i % 4))
              + " k="
              + k
              + " caps=brand:1 quotas=category="
              + category
              + ":2 stockField=stock"
              + " utility=margin:"
              + (0.2 * (i % 5))
              + " solver=exact timeoutMs=5000}");
      q.setFields("id,score,brand,category,[qrerank]");
      q.setRows(k);

      QueryResponse rsp = cluster.getSolrClient().query(TWO, q);
      contract.check(TWO, q, Answer.of(rsp));
      List<SolrDocument> global = selected(rsp.getResults());
      assertTrue("cap broken by the global selection: " + global, capHolds(global));
      long quota = inCategory(global, category);
      assertTrue("quota missed by the global selection: " + global, quota >= 2);
      assertEquals(Answer.of(CloudSupport.onCore(reference, q)).ids(), Answer.of(rsp).ids());

      List<SolrDocument> perShard = selected(perShardSelection(shards, q, k));
      if (!capHolds(perShard) || inCategory(perShard, category) < quota) {
        perShardBroken++;
      }
    }
    assertTrue("no request showed a per-shard selection breaking a constraint", perShardBroken > 0);
  }

  /** What a per-shard selection would answer: each shard's re-ranked top k, merged by score. */
  private static List<SolrDocument> perShardSelection(
      Map<String, Replica> shards, SolrQuery q, int k) throws Exception {
    List<SolrDocument> all = new ArrayList<>();
    for (Replica replica : shards.values()) {
      all.addAll(CloudSupport.onCore(replica, q).getResults());
    }
    all.sort((a, b) -> Float.compare(score(b), score(a)));
    return all.subList(0, Math.min(k, all.size()));
  }

  private static List<SolrDocument> selected(List<SolrDocument> docs) {
    List<SolrDocument> out = new ArrayList<>();
    for (SolrDocument d : docs) {
      NamedList<?> info = (NamedList<?>) d.getFieldValue(Answer.TRANSFORMER);
      if (Boolean.TRUE.equals(info.get("selected"))) {
        out.add(d);
      }
    }
    return out;
  }

  private static float score(SolrDocument d) {
    return ((Number) d.getFieldValue("score")).floatValue();
  }

  private static boolean capHolds(List<SolrDocument> docs) {
    Set<Object> brands = new HashSet<>();
    for (SolrDocument d : docs) {
      Object brand = d.getFieldValue("brand");
      if (brand != null && !brands.add(brand)) {
        return false;
      }
    }
    return true;
  }

  private static long inCategory(List<SolrDocument> docs, String category) {
    return docs.stream().filter(d -> category.equals(d.getFieldValue("category"))).count();
  }

  @Test
  public void aShardWithNoHits() throws Exception {
    List<String> onlyFirst = CloudSupport.idsByShard(cluster, TWO).values().iterator().next();
    SolrQuery q = window(40, 6);
    q.addFilterQuery("{!terms f=id}" + String.join(",", onlyFirst.subList(0, 150)));
    Answer actual = Answer.of(cluster.getSolrClient().query(TWO, q));
    assertSameAnswer(
        "one shard without hits", Answer.of(CloudSupport.onCore(reference, q)), actual);
    contract.check(TWO, q, actual);
    assertEquals(6, actual.selectedIds().size());
    Set<Object> shardsInWindow = new HashSet<>();
    actual.windowDocs().forEach(d -> shardsInWindow.add(d.get("shard")));
    assertEquals("window from one shard only: " + shardsInWindow, 1, shardsInWindow.size());
  }

  @Test
  public void aShardWithFewerHitsThanTheWindow() throws Exception {
    List<List<String>> byShard = new ArrayList<>(CloudSupport.idsByShard(cluster, TWO).values());
    List<String> ids = new ArrayList<>(byShard.get(0).subList(0, 120));
    ids.addAll(byShard.get(1).subList(0, 4));
    SolrQuery q = window(60, 7);
    q.addFilterQuery("{!terms f=id}" + String.join(",", ids));
    Answer actual = Answer.of(cluster.getSolrClient().query(TWO, q));
    assertSameAnswer("a shard with 4 hits", Answer.of(CloudSupport.onCore(reference, q)), actual);
    contract.check(TWO, q, actual);
    assertEquals(60, actual.windowDocs().size());
  }

  /** Fewer hits in all than k: the selection takes what there is, everywhere the same way. */
  @Test
  public void fewerHitsThanKInTheWholeCollection() throws Exception {
    List<List<String>> byShard = new ArrayList<>(CloudSupport.idsByShard(cluster, THREE).values());
    SolrQuery q = window(20, 5);
    q.addFilterQuery("{!terms f=id}" + byShard.get(0).get(0) + "," + byShard.get(2).get(3));
    Answer actual = Answer.of(cluster.getSolrClient().query(THREE, q));
    assertSameAnswer("two hits", Answer.of(CloudSupport.onCore(reference, q)), actual);
    contract.check(THREE, q, actual);
    assertEquals(2, actual.ids().size());
  }

  @Test
  public void noHitsAtAll() throws Exception {
    SolrQuery q = window(20, 5);
    q.addFilterQuery("category:nothing");
    Answer actual = Answer.of(cluster.getSolrClient().query(THREE, q));
    assertEquals(0, actual.numFound());
    assertEquals(0, actual.windowDocs().size());
    contract.check(THREE, q, actual);
  }

  /**
   * With rows=0 the shards' collectors do not run (Solr only counts): the shards read their window
   * again, and the debug section is still the one-core section.
   */
  @Test
  public void noRowsStillGivesTheDebugSection() throws Exception {
    SolrQuery q = window(30, 4);
    q.setRows(0);
    Answer actual = Answer.of(cluster.getSolrClient().query(THREE, q));
    assertEquals(List.of(), actual.ids());
    assertSameAnswer("rows=0", Answer.of(CloudSupport.onCore(reference, q)), actual);
    contract.check(THREE, q, actual);
    assertEquals(30, actual.windowDocs().size());
  }

  /** start/rows page over the global re-ranked order, within the window and past it. */
  @Test
  public void pagesOverTheGlobalOrder() throws Exception {
    SolrQuery full = window(25, 6);
    full.setRows(200);
    full.remove("debugQuery");
    Answer expected = Answer.of(CloudSupport.onCore(reference, full));
    List<String> ids = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    List<Object> info = new ArrayList<>();
    for (int start = 0; start < 77; start += 7) {
      SolrQuery page = full.getCopy();
      page.setStart(start);
      page.setRows(7);
      Answer a = Answer.of(cluster.getSolrClient().query(THREE, page));
      contract.check(THREE, page, a);
      ids.addAll(a.ids());
      scores.addAll(a.scores());
      info.addAll(a.info());
    }
    assertEquals(expected.ids().subList(0, 77), ids);
    assertEquals(expected.scores().subList(0, 77), scores);
    Answer.similar("pages' [qrerank]", expected.info().subList(0, 77), info);
  }

  /**
   * The quantum solver runs at the coordinator too: with the same seed it gives the one-core answer
   * and the same {@code quantum} debug part ({@code compare=qaoa} beside the exact answer).
   */
  @Test
  public void qaoaAtTheCoordinatorAnswersAsOneCore() throws Exception {
    for (String solver : new String[] {"solver=qaoa", "solver=exact compare=qaoa"}) {
      SolrQuery q = window(40, 4);
      q.set(
          "rq",
          "{!qrerank reRankDocs=40 k=4 "
              + solver
              + " seed=5 shots=128 layers=1 qubits=10"
              + " caps=brand:1 stockField=stock vectorField=embedding dims=4 timeoutMs=30000}");
      Answer actual = Answer.of(cluster.getSolrClient().query(TWO, q));
      assertSameAnswer(solver, Answer.of(CloudSupport.onCore(reference, q)), actual);
      assertTrue(solver, actual.debug().get("quantum") != null);
      contract.check(TWO, q, actual);
    }
  }

  /** A request that sorts by a field merges the shards in that order, as one core sorts. */
  @Test
  public void sortsByAFieldAsOneCore() throws Exception {
    SolrQuery q = window(30, 5);
    q.set("sort", "price asc,id asc");
    q.setRows(40);
    Answer actual = Answer.of(cluster.getSolrClient().query(TWO, q));
    assertSameAnswer("sort=price asc", Answer.of(CloudSupport.onCore(reference, q)), actual);
    contract.check(TWO, q, actual);
  }

  /**
   * The debug section names the shard of every window document (the shard that holds it) and
   * measures each shard's extra payload; {@code shards.info} reports each shard as usual.
   */
  @Test
  public void theDebugSectionNamesShardsAndPayloads() throws Exception {
    Map<String, List<String>> byShard = CloudSupport.idsByShard(cluster, TWO);
    Map<String, String> shardOfId = new HashMap<>();
    byShard.forEach((shard, ids) -> ids.forEach(id -> shardOfId.put(id, shard)));
    SolrQuery q = window(100, 5);
    q.set(
        "rq",
        "{!qrerank reRankDocs=100 k=5 vectorField=embedding stockField=stock caps=brand:2"
            + " utility=margin:0.5 solver=exact timeoutMs=5000}");
    q.set("shards.info", true);
    QueryResponse rsp = cluster.getSolrClient().query(TWO, q);
    Answer a = Answer.of(rsp);
    contract.check(TWO, q, a);
    NamedList<?> shardsInfo = (NamedList<?>) rsp.getResponse().get("shards.info");
    assertEquals("shards.info: " + shardsInfo, 2, shardsInfo.size());
    long hits = 0;
    for (int i = 0; i < shardsInfo.size(); i++) {
      hits += ((Number) ((NamedList<?>) shardsInfo.getVal(i)).get("numFound")).longValue();
    }
    assertEquals(a.numFound(), hits);
    for (NamedList<Object> d : a.windowDocs()) {
      String shard = (String) d.get("shard");
      String expectedShard = shardOfId.get((String) d.get("id"));
      assertTrue(
          shard + " does not name " + expectedShard,
          shard.contains("/" + TWO + "_" + expectedShard + "_"));
    }
    @SuppressWarnings("unchecked")
    List<NamedList<Object>> shards = (List<NamedList<Object>>) a.debug().get("shards");
    assertEquals(2, shards.size());
    int inWindow = 0;
    for (NamedList<Object> s : shards) {
      long bytes = ((Number) s.get("payloadBytes")).longValue();
      // 100 vectors of 32 float32 alone take 12,800 bytes
      assertTrue("payload of " + s, bytes > 100 * 32 * 4 && bytes < 100 * 400);
      assertEquals(100, ((Number) s.get("windowValues")).intValue());
      inWindow += ((Number) s.get("inGlobalWindow")).intValue();
    }
    assertEquals(100, inWindow);
    assertFalse(a.debug().get("docs").toString().isEmpty());
  }

  private static SolrQuery window(int reRankDocs, int k) {
    SolrQuery q = new SolrQuery("popularity");
    q.set("defType", "func");
    q.set(
        "rq",
        "{!qrerank reRankDocs="
            + reRankDocs
            + " k="
            + k
            + " caps=brand:1 stockField=stock vectorField=embedding dims=4 lambda=0.5"
            + " utility=margin:0.5 solver=exact timeoutMs=5000}");
    q.setFields("id,score,[qrerank]");
    q.setRows(reRankDocs + 10);
    q.set("debugQuery", true);
    return q;
  }
}
