package io.github.qrerank.solr;

import static io.github.qrerank.solr.QRerankSearchTest.firstPass;
import static io.github.qrerank.solr.QRerankSearchTest.queryResultCacheHits;

import io.github.qrerank.solr.search.QRerankMetrics;
import io.github.qrerank.solr.search.QRerankQParserPlugin;
import io.github.qrerank.solver.SolverKind;
import io.github.qrerank.solver.Solvers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Requests answered at the same time get the answers they get one at a time. A seeded mix of 60
 * distinct requests (exact, greedy, auto and seeded QAOA; user vectors inline and by reference,
 * caps, quotas, stock, dims, lambda; pages inside, after and beyond the window; sorts, filters;
 * with and without the debug section and the transformer; some kept out of the query result
 * cache, some given a new identity each round) is first sent one by one: each answer is checked
 * against the contract and kept. Then 8 threads each send the whole mix, in their own seeded order,
 * for 3 rounds, so that equal requests run together and the query result cache both answers and
 * misses: every answer must equal the sequential one, apart from timings. Afterwards the
 * parser's solve counters must account for the sends that solved.
 */
public class QRerankConcurrencyTest extends QRerankTestCase {
  private static final long SEED = 20260417L;
  private static final int REQUESTS = 60;
  private static final int THREADS = 8;
  private static final int ROUNDS = 3;

  @BeforeClass
  public static void beforeClass() throws Exception {
    initQRerankCore();
    index(QRerankSearchTest.CATALOG, 3, QRerankSearchTest.DELETED);
  }

  @Test
  public void concurrentAnswersEqualSequentialOnes() throws Exception {
    List<MixedRequest> mix = MixedRequest.mix(SEED, REQUESTS, 2);
    assertCovers(mix);
    for (MixedRequest m : mix) {
      answerSequentially(m);
    }
    QRerankMetrics metrics = metrics();
    Map<SolverKind, Long> requestsBefore = requests(metrics);
    long timeoutsBefore = metrics.fallbacks(Solvers.TIMEOUT);
    long incompleteBefore = metrics.fallbacks(Solvers.INCOMPLETE);
    long hitsBefore = queryResultCacheHits();

    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    // per request and round: how many debug answers were recomputed from a cached list, and not
    Map<String, AtomicInteger> recomputed = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> collected = new ConcurrentHashMap<>();
    AtomicInteger threadNames = new AtomicInteger();
    for (int round = 1; round <= ROUNDS; round++) {
      ExecutorService clients =
          Executors.newFixedThreadPool(
              THREADS, r -> new Thread(r, "qrerank-concurrency-" + threadNames.incrementAndGet()));
      for (int t = 0; t < THREADS; t++) {
        List<MixedRequest> order = new ArrayList<>(mix);
        Collections.shuffle(order, new Random(SEED * 31 + round * THREADS + t));
        int salt = round;
        clients.execute(
            () -> {
              for (MixedRequest m : order) {
                try {
                  Map<String, Object> rsp = query(m.params(salt));
                  checkConcurrent(m, rsp);
                  if (m.debug) {
                    boolean again = (Boolean) debugSection(rsp).get("recomputed");
                    (again ? recomputed : collected)
                        .computeIfAbsent(m.n + "/" + salt, x -> new AtomicInteger())
                        .incrementAndGet();
                  }
                } catch (Throwable e) {
                  failures.add(m + " (round " + salt + "): " + e);
                }
              }
            });
      }
      clients.shutdown();
      assertTrue("round " + round + " finished", clients.awaitTermination(5, TimeUnit.MINUTES));
    }
    assertTrue(failures.size() + " failures, first: " + failures.peek(), failures.isEmpty());

    // Both paths ran: answers collected by the rank query, and answers from the query result
    // cache whose outcome was recomputed for the debug section.
    assertFalse("some debug answers came from the cache", recomputed.isEmpty());
    assertFalse("some debug answers were collected", collected.isEmpty());
    for (MixedRequest m : mix) {
      for (int round = 1; round <= ROUNDS && m.debug; round++) {
        String key = m.n + "/" + round;
        if (m.noCache) {
          assertNull(m + ": cache=false is never a cache hit", recomputed.get(key));
        }
        if (m.noCache || m.salted) {
          // a new identity each round: the first send of the round cannot be a hit
          assertNotNull(m + ": collected in round " + round, collected.get(key));
        }
      }
    }
    checkSolveCounters(mix, metrics, requestsBefore, hitsBefore);
    long sends = (long) THREADS * ROUNDS;
    long incompleteMin = 0;
    long incompleteMax = 0;
    for (MixedRequest m : mix) {
      assertNotEquals(m.toString(), Solvers.TIMEOUT, m.fallbackReason);
      if (Solvers.INCOMPLETE.equals(m.fallbackReason)) {
        incompleteMin += m.minSolves() * sends;
        incompleteMax += m.maxSolves() * sends;
      }
    }
    assertEquals("no solve ran out of time", timeoutsBefore, metrics.fallbacks(Solvers.TIMEOUT));
    long incomplete = metrics.fallbacks(Solvers.INCOMPLETE) - incompleteBefore;
    assertTrue(
        "qaoa-incomplete fallbacks " + incomplete
            + " in [" + incompleteMin + ", " + incompleteMax + "]",
        incompleteMin <= incomplete && incomplete <= incompleteMax);
  }

  /** The mix holds every kind of request the class documentation lists, several of each. */
  private static void assertCovers(List<MixedRequest> mix) {
    Map<String, Long> kinds = new TreeMap<>();
    for (MixedRequest m : mix) {
      List<String> of = new ArrayList<>();
      of.add("solver=" + m.solver);
      of.add(m.debug ? "debug" : "no debug");
      of.add(m.transformer ? "transformer" : "no transformer");
      of.add(m.noCache ? "cache=false" : m.salted ? "salted" : "cached");
      of.add(m.start == 0 ? (m.rows >= 1000 ? "every hit" : "first page")
          : m.start >= 200 ? "past every hit"
          : m.start >= m.reRankDocs() ? "past the window" : "inside the window");
      of.add(m.model.local.get("dims").equals("8") ? "dims=8" : "dims<8");
      of.add(m.userVectorByReference ? "userVector=$uv"
          : m.model.userVector != null ? "userVector inline" : "no userVector");
      Map<String, Boolean> has = Map.of(
          "fq", m.fq != null,
          "sort", m.sort != null,
          "caps", !m.model.caps.isEmpty(),
          "quotas", !m.model.quotas.isEmpty(),
          "stockField", m.model.minStock != null,
          "compare=qaoa", m.model.local.containsKey("compare"));
      has.forEach((k, v) -> of.add(v ? k : "no " + k));
      of.forEach(k -> kinds.merge(k, 1L, Long::sum));
    }
    assertEquals(kinds.toString(), 33, kinds.size());
    kinds.forEach((k, n) -> assertTrue(kinds.toString(), n >= 2));
  }

  /**
   * What keeps a re-ranked list out of the query result cache, which is what lets the mix above
   * both hit and miss it: Solr caches the rank query (wrapped around the main query) under its own
   * {@code equals} and its own {@code cache} flag. Each check sends a plain request (no debug
   * section, no transformer), which either solves once or is answered by the cache without a
   * solve; each request expected to be a hit follows one that put its key in the cache.
   */
  @Test
  public void whatKeepsARankQueryOutOfTheQueryResultCache() throws Exception {
    String rq = "{!qrerank k=3 lambda=0.31}";
    cacheAnswers("q", "phone", "rq", rq, "rows", "10");
    assertTrue("the same request", cacheAnswers("q", "phone", "rq", rq, "rows", "10"));
    assertTrue("a page within the cached list (queryResultWindowSize 10)",
        cacheAnswers("q", "phone", "rq", rq, "start", "2", "rows", "7"));
    assertFalse("a page past the cached list",
        cacheAnswers("q", "phone", "rq", rq, "start", "0", "rows", "15"));
    assertTrue("the list cached by the last miss is longer",
        cacheAnswers("q", "phone", "rq", rq, "rows", "12"));
    String salted = "{!qrerank k=3 lambda=0.31 timeoutMs=59999}";
    assertFalse("another timeoutMs is another query, whatever the answer",
        cacheAnswers("q", "phone", "rq", salted, "rows", "10"));

    String uv = "{!qrerank k=3 lambda=0.31 userVector=$uv}";
    cacheAnswers("q", "phone", "rq", uv, "uv", "[1,0,0,0]");
    assertFalse("another userVector", cacheAnswers("q", "phone", "rq", uv, "uv", "[0,1,0,0]"));
    assertTrue(cacheAnswers("q", "phone", "rq", uv, "uv", "[0,1,0,0]"));

    String main = "{!lucene cache=false}phone";
    String other = "{!qrerank k=3 lambda=0.32}";
    cacheAnswers("q", main, "rq", other);
    assertTrue("cache=false on the main query does not keep the re-ranked list out",
        cacheAnswers("q", main, "rq", other));
    String never = "{!qrerank cache=false k=3 lambda=0.32}";
    assertFalse("cache=false on the rank query does", cacheAnswers("q", "phone", "rq", never));
    assertFalse(cacheAnswers("q", "phone", "rq", never));

    // Neither debugQuery nor fl is part of the key: the outcome of a cached list is recomputed.
    cacheAnswers("q", "phone", "rq", rq, "rows", "10");
    Map<String, Object> debug = query("q", "phone", "rq", rq, "rows", "10", "debugQuery", "true");
    assertEquals(Boolean.TRUE, debugSection(debug).get("recomputed"));
  }

  /**
   * Sends a plain request and says whether the query result cache answered it (a hit, and no
   * solve) rather than the collector (a solve; the cache may still count a hit, when it held a
   * list too short for the page).
   */
  private static boolean cacheAnswers(String... params) throws Exception {
    QRerankMetrics metrics = metrics();
    long solves = totalSolves(metrics);
    long hits = queryResultCacheHits();
    List<String> p = new ArrayList<>(List.of(params));
    p.addAll(List.of("fl", "id"));
    Map<String, Object> rsp = query(p.toArray(new String[0]));
    assertFalse(docs(rsp).isEmpty());
    long solved = totalSolves(metrics) - solves;
    long hit = queryResultCacheHits() - hits;
    assertTrue("one solve, or a cache hit: " + p, solved == 1 || (solved == 0 && hit == 1));
    return solved == 0;
  }

  private static long totalSolves(QRerankMetrics metrics) {
    return requests(metrics).values().stream().mapToLong(Long::longValue).sum();
  }

  private static QRerankMetrics metrics() {
    return ((QRerankQParserPlugin) h.getCore().getQueryPlugin(QRerankQParserPlugin.NAME))
        .runtime()
        .metrics();
  }

  /**
   * The sequential answer of {@code m}, kept as its reference: the whole re-ranked list is checked
   * against the contract, the constraints against the catalog, and the page {@code m} asks for
   * against that list.
   */
  private static void answerSequentially(MixedRequest m) throws Exception {
    Map<String, Object> first = firstPass(m.firstPassParams());
    m.firstIds = ids(first);
    m.firstScores = scores(first);
    Map<String, Object> page = query(m.params(0));
    Map<String, Object> full = query(m.fullParams());
    Contract.check(full, m.firstIds, m.firstScores, m.reRankDocs());
    Map<String, Object> section = debugSection(full);
    QRerankConstraintsTest.checkValues(section, m.model, m.toString());
    QRerankConstraintsTest.checkConstraintsAgainstCatalog(section, m.model, m.toString());
    assertEquals(m.toString(), m.solver, section.get("solverRequested"));
    m.numFound = numFound(full);
    m.windowSize = integer(section.get("windowSize"));
    m.fallbackReason = (String) section.get("fallbackReason");
    if (m.large) {
      Map<String, Object> quantum = map(section.get("quantum"));
      assertEquals(m.toString(), 24, integer(quantum.get("qubits")));
      assertEquals(m.toString(), 7, integer(quantum.get("weight")));
    }

    assertEquals(m.toString(), m.numFound, numFound(page));
    List<Map<String, Object>> all = docs(full);
    int from = (int) Math.min(m.start, all.size());
    int to = (int) Math.min((long) m.start + m.rows, all.size());
    List<Map<String, Object>> want = all.subList(from, to);
    List<Map<String, Object>> got = docs(page);
    assertEquals(m.toString(), want.size(), got.size());
    for (int i = 0; i < got.size(); i++) {
      assertEquals(m.toString(), want.get(i).get("id"), got.get(i).get("id"));
      assertEquals(m.toString(), want.get(i).get("score"), got.get(i).get("score"));
      assertEquals(m.toString(), m.transformer, got.get(i).containsKey("[qrerank]"));
      if (m.transformer) {
        assertEquals(m.toString(), want.get(i).get("[qrerank]"), got.get(i).get("[qrerank]"));
      }
    }
    if (m.debug) {
      assertEquals(
          m.toString(),
          MixedRequest.comparable(full, true).get("qrerank"),
          MixedRequest.comparable(page, true).get("qrerank"));
    } else {
      assertNull(m.toString(), page.get("debug"));
    }
    m.reference = MixedRequest.comparable(page, m.debug);
  }

  /** A concurrent answer: equal to the sequential one, and within the contract on its own. */
  private static void checkConcurrent(MixedRequest m, Map<String, Object> rsp) {
    assertEquals(m.toString(), m.reference, MixedRequest.comparable(rsp, m.debug));
    if (m.debug) {
      Map<String, Object> section = debugSection(rsp);
      Contract.checkObjective(section);
      QRerankConstraintsTest.checkConstraintsAgainstCatalog(section, m.model, m.toString());
      if (m.transformer && m.start == 0 && m.rows >= m.numFound) {
        Contract.check(rsp, m.firstIds, m.firstScores, m.reRankDocs());
      }
    }
  }

  /**
   * A send solves once when the collector runs or when the outcome of a cached list is recomputed
   * (debug section, transformer values), else not at all; counters count solves by the solver
   * asked for. So per solver the counters moved by at least the sends that had to solve and at
   * most all sends, and every send that did not solve was a query result cache hit.
   */
  private static void checkSolveCounters(
      List<MixedRequest> mix,
      QRerankMetrics metrics,
      Map<SolverKind, Long> before,
      long hitsBefore) {
    long sends = (long) THREADS * ROUNDS;
    Map<SolverKind, Long> min = new EnumMap<>(SolverKind.class);
    Map<SolverKind, Long> max = new EnumMap<>(SolverKind.class);
    for (MixedRequest m : mix) {
      SolverKind kind = SolverKind.parse(m.solver);
      min.merge(kind, m.minSolves() * sends, Long::sum);
      max.merge(kind, m.maxSolves() * sends, Long::sum);
    }
    Map<SolverKind, Long> after = requests(metrics);
    long skipped = 0;
    Map<SolverKind, Long> solves = new EnumMap<>(SolverKind.class);
    for (SolverKind kind : SolverKind.values()) {
      long delta = after.get(kind) - before.get(kind);
      solves.put(kind, delta);
      long lo = min.getOrDefault(kind, 0L);
      long hi = max.getOrDefault(kind, 0L);
      assertTrue(
          kind + " solves " + delta + " in [" + lo + ", " + hi + "]", lo <= delta && delta <= hi);
      skipped += hi - delta;
    }
    long hits = queryResultCacheHits() - hitsBefore;
    assertTrue(skipped + " sends did not solve, " + hits + " cache hits", skipped <= hits);
    assertTrue("some sends were answered from the cache without solving", skipped > 0);
    System.out.println(
        "concurrency test: " + mix.size() * sends + " sends, solves by solver " + solves
            + ", " + skipped + " sends answered from the cache without a solve, " + hits
            + " query result cache hits");
  }

  private static Map<SolverKind, Long> requests(QRerankMetrics metrics) {
    Map<SolverKind, Long> out = new EnumMap<>(SolverKind.class);
    for (SolverKind kind : SolverKind.values()) {
      out.put(kind, metrics.requests(kind));
    }
    return out;
  }
}
