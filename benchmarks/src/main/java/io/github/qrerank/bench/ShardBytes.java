package io.github.qrerank.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.impl.InputStreamResponseParser;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.util.NamedList;

/**
 * What a shard sends back for the first (top ids) request of a distributed query, measured on the
 * wire: each query's shard request (as the coordinator sends it: {@code isShard=true}, {@code
 * distrib=false}, {@code fsv=true}, javabin, {@code start=0}, {@code rows=10}, {@code fl=id,score})
 * is sent to each shard's core directly, once with {@code {!rerank}} and once with {@code
 * {!qrerank}}, and the bytes of both responses counted; the difference is qrerank's extra payload,
 * its {@code qrerank.window} section.
 */
final class ShardBytes {
  record Result(int responses, Latencies rerank, Latencies qrerank, Latencies extra) {}

  private ShardBytes() {}

  static Result measure(MiniSolrCloudCluster cluster, List<SolrQuerySet.BenchQuery> queries)
      throws Exception {
    DocCollection collection =
        cluster.getZkStateReader().getClusterState().getCollection(BenchSolr.CORE);
    List<Replica> shards = new ArrayList<>();
    for (Slice slice : collection.getSlices()) {
      shards.add(slice.getLeader());
    }
    int n = queries.size() * shards.size();
    long[] rerank = new long[n];
    long[] qrerank = new long[n];
    long[] extra = new long[n];
    int i = 0;
    for (SolrQuerySet.BenchQuery q : queries) {
      for (Replica shard : shards) {
        try (SolrClient client = new Http2SolrClient.Builder(shard.getBaseUrl()).build()) {
          rerank[i] = bytes(client, shard.getCoreName(), SolrBench.rerank(q));
          qrerank[i] = bytes(client, shard.getCoreName(), SolrBench.qrerank(q));
        }
        extra[i] = qrerank[i] - rerank[i];
        i++;
      }
    }
    return new Result(n, new Latencies(rerank), new Latencies(qrerank), new Latencies(extra));
  }

  private static long bytes(SolrClient client, String core, SolrQuery query) throws Exception {
    query.set("isShard", true);
    query.set("distrib", false);
    query.set("fsv", true);
    query.setStart(0);
    QueryRequest request = new QueryRequest(query);
    request.setResponseParser(new InputStreamResponseParser("javabin"));
    NamedList<Object> response = client.request(request, core);
    try (InputStream in = (InputStream) response.get(InputStreamResponseParser.STREAM_KEY)) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
