package io.github.qrerank.solr;

import static io.github.qrerank.solr.QRerankSearchTest.firstPass;
import static io.github.qrerank.solr.QRerankSearchTest.reranked;

import io.github.qrerank.solr.search.QRerankMetrics;
import io.github.qrerank.solr.search.QRerankQParserPlugin;
import io.github.qrerank.solr.search.SpentBudget;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The exact solver's timeout fallback through real requests: when its budget has run out, the
 * answer still respects stock, caps and quotas, follows the contract's order and scores, and the
 * debug section says so (fallback reason {@code timeout}, not proven, the greedy incumbent
 * answering, an upper bound that bounds the true optimum).
 *
 * <p>No test can make a wall-clock budget run out on every machine: a request's {@code timeoutMs}
 * is at least 1 ms, and a fast machine may prove a small window within it. The budget is spent
 * through the plugin's package-private test seam instead ({@link SpentBudget}): the solver gets a
 * budget of 0 ms, which has run out before the search starts, so the exact solver stops at the
 * root of its search, deterministically. The optimum the fallback missed is found by brute force
 * over the debug section's values, and by the same request with a budget the exact solver proves.
 */
public class QRerankTimeoutTest extends QRerankTestCase {
  static final Catalog CATALOG = new Catalog(37L, 60);

  /**
   * With {@link #rq}, a window whose greedy incumbent misses the optimum (7.78 against 8.31), so
   * that the fallback visibly answers without a proof.
   */
  static final String Q = "charger cable";
  static final int WINDOW = 14;
  static final int K = 5;

  @BeforeClass
  public static void beforeClass() throws Exception {
    initQRerankCore();
    index(CATALOG, 2);
  }

  @After
  public void restoreTheBudget() {
    SpentBudget.set(false);
  }

  /**
   * The request: caps, a quota, eligibility by stock, a utility field and strong redundancy, so
   * that the greedy incumbent and the optimum differ. {@code timeoutMs} differs between the runs
   * only to keep them apart in the query result cache.
   */
  private static String rq(String solver, int timeoutMs) {
    return String.format(
        Locale.ROOT,
        "{!qrerank reRankDocs=%d k=%d solver=%s timeoutMs=%d caps=brand:1"
            + " quotas=category=audio:1 stockField=stock minStock=2 utility=margin:2 lambda=3"
            + " userVector=$uv}",
        WINDOW, K, solver, timeoutMs);
  }

  private static Map<String, Object> request(String rq) throws Exception {
    return reranked(rq, "q", Q, "uv", "[0.4,-0.3,0.8,0.1]");
  }

  private static QRerankMetrics metrics() {
    return ((QRerankQParserPlugin) h.getCore().getQueryPlugin("qrerank")).runtime().metrics();
  }

  /** Checks the selection against the catalog's own values: eligibility, the cap and the quota. */
  private static void assertConstraintsHold(Map<String, Object> section) {
    Set<String> brands = new HashSet<>();
    int audio = 0;
    int selected = 0;
    for (Map<String, Object> d : windowDocs(section)) {
      if (!(Boolean) d.get("selected")) {
        continue;
      }
      selected++;
      Catalog.Product p = CATALOG.get((String) d.get("id"));
      assertTrue(p.id() + " out of stock", p.stock() != null && p.stock() >= 2);
      assertTrue(p.id() + " repeats its brand", p.brand() == null || brands.add(p.brand()));
      audio += "audio".equals(p.category()) ? 1 : 0;
    }
    assertEquals(K, selected);
    assertTrue("quota category=audio:1", audio >= 1);
    assertEquals(Boolean.TRUE, section.get("complete"));
  }

  /** Each window document's id and v_i, in window order. */
  private static List<String> utilities(Map<String, Object> section) {
    return windowDocs(section).stream().map(d -> d.get("id") + "=" + d.get("v")).toList();
  }

  private static BruteForce bruteForce(Map<String, Object> section) {
    return new BruteForce(
        windowDocs(section),
        num(section.get("lambda")),
        List.of(new BruteForce.CapRule("brand", 1)),
        List.of(new BruteForce.QuotaRule("category", "audio", 1)));
  }

  @Test
  public void aSpentBudgetAnswersWithTheGreedyIncumbentWithinEveryConstraint() throws Exception {
    Map<String, Object> first = firstPass("q", Q);
    assertTrue(numFound(first) > WINDOW);

    // With a budget the exact solver proves the optimum: the reference.
    Map<String, Object> proven = debugSection(request(rq("exact", 60_000)));
    assertEquals(Boolean.TRUE, proven.get("provenOptimal"));
    assertNull(proven.get("fallbackReason"));
    double optimum = bruteForce(proven).bestComplete(K);
    assertFalse("the window has a complete answer", Double.isNaN(optimum));
    assertEquals(optimum, num(proven.get("objective")), 1e-9);

    for (String solver : new String[] {"exact", "auto"}) {
      long timeouts = metrics().fallbacks("timeout");
      SpentBudget.set(true);
      Map<String, Object> rsp;
      try {
        // a generous timeoutMs: the seam, not the parameter, spends the budget
        rsp = request(rq(solver, 59_999));
      } finally {
        SpentBudget.set(false);
      }
      Contract.check(rsp, ids(first), scores(first), WINDOW);
      Map<String, Object> s = debugSection(rsp);
      assertEquals(Boolean.FALSE, s.get("recomputed"));
      assertEquals(solver, s.get("solverRequested"));
      assertEquals("timeout", s.get("fallbackReason"));
      assertEquals(Boolean.FALSE, s.get("provenOptimal"));
      assertEquals(
          "the search stopped at its root: the greedy incumbent answers", "greedy", s.get("solver"));
      assertEquals(timeouts + 1, metrics().fallbacks("timeout"));
      assertConstraintsHold(s);

      // The same window and values, so the same optimum; the fallback's objective is below it
      // (see Q: should a better greedy construction find the optimum, choose a window where it
      // does not), and its upper bound really bounds it.
      assertEquals(utilities(proven), utilities(s));
      assertEquals(optimum, bruteForce(s).bestComplete(K), 1e-9);
      double objective = num(s.get("objective"));
      assertTrue(objective + " not below the optimum " + optimum, objective < optimum - 1e-9);
      assertNotNull("a finite upper bound", s.get("upperBound"));
      double bound = num(s.get("upperBound"));
      assertTrue("upper bound " + bound + " < optimum " + optimum, bound >= optimum - 1e-9);
    }
  }

  @Test
  public void greedyAsAskedHasNoFallbackReasonWhenTheBudgetIsSpent() throws Exception {
    Map<String, Object> first = firstPass("q", Q);
    SpentBudget.set(true);
    Map<String, Object> rsp;
    try {
      rsp = request(rq("greedy", 59_998));
    } finally {
      SpentBudget.set(false);
    }
    Contract.check(rsp, ids(first), scores(first), WINDOW);
    Map<String, Object> s = debugSection(rsp);
    assertEquals("greedy", s.get("solver"));
    assertNull("greedy never claims optimality, so it has nothing to fall back from",
        s.get("fallbackReason"));
    assertEquals(Boolean.FALSE, s.get("provenOptimal"));
    assertConstraintsHold(s);
  }
}
