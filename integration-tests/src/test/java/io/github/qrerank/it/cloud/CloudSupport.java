package io.github.qrerank.it.cloud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;

/**
 * Starting a MiniSolrCloudCluster with {@code configsets/products} and talking to its collections
 * and to single cores ({@code distrib=false}), for the SolrCloud tests.
 */
final class CloudSupport {
  static final String CONFIG = "products";

  /** {@link #CONFIG} with Solr's ExactStatsCache: distributed text scores use global statistics. */
  static final String EXACT_STATS_CONFIG = "products-exact-stats";

  static final String EXACT_STATS_CACHE =
      "<statsCache class=\"org.apache.solr.search.stats.ExactStatsCache\"/>";

  private CloudSupport() {}

  /** A cluster of {@code nodes} nodes on loopback with the products configset uploaded. */
  static MiniSolrCloudCluster start(int nodes, Path dir) throws Exception {
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, dir).build();
    Path conf = Path.of(System.getProperty(ConfigsetUploadTest.CONFIGSET_PROPERTY), "conf");
    cluster.uploadConfigSet(conf, CONFIG);
    return cluster;
  }

  /**
   * Uploads, as {@link #EXACT_STATS_CONFIG}, a copy of {@code configsets/products} (made under
   * {@code dir}) whose {@code solrconfig.xml} also has {@link #EXACT_STATS_CACHE}. Only the tests
   * use it: the users' configset keeps Solr's default (each shard's own statistics), and the README
   * tells users how to add the cache.
   */
  static void uploadExactStatsConfig(MiniSolrCloudCluster cluster, Path dir) throws Exception {
    Path source = Path.of(System.getProperty(ConfigsetUploadTest.CONFIGSET_PROPERTY), "conf");
    Path conf = Files.createDirectories(dir.resolve(EXACT_STATS_CONFIG).resolve("conf"));
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.toList()) {
        Files.copy(file, conf.resolve(file.getFileName().toString()));
      }
    }
    Path solrconfig = conf.resolve("solrconfig.xml");
    String xml = Files.readString(solrconfig);
    if (xml.contains("<statsCache") || !xml.trim().endsWith("</config>")) {
      throw new IllegalStateException("unexpected solrconfig.xml in " + source);
    }
    int end = xml.lastIndexOf("</config>");
    Files.writeString(
        solrconfig, xml.substring(0, end) + "  " + EXACT_STATS_CACHE + "\n" + xml.substring(end));
    cluster.uploadConfigSet(conf, EXACT_STATS_CONFIG);
  }

  /** Creates a collection of {@link #CONFIG}, indexes {@code docs} into it and commits. */
  static void collection(
      MiniSolrCloudCluster cluster,
      String name,
      int shards,
      int replicas,
      List<SolrInputDocument> docs)
      throws Exception {
    collection(cluster, name, CONFIG, shards, replicas, docs);
  }

  /** Creates a collection of {@code config}, indexes {@code docs} into it and commits. */
  static void collection(
      MiniSolrCloudCluster cluster,
      String name,
      String config,
      int shards,
      int replicas,
      List<SolrInputDocument> docs)
      throws Exception {
    CollectionAdminRequest.createCollection(name, config, shards, replicas)
        .process(cluster.getSolrClient());
    cluster.waitForActiveCollection(name, shards, shards * replicas);
    if (!docs.isEmpty()) {
      cluster.getSolrClient().add(name, docs);
    }
    cluster.getSolrClient().commit(name);
  }

  /** One active replica of every shard of {@code collection}, by shard name. */
  static Map<String, Replica> oneReplicaPerShard(MiniSolrCloudCluster cluster, String collection) {
    DocCollection c = cluster.getZkStateReader().getClusterState().getCollection(collection);
    Map<String, Replica> out = new LinkedHashMap<>();
    for (Slice slice : c.getSlices()) {
      Replica replica = slice.getLeader() != null ? slice.getLeader() : first(slice.getReplicas());
      out.put(slice.getName(), replica);
    }
    return out;
  }

  private static Replica first(Collection<Replica> replicas) {
    return replicas.iterator().next();
  }

  /** Runs {@code query} on one core alone ({@code distrib=false}). */
  static QueryResponse onCore(Replica replica, SolrQuery query) throws Exception {
    SolrQuery local = query.getCopy();
    local.set("distrib", false);
    try (SolrClient client = new Http2SolrClient.Builder(replica.getBaseUrl()).build()) {
      return client.query(replica.getCoreName(), local);
    }
  }

  /** The ids each shard of {@code collection} holds, by shard name. */
  static Map<String, List<String>> idsByShard(MiniSolrCloudCluster cluster, String collection)
      throws Exception {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Replica> e : oneReplicaPerShard(cluster, collection).entrySet()) {
      SolrQuery all = new SolrQuery("*:*");
      all.set("defType", "lucene");
      all.setFields("id");
      all.setRows(100_000);
      List<String> ids = new ArrayList<>();
      for (SolrDocument d : onCore(e.getValue(), all).getResults()) {
        ids.add((String) d.getFieldValue("id"));
      }
      out.put(e.getKey(), ids);
    }
    return out;
  }
}
