package io.github.qrerank.solr;

import static io.github.qrerank.solr.QRerankSearchTest.reranked;

import io.github.qrerank.provider.server.FaultPlan;
import io.github.qrerank.solr.remote.ProviderFixture;
import io.github.qrerank.solr.remote.RemoteSolver;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.BeforeClass;
import org.junit.Test;
import org.noggit.ObjectBuilder;

/**
 * {@code solver=remote} through Solr with the provider server recording what it receives: only the
 * circuit's numbers leave Solr; and a bounded load (500 requests from 8 threads) while the provider
 * flaps between faults: no Solr error, every answer within the hard constraints, the job threads
 * bounded, and no thread left behind.
 */
public class QRerankRemoteLoadTest extends RemoteSolrTestCase {
  /** One line of OpenQASM 3 as qrerank emits it: declarations, gates on qubits, measurement. */
  private static final Pattern QASM_LINE =
      Pattern.compile(
          "OPENQASM 3\\.0;|include \"stdgates\\.inc\";|qubit\\[\\d+\\] q;|bit\\[\\d+\\] c;"
              + "|c = measure q;|[a-z]+(\\([-+0-9.eE]+\\))? q\\[\\d+\\](, q\\[\\d+\\])*;");

  @BeforeClass
  public static void beforeClass() throws Exception {
    startProviderAndCore();
  }

  @Test
  @SuppressWarnings("unchecked")
  public void onlyTheCircuitsNumbersLeaveSolr() throws Exception {
    int before = provider.recorded().size();
    String uv = "[0.123456,-0.654321,0.777777,0.314159]";
    String query = "phone case pro";
    Map<String, Object> rsp =
        reranked(
            "{!qrerank solver=remote timeoutMs=30000 userVector=$uv stockField=stock minStock=2"
                + " caps=brand:1 quotas=is_new=true:1 utility=margin:1}",
            "q", query, "uv", uv);
    Map<String, Object> section = debugSection(rsp);
    assertEquals("provider", remoteSection(rsp).get("source"));
    List<String> lines = provider.recorded().subList(before, provider.recorded().size());
    assertTrue("submit, status, results: " + lines, lines.size() >= 3);

    // What must not leave Solr: ids, field names and values, the query's words, the user vector.
    Set<String> secrets = new HashSet<>();
    for (Map<String, Object> d : windowDocs(section)) {
      String id = (String) d.get("id");
      secrets.add(id);
      Catalog.Product p = CATALOG.get(id);
      secrets.add(p.brand());
      secrets.add(p.category());
    }
    secrets.addAll(List.of("stock", "brand", "is_new", "margin", "embedding", "category"));
    secrets.addAll(List.of(query.split(" ")));
    secrets.addAll(List.of("0.123456", "0.654321", "0.777777", "0.314159"));
    secrets.remove(null);

    int submits = 0;
    for (String line : lines) {
      Map<String, Object> r = (Map<String, Object>) ObjectBuilder.fromJSON(line);
      Map<String, Object> headers = (Map<String, Object>) r.get("headers");
      assertEquals(List.of("<redacted>"), headers.get("authorization"));
      for (Map.Entry<String, Object> h : headers.entrySet()) {
        for (Object value : (List<Object>) h.getValue()) {
          assertNoSecret(secrets, h.getKey() + ": " + value);
        }
      }
      String path = (String) r.get("path");
      if (r.get("method").equals("POST") && path.equals("/jobs")) {
        submits++;
        Map<String, Object> body = (Map<String, Object>) r.get("body");
        assertEquals(Set.of("program_id", "backend", "params"), body.keySet());
        assertEquals("sampler", body.get("program_id"));
        Map<String, Object> params = (Map<String, Object>) body.get("params");
        assertEquals(Set.of("pubs"), params.keySet());
        List<Object> pub = ((List<List<Object>>) params.get("pubs")).get(0);
        assertEquals(3, pub.size());
        assertNull(pub.get(1));
        assertEquals(128, ((Number) pub.get(2)).intValue());
        for (String qasmLine : ((String) pub.get(0)).split("\n")) {
          assertTrue("not a circuit line: " + qasmLine, QASM_LINE.matcher(qasmLine).matches());
        }
        assertNoSecret(secrets, (String) pub.get(0));
      } else {
        assertEquals("GET", r.get("method"));
        assertTrue(path, path.matches("/jobs/[A-Za-z0-9_-]+(/results)?"));
        assertNull(r.get("body"));
      }
    }
    assertEquals(1, submits);
  }

  private static void assertNoSecret(Set<String> secrets, String text) {
    for (String s : secrets) {
      Pattern word =
          Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(s) + "(?![A-Za-z0-9_])");
      assertFalse(s + " left Solr in: " + text, word.matcher(text).find());
    }
  }

  @Test
  public void boundedLoadWhileTheProviderFlaps() throws Exception {
    RemoteSolver load = remote("qrerank_load");
    String prefix = RemoteSolver.threadPrefix("load");
    Set<Long> threadsBefore = liveThreads().keySet();
    List<FaultPlan> plans =
        List.of(
            ProviderFixture.errors(0.3),
            ProviderFixture.slow(300),
            ProviderFixture.malformed(0.3),
            new FaultPlan(0.05, 0.05, 300, 0.05, 0.05, 0.1),
            ProviderFixture.failedJobs());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger maxJobThreads = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Thread flapper =
        new Thread(
            () -> {
              Random r = new Random(5);
              for (int tick = 0; !stop.get(); tick++) {
                // healthy and broken in turn, a random kind of broken each time
                provider.faults(tick % 2 == 0 ? FaultPlan.NONE : plans.get(r.nextInt(plans.size())));
                maxJobThreads.accumulateAndGet(load.jobThreads(), Math::max);
                maxInFlight.accumulateAndGet(load.jobsInFlight(), Math::max);
                try {
                  Thread.sleep(150);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "qrerank-load-flapper");
    flapper.start();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    AtomicInteger clientThreads = new AtomicInteger();
    ExecutorService clients =
        Executors.newFixedThreadPool(
            8, r -> new Thread(r, "qrerank-load-client-" + clientThreads.incrementAndGet()));
    int requests = 500;
    for (int i = 0; i < requests; i++) {
      int n = i;
      clients.execute(
          () -> {
            Random r = new Random(1000L + n);
            QRerankConstraintsTest.Request q = QRerankConstraintsTest.randomRequest(r);
            q.local.put("solver", "remote");
            q.local.put("timeoutMs", "200");
            String rq = q.rq().replaceFirst("\\{!qrerank ", "{!qrerank_load ");
            String text = QRerankConstraintsTest.QUERIES[r.nextInt(QRerankConstraintsTest.QUERIES.length)];
            String message = "request " + n + ": " + text + " " + rq;
            try {
              Map<String, Object> rsp =
                  query("q", text, "rq", rq, "fl", "id,[qrerank]", "rows", "30",
                      "debugQuery", "true");
              Map<String, Object> section = debugSection(rsp);
              QRerankConstraintsTest.checkConstraintsAgainstCatalog(section, q, message);
              Object reason = section.get("fallbackReason");
              if (reason == null) {
                assertEquals(message, "remote", section.get("solver"));
              } else {
                assertTrue(
                    message + " reason " + reason,
                    List.of("timeout", "error", "auth", "bad_response", "circuit_open",
                            "rejected", "qaoa-incomplete")
                        .contains(reason));
              }
              answered
                  .computeIfAbsent(String.valueOf(reason), x -> new AtomicInteger())
                  .incrementAndGet();
            } catch (Throwable t) {
              failures.add(message + ": " + t);
            }
          });
    }
    clients.shutdown();
    assertTrue("clients finished", clients.awaitTermination(10, TimeUnit.MINUTES));
    stop.set(true);
    flapper.join();
    provider.faults(FaultPlan.NONE);

    assertTrue(failures.size() + " Solr errors, first: " + failures.peek(), failures.isEmpty());
    int total = answered.values().stream().mapToInt(AtomicInteger::get).sum();
    assertEquals(requests, total);
    assertTrue("job threads bounded: " + maxJobThreads, maxJobThreads.get() <= 4);
    assertTrue("jobs in flight bounded: " + maxInFlight, maxInFlight.get() <= 4);
    waitUntil("background jobs to end", () -> load.jobsInFlight() == 0);
    assertTrue(load.jobThreads() <= 4);
    waitUntil(
        "the client threads to end",
        () -> liveThreads().values().stream().noneMatch(n -> n.startsWith("qrerank-load-")));

    // No thread left behind: what is new is a bounded pool of ours, the provider server's, or
    // the JDK HTTP client's selector.
    Map<Long, String> after = liveThreads();
    after.keySet().removeAll(threadsBefore);
    Map<String, Long> leftByPool =
        after.values().stream()
            .collect(Collectors.groupingBy(RemoteLoadPools::pool, TreeMap::new, Collectors.counting()));
    assertTrue(
        "unexpected threads: " + leftByPool,
        leftByPool.keySet().stream().noneMatch(k -> k.startsWith(RemoteLoadPools.OTHER)));
    assertTrue(leftByPool.toString(), leftByPool.getOrDefault(prefix, 0L) <= 4);
    assertFalse(leftByPool.toString(), leftByPool.containsKey("qrerank-load-client-"));
    System.out.println("load test: answers by fallback reason " + new TreeMap<>(answered)
        + "; new threads by pool " + leftByPool);
  }

  private static Map<Long, String> liveThreads() {
    Map<Long, String> out = new ConcurrentHashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive()) {
        out.put(t.getId(), t.getName());
      }
    }
    return out;
  }

  /** The pools a thread created during the load test may belong to. */
  private static final class RemoteLoadPools {
    static final String OTHER = "other";

    static String pool(String name) {
      for (String p :
          List.of(
              RemoteSolver.threadPrefix("load"),
              "qrerank-load-client-",
              "qrerank-provider-http-",
              "qrerank-provider-sim-",
              "HttpClient-")) {
        if (name.startsWith(p)) {
          return p;
        }
      }
      if (name.matches("qrerank-provider-\\d+-\\d+")) {
        return "qrerank-provider-<client>-";
      }
      return OTHER + ":" + name;
    }
  }
}
