package io.github.qrerank.bench;

import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import io.github.qrerank.provider.server.FaultPlan;
import io.github.qrerank.provider.server.ProviderServer;
import io.github.qrerank.provider.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * Section 10: {@code solver=remote} against {@code solver=exact} on the same queries while the
 * provider flaps. A provider server runs in the benchmark JVM on loopback; a real Solr (as in
 * section 3) gets a second query parser, {@value #PARSER}, whose {@code remote} list points at it.
 * A seeded flapper changes the provider's faults every {@value #FLAP_MS} ms: healthy and broken in
 * turn, a random kind of broken each time ({@link #PLANS}). Each query is sent once with each
 * solver, interleaved, from one client; both carry {@code debugQuery=true} (the remote solver's
 * own time and fallback reason are read from it) and the fields the constraint check needs.
 */
final class RemoteBench {
  static final long QUERY_SEED = 11L;
  static final long FLAP_SEED = 5L;
  static final long PROVIDER_SEED = 17L;
  static final int TIMEOUT_MS = 100;
  static final int QUBITS = 12;
  static final int SHOTS = 256;
  static final int LAYERS = 2;
  static final long FLAP_MS = 250;
  static final String PARSER = "qrerank_remote";
  static final String PROVIDER = "bench";
  static final int MAX_CONCURRENT_JOBS = 8;
  static final int BREAKER_FAILURES = 5;
  static final int BREAKER_OPEN_MS = 1000;
  static final int LATE_ANSWER_TIMEOUT_MS = 5000;
  static final int READ_TIMEOUT_MS = 2000;

  /** The request, for both solvers: as section 3's, with the quantum settings. */
  static final String REQUEST =
      " timeoutMs="
          + TIMEOUT_MS
          + " reRankDocs="
          + SolrBench.RERANK_DOCS
          + " k="
          + QrerankCheck.K
          + " stockField=stock caps=brand:"
          + QrerankCheck.CAP
          + " utility=margin:0.5,conversion_rate:0.5 vectorField=embedding userVector=$"
          + SolrBench.USER_VECTOR
          + " lambda=0.5 qubits="
          + QUBITS
          + " shots="
          + SHOTS
          + " layers="
          + LAYERS
          + "}";

  static final String EXACT = "{!qrerank solver=exact" + REQUEST;
  static final String REMOTE = "{!" + PARSER + " solver=remote" + REQUEST;

  /** The broken states the flapper picks from, by name; the healthy state is {@link #HEALTHY}. */
  static final Map<String, FaultPlan> PLANS = plans();

  static final String HEALTHY = "healthy";

  private static Map<String, FaultPlan> plans() {
    Map<String, FaultPlan> m = new LinkedHashMap<>();
    m.put("30% HTTP 500", new FaultPlan(0.3, 0, 2000, 0, 0, 0));
    m.put("every answer 300 ms late", new FaultPlan(0, 1, 300, 0, 0, 0));
    m.put("30% malformed bodies", new FaultPlan(0, 0, 2000, 0.3, 0, 0));
    m.put("30% dropped connections", new FaultPlan(0, 0, 2000, 0, 0.3, 0));
    m.put("50% of jobs end Failed", new FaultPlan(0, 0, 2000, 0, 0, 0.5));
    m.put("a bit of everything", new FaultPlan(0.1, 0.1, 300, 0.1, 0.1, 0.1));
    return m;
  }

  /**
   * What the section measured.
   *
   * @param exact client latency of the exact requests
   * @param remote client latency of the remote requests that got an answer
   * @param solverOvershoot per remote request, the remote solver's time past {@code timeoutMs}
   *     (0 when within)
   * @param clientOvershoot per remote request, the client's latency past {@code timeoutMs}
   * @param answers remote answers by where they came from: the provider, the late-answer cache, or
   *     the fallback reason
   * @param msByPlan time the provider spent in each state
   */
  record Outcome(
      String description,
      int queries,
      Latencies exact,
      Latencies remote,
      Latencies solverOvershoot,
      Latencies clientOvershoot,
      int exactErrors,
      int remoteErrors,
      int exactViolations,
      int remoteViolations,
      Map<String, Integer> answers,
      Map<String, Long> msByPlan,
      long shots,
      long jobsSubmitted,
      long lateAnswerHits,
      String firstError) {}

  private RemoteBench() {}

  static Outcome run(BenchOptions o) throws Exception {
    CatalogGenerator catalog = new CatalogGenerator(SolrBench.CATALOG_SEED);
    Path dir = Files.createTempDirectory("qrerank-bench-provider-");
    Path token = Files.writeString(dir.resolve("token"), "bench-token-" + PROVIDER_SEED + "\n");
    try (ProviderServer provider =
            ProviderServer.start(
                ServerOptions.parse(
                    "--port", "0", "--token-file", token.toString(), "--seed", "" + PROVIDER_SEED));
        BenchSolr solr = BenchSolr.start(home -> addParser(home, provider, token))) {
      BenchMain.progress(
          String.format(java.util.Locale.ROOT, "remote: indexing %,d products", o.solrDocs()));
      solr.index(catalog, o.solrDocs());
      SolrClient client = solr.client();
      List<List<SolrQuerySet.BenchQuery>> sets = pick(client, catalog, o);
      List<SolrQuerySet.BenchQuery> warmUp = sets.get(0);
      List<SolrQuerySet.BenchQuery> measured = sets.get(1);
      BenchMain.progress("remote: warm-up on a healthy provider, " + warmUp.size() + " queries x 2");
      Run warm = new Run(warmUp.size());
      for (int i = 0; i < warmUp.size(); i++) {
        send(client, warmUp.get(i), i, warm);
      }
      BenchMain.progress("remote: measuring under faults, " + measured.size() + " queries x 2");
      Flapper flapper = new Flapper(provider);
      Thread flapping = new Thread(flapper, "qrerank-bench-flapper");
      flapping.start();
      Run run = new Run(measured.size());
      try {
        for (int i = 0; i < measured.size(); i++) {
          send(client, measured.get(i), i, run);
        }
      } finally {
        flapper.stop.set(true);
        flapping.join();
        provider.faults(FaultPlan.NONE);
      }
      NamedList<?> metrics = metrics(client);
      String prefix = "QUERYPARSER.qrerank.remote." + PROVIDER + ".";
      return new Outcome(
          describe(o, measured.size(), warmUp.size()),
          measured.size(),
          latencies(run.exact.nanos, run.exact.count),
          latencies(run.remote.nanos, run.remote.count),
          latencies(run.solverOvershoot, run.remote.count),
          latencies(run.clientOvershoot, run.remote.count),
          run.exact.errors,
          run.remote.errors,
          run.exact.violations,
          run.remote.violations,
          new TreeMap<>(run.answers),
          flapper.msByPlan(),
          count(metrics, prefix + "shots"),
          count(metrics, prefix + "jobs.submitted"),
          count(metrics, prefix + "lateAnswers.hits"),
          run.firstError);
    } finally {
      Files.deleteIfExists(token);
      Files.deleteIfExists(dir);
    }
  }

  /** Adds {@value #PARSER} with a {@code remote} list pointing at {@code provider}. */
  private static void addParser(Path home, ProviderServer provider, Path token)
      throws IOException {
    Path solrconfig = home.resolve(BenchSolr.CORE).resolve("conf").resolve("solrconfig.xml");
    String parser =
        "  <queryParser name=\"" + PARSER + "\""
            + " class=\"io.github.qrerank.solr.search.QRerankQParserPlugin\">\n"
            + "    <lst name=\"remote\">\n"
            + "      <str name=\"name\">" + PROVIDER + "</str>\n"
            + "      <str name=\"url\">" + provider.baseUri() + "</str>\n"
            + "      <str name=\"tokenFile\">" + token + "</str>\n"
            + "      <int name=\"pollIntervalMs\">5</int>\n"
            + "      <int name=\"readTimeoutMs\">" + READ_TIMEOUT_MS + "</int>\n"
            + "      <int name=\"maxConcurrentJobs\">" + MAX_CONCURRENT_JOBS + "</int>\n"
            + "      <int name=\"breakerFailures\">" + BREAKER_FAILURES + "</int>\n"
            + "      <int name=\"breakerOpenMs\">" + BREAKER_OPEN_MS + "</int>\n"
            + "      <int name=\"lateAnswerTimeoutMs\">" + LATE_ANSWER_TIMEOUT_MS + "</int>\n"
            + "    </lst>\n"
            + "  </queryParser>\n";
    String xml = Files.readString(solrconfig);
    int end = xml.lastIndexOf("</config>");
    if (end < 0) {
      throw new IllegalStateException("no </config> in " + solrconfig);
    }
    Files.writeString(solrconfig, xml.substring(0, end) + parser + xml.substring(end));
  }

  /** [warm-up, measured]: distinct queries not naming a brand, with full windows. */
  private static List<List<SolrQuerySet.BenchQuery>> pick(
      SolrClient client, CatalogGenerator catalog, BenchOptions o) throws Exception {
    List<SolrQuerySet.BenchQuery> warmUp = new ArrayList<>();
    List<SolrQuerySet.BenchQuery> measured = new ArrayList<>();
    int warmUpWanted = Math.max(1, o.solrWarmUpQueries() / 3);
    for (SolrQuerySet.BenchQuery q : SolrQuerySet.build(catalog, QUERY_SEED)) {
      if (q.namesBrand()) {
        continue;
      }
      SolrQuery count = SolrBench.base(q);
      count.setRows(0);
      if (client.query(BenchSolr.CORE, count).getResults().getNumFound() < o.solrMinHits()) {
        continue;
      }
      if (warmUp.size() < warmUpWanted) {
        warmUp.add(q);
      } else if (measured.size() < o.solrQueries()) {
        measured.add(q);
      } else {
        break;
      }
    }
    if (measured.size() < o.solrQueries()) {
      throw new IllegalStateException("only " + measured.size() + " usable queries");
    }
    return List.of(warmUp, measured);
  }

  /** Both solvers on query {@code i}, the order alternating from one query to the next. */
  private static void send(SolrClient client, SolrQuerySet.BenchQuery q, int i, Run run) {
    if (i % 2 == 0) {
      exact(client, q, run);
      remote(client, q, run);
    } else {
      remote(client, q, run);
      exact(client, q, run);
    }
  }

  private static SolrQuery request(SolrQuerySet.BenchQuery q, String rq) {
    SolrQuery query = SolrBench.base(q);
    query.set("rq", rq);
    query.setFields("id", "brand", "stock", "score", "[qrerank]");
    query.set("debugQuery", true);
    return query;
  }

  private static void exact(SolrClient client, SolrQuerySet.BenchQuery q, Run run) {
    Sent sent = run.exact.send(client, request(q, EXACT), run);
    if (sent != null) {
      run.exact.answered(sent);
    }
  }

  private static void remote(SolrClient client, SolrQuerySet.BenchQuery q, Run run) {
    Sent sent = run.remote.send(client, request(q, REMOTE), run);
    if (sent == null) {
      return;
    }
    QueryResponse response = sent.response();
    Object debug = response.getDebugMap() == null ? null : response.getDebugMap().get("qrerank");
    if (debug == null) {
      run.remote.failed(new IllegalStateException("no qrerank debug section"), run);
      return;
    }
    long timeout = TIMEOUT_MS * 1_000_000L;
    Object solve = QrerankCheck.get(QrerankCheck.get(debug, "timingsMs"), "solve");
    double solveMs = ((Number) solve).doubleValue();
    int n = run.remote.answered(sent);
    run.solverOvershoot[n] = Math.max(0, Math.round(solveMs * 1e6) - timeout);
    run.clientOvershoot[n] = Math.max(0, sent.nanos() - timeout);
    Object reason = QrerankCheck.get(debug, "fallbackReason");
    Object source = QrerankCheck.get(QrerankCheck.get(debug, "remote"), "source");
    String key = reason == null ? "answered from " + source : "fallback: " + reason;
    if (reason != null && source != null) {
      key = "answered from " + source + ", then " + reason;
    }
    run.answers.merge(key, 1, Integer::sum);
  }

  private static NamedList<?> metrics(SolrClient client) throws Exception {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("group", "core");
    p.set("prefix", "QUERYPARSER.qrerank.remote." + PROVIDER);
    NamedList<Object> rsp =
        client.request(new GenericSolrRequest(SolrRequest.METHOD.GET, "/admin/metrics", p));
    NamedList<?> byRegistry = (NamedList<?>) rsp.get("metrics");
    return (NamedList<?>) byRegistry.getVal(0);
  }

  private static long count(NamedList<?> metrics, String name) {
    Object v = metrics.get(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("metric " + name + " missing: " + metrics);
  }

  private static Latencies latencies(long[] values, int count) {
    long[] used = new long[Math.max(1, count)];
    System.arraycopy(values, 0, used, 0, count);
    return new Latencies(used);
  }

  private static String describe(BenchOptions o, int measured, int warmUp) {
    return String.format(
        java.util.Locale.ROOT,
        "The Solr of section 3 (Jetty on 127.0.0.1, core `products`, %,d products of"
            + " `CatalogGenerator(%d)`) with one more query parser, `%s`, whose `remote` list points"
            + " at qrerank's provider server running in the same JVM on loopback (`ProviderServer`,"
            + " seed %d, 2 simulation threads; it simulates each circuit on its state-vector"
            + " engine). Provider settings: pollIntervalMs=5, readTimeoutMs=%d,"
            + " maxConcurrentJobs=%d, maxAttempts=3, breakerFailures=%d, breakerOpenMs=%d,"
            + " lateAnswerCacheSize=256, lateAnswerTimeoutMs=%d. The request, for both solvers:"
            + " `%s` with `solver=exact` (the `qrerank` parser) or `solver=remote` (the `%s`"
            + " parser): k=%d, at most %d per brand, in stock, qubits=%d, shots=%d, layers=%d. %d"
            + " distinct text queries (seed %d, not naming a brand, at least %d hits), each sent"
            + " once with each solver from one client, interleaved, after %d warm-up queries on a"
            + " healthy provider. Every %d ms a seeded flapper (seed %d) switches the provider's"
            + " faults: healthy and broken in turn, broken being one of: %s (`PUT /admin/faults`"
            + " does the same from outside). Both requests carry `debugQuery=true` and"
            + " `fl=id,brand,stock,score,[qrerank]`: the remote solver's time (`timingsMs.solve`:"
            + " exact answer, circuit, provider, repair) and fallback reason come from the debug"
            + " section, the constraint check reads the returned documents. The client's clock is"
            + " around `SolrClient.query`.",
        o.solrDocs(),
        SolrBench.CATALOG_SEED,
        PARSER,
        PROVIDER_SEED,
        READ_TIMEOUT_MS,
        MAX_CONCURRENT_JOBS,
        BREAKER_FAILURES,
        BREAKER_OPEN_MS,
        LATE_ANSWER_TIMEOUT_MS,
        "{!qrerank" + REQUEST,
        PARSER,
        QrerankCheck.K,
        QrerankCheck.CAP,
        QUBITS,
        SHOTS,
        LAYERS,
        measured,
        QUERY_SEED,
        o.solrMinHits(),
        warmUp,
        FLAP_MS,
        FLAP_SEED,
        String.join(", ", PLANS.keySet()));
  }

  /** The measurements of one pass. */
  private static final class Run {
    final Side exact;
    final Side remote;
    final long[] solverOvershoot;
    final long[] clientOvershoot;
    final Map<String, Integer> answers = new HashMap<>();
    String firstError;

    Run(int queries) {
      exact = new Side(queries);
      remote = new Side(queries);
      solverOvershoot = new long[queries];
      clientOvershoot = new long[queries];
    }

    void error(Exception e) {
      if (firstError == null) {
        firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
  }

  /** A response and the client's time around {@code SolrClient.query}. */
  private record Sent(QueryResponse response, long nanos) {}

  /** One solver's side of a pass: client times of its answers, errors, constraint violations. */
  private static final class Side {
    final long[] nanos;
    int count;
    int errors;
    int violations;

    Side(int queries) {
      nanos = new long[queries];
    }

    /** Sends {@code query}; null when it failed (counted as an error). */
    Sent send(SolrClient client, SolrQuery query, Run run) {
      long start = System.nanoTime();
      try {
        QueryResponse response = client.query(BenchSolr.CORE, query);
        return new Sent(response, System.nanoTime() - start);
      } catch (Exception e) {
        failed(e, run);
        return null;
      }
    }

    void failed(Exception e, Run run) {
      errors++;
      run.error(e);
    }

    /**
     * Records an answer's time and checks its selected documents (section 10 counts one out of
     * stock or over the brand cap, not fewer than k); returns the answer's index.
     */
    int answered(Sent sent) {
      int n = count++;
      nanos[n] = sent.nanos();
      if (!QrerankCheck.respectsConstraints(sent.response(), false)) {
        violations++;
      }
      return n;
    }
  }

  /** Switches the provider's faults every {@value #FLAP_MS} ms and counts the time in each. */
  private static final class Flapper implements Runnable {
    final AtomicBoolean stop = new AtomicBoolean();
    private final ProviderServer provider;
    private final Map<String, Long> nanosByPlan = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>(PLANS.keySet());

    Flapper(ProviderServer provider) {
      this.provider = provider;
    }

    @Override
    public void run() {
      SplittableRandom r = new SplittableRandom(FLAP_SEED);
      for (int tick = 0; !stop.get(); tick++) {
        String name = tick % 2 == 0 ? HEALTHY : names.get(r.nextInt(names.size()));
        provider.faults(name.equals(HEALTHY) ? FaultPlan.NONE : PLANS.get(name));
        long start = System.nanoTime();
        try {
          Thread.sleep(FLAP_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } finally {
          synchronized (nanosByPlan) {
            nanosByPlan.merge(name, System.nanoTime() - start, Long::sum);
          }
        }
      }
    }

    Map<String, Long> msByPlan() {
      Map<String, Long> out = new LinkedHashMap<>();
      synchronized (nanosByPlan) {
        nanosByPlan.forEach((k, v) -> out.put(k, v / 1_000_000));
      }
      return out;
    }
  }
}
