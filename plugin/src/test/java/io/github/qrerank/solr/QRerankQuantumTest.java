package io.github.qrerank.solr;

import static io.github.qrerank.solr.QRerankSearchTest.firstPass;
import static io.github.qrerank.solr.QRerankSearchTest.reranked;

import io.github.qrerank.quantum.StateVector;
import io.github.qrerank.quantum.qasm.QasmProgram;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code solver=qaoa} and {@code compare=qaoa} through Solr: the QAOA answer respects stock, caps
 * and quotas on seeded random requests and follows the result contract; its figures in the debug
 * section are consistent with the window (shortlist, selection, objective, exact optimum by brute
 * force); a seed fixes the answer; a budget QAOA cannot meet falls back to the exact solver; a
 * comparison leaves the exact answer alone; the OpenQASM 3 text is there only on request and is a
 * circuit of the reported shape.
 */
public class QRerankQuantumTest extends QRerankTestCase {
  private static final Catalog CATALOG = QRerankSearchTest.CATALOG;
  private static final double TOL = 1e-9;

  @BeforeClass
  public static void beforeClass() throws Exception {
    initQRerankCore();
    index(CATALOG, 3, QRerankSearchTest.DELETED);
  }

  /** A random request answered by QAOA with an ample budget (the answer is QAOA's, or exact's). */
  private static QRerankConstraintsTest.Request qaoaRequest(Random r) {
    QRerankConstraintsTest.Request q = QRerankConstraintsTest.randomRequest(r);
    int k = Integer.parseInt(q.local.get("k"));
    int minQubits = Math.max(k, 2);
    q.local.put("solver", "qaoa");
    q.local.put("timeoutMs", "60000");
    q.local.put("seed", "" + r.nextInt(1000));
    q.local.put("shots", "" + (64 << r.nextInt(5)));
    q.local.put("layers", "" + r.nextInt(4));
    q.local.put("qubits", "" + (minQubits + r.nextInt(20 - minQubits + 1)));
    return q;
  }

  @Test
  public void qaoaAnswersRespectTheConstraintsAndReportTheirRun() throws Exception {
    Random r = new Random(20260301L);
    int answeredByQaoa = 0;
    int optimal = 0;
    for (int round = 0; round < 30; round++) {
      QRerankConstraintsTest.Request q = qaoaRequest(r);
      String[] p = {"q", QRerankConstraintsTest.QUERIES[r.nextInt(6)]};
      String message = "round " + round + ": " + p[1] + " " + q.rq();
      Map<String, Object> first = firstPass(p);
      Map<String, Object> rsp = reranked(q.rq(), p);
      Contract.check(rsp, ids(first), scores(first), Integer.parseInt(q.local.get("reRankDocs")));
      Map<String, Object> section = debugSection(rsp);
      QRerankConstraintsTest.checkValues(section, q, message);
      QRerankConstraintsTest.checkConstraintsAgainstCatalog(section, q, message);
      assertEquals(message, "qaoa", section.get("solverRequested"));
      Map<String, Object> quantum = map(section.get("quantum"));
      assertNotNull(message, quantum);
      assertEquals(message, "answer", quantum.get("role"));
      assertEquals(message, Boolean.FALSE, quantum.get("timedOut"));
      checkSettings(quantum, q, message);
      checkRun(section, quantum, q, message);
      if ("qaoa".equals(section.get("solver"))) {
        answeredByQaoa++;
        assertNull(message, section.get("fallbackReason"));
        assertEquals(message, selectedIds(section), quantum.get("selected"));
        assertEquals(message, num(section.get("objective")), num(quantum.get("objective")), TOL);
        assertEquals(message, Boolean.FALSE, section.get("provenOptimal"));
      } else {
        // QAOA's repair could not meet a quota the window can meet: the exact answer instead.
        assertEquals(message, "exact", section.get("solver"));
        assertEquals(message, "qaoa-incomplete", section.get("fallbackReason"));
        assertEquals(message, Boolean.FALSE, quantum.get("foundOptimum"));
      }
      if (Boolean.TRUE.equals(quantum.get("foundOptimum"))) {
        optimal++;
      }
    }
    assertTrue("most requests are answered by QAOA: " + answeredByQaoa, answeredByQaoa >= 20);
    assertTrue("QAOA finds some optima: " + optimal, optimal >= 10);
  }

  /** The settings as asked, and the shortlist's shape. */
  private static void checkSettings(
      Map<String, Object> quantum, QRerankConstraintsTest.Request q, String message) {
    int qubits = Integer.parseInt(q.local.get("qubits"));
    int layers = Integer.parseInt(q.local.get("layers"));
    int k = Integer.parseInt(q.local.get("k"));
    assertEquals(message, qubits, integer(quantum.get("qubitsRequested")));
    assertEquals(message, layers, integer(quantum.get("layers")));
    assertEquals(message, Integer.parseInt(q.local.get("shots")), integer(quantum.get("shots")));
    assertEquals(
        message, Long.parseLong(q.local.get("seed")), ((Number) quantum.get("seed")).longValue());
    assertEquals(message, layers, ((List<?>) quantum.get("gammas")).size());
    assertEquals(message, layers, ((List<?>) quantum.get("betas")).size());
    int simulated = integer(quantum.get("qubits"));
    assertTrue(message, simulated <= qubits);
    assertEquals(message, Math.min(k, simulated), integer(quantum.get("weight")));
    assertEquals(message, simulated, ((List<?>) quantum.get("shortlist")).size());
  }

  /**
   * The run's figures against the window: the shortlist holds as many eligible window documents as
   * it can, probabilities are probabilities, the exact optimum is brute force's, the ratio is F /
   * F* and "found" means F = F*.
   */
  private static void checkRun(
      Map<String, Object> section,
      Map<String, Object> quantum,
      QRerankConstraintsTest.Request q,
      String message) {
    List<Map<String, Object>> window = windowDocs(section);
    Set<String> eligible = new HashSet<>();
    for (Map<String, Object> d : window) {
      if ((Boolean) d.get("eligible")) {
        eligible.add((String) d.get("id"));
      }
    }
    @SuppressWarnings("unchecked")
    List<String> shortlist = (List<String>) quantum.get("shortlist");
    assertEquals(
        message + " shortlist has no repeats", shortlist.size(), Set.copyOf(shortlist).size());
    assertTrue(message + " shortlist is eligible", eligible.containsAll(shortlist));
    if (q.caps.stream().noneMatch(c -> c.max() == 0)) {
      assertEquals(
          message + " shortlist size",
          Math.min(integer(quantum.get("qubitsRequested")), eligible.size()),
          shortlist.size());
    }
    if (shortlist.isEmpty()) {
      return;
    }
    double bestProbability = num(quantum.get("bestSampleProbability"));
    assertTrue(message, bestProbability > 0 && bestProbability <= 1 + TOL);
    double share = num(quantum.get("feasibleSampleShare"));
    assertTrue(message, share >= 0 && share <= 1);
    assertTrue(message, integer(quantum.get("distinctSamples")) >= 1);
    assertTrue(message, Double.isFinite(num(quantum.get("expectation"))));
    assertTrue(message, Double.isFinite(num(quantum.get("bestSampleEnergy"))));
    assertTrue(message, Double.isFinite(num(quantum.get("penaltyWeight"))));
    Object optimumProbability = quantum.get("optimumProbability");
    if (optimumProbability != null) {
      assertTrue(message, num(optimumProbability) >= 0 && num(optimumProbability) <= 1 + TOL);
    }
    assertTrue(message, num(map(quantum.get("timingsMs")).get("simulation")) >= 0);
    assertTrue(message, num(map(quantum.get("timingsMs")).get("sampling")) >= 0);
    int k = integer(section.get("k"));
    BruteForce brute = new BruteForce(window, num(section.get("lambda")), q.caps, q.quotas);
    double best = brute.bestComplete(k);
    Object exactOptimum = quantum.get("exactOptimum");
    assertNotNull(message + " the window's optimum is proven", exactOptimum);
    if (!Double.isNaN(best)) {
      assertEquals(message + " exact optimum", best, num(exactOptimum), TOL);
    }
    double f = num(quantum.get("objective"));
    if (num(exactOptimum) > 0) {
      assertEquals(
          message + " ratio", f / num(exactOptimum), num(quantum.get("approximationRatio")), TOL);
    } else {
      assertNull(message, quantum.get("approximationRatio"));
    }
    boolean found = (Boolean) quantum.get("foundOptimum");
    if (found) {
      assertEquals(message, num(exactOptimum), f, TOL * (1 + Math.abs(f)));
    }
    assertNotNull(message, quantum.get("optimumInShortlist"));
  }

  private static List<String> selectedIds(Map<String, Object> section) {
    List<Map<String, Object>> window = windowDocs(section);
    String[] byPosition = new String[integer(section.get("selectedCount"))];
    for (Map<String, Object> d : window) {
      if ((Boolean) d.get("selected")) {
        byPosition[integer(d.get("position"))] = (String) d.get("id");
      }
    }
    return List.of(byPosition);
  }

  private static final String CONSTRAINED =
      " reRankDocs=40 k=5 stockField=stock minStock=2 caps=brand:1 quotas=is_new=true:2"
          + " utility=margin:1 lambda=0.5 timeoutMs=60000";

  @Test
  public void theSameSeedGivesTheSameAnswer() throws Exception {
    String rq =
        "{!qrerank cache=false solver=qaoa seed=11 shots=256 layers=2 qubits=14"
            + CONSTRAINED
            + "}";
    Map<String, Object> a = reranked(rq, "q", "*:*");
    Map<String, Object> b = reranked(rq, "q", "*:*");
    Map<String, Object> qa = map(debugSection(a).get("quantum"));
    Map<String, Object> qb = map(debugSection(b).get("quantum"));
    assertEquals(Boolean.FALSE, debugSection(a).get("recomputed"));
    assertEquals(Boolean.FALSE, debugSection(b).get("recomputed"));
    assertEquals(ids(a), ids(b));
    assertEquals(scores(a), scores(b));
    for (String key :
        List.of(
            "selected",
            "objective",
            "shortlist",
            "gammas",
            "betas",
            "expectation",
            "bestSampleEnergy",
            "bestSampleProbability",
            "distinctSamples",
            "feasibleSampleShare")) {
      assertEquals(key, qa.get(key), qb.get(key));
    }
    // From the query result cache the debug section runs QAOA again, to the same figures.
    String cached = rq.replace("cache=false ", "");
    Map<String, Object> c = reranked(cached, "q", "*:*");
    Map<String, Object> d = reranked(cached, "q", "*:*");
    assertEquals(Boolean.TRUE, debugSection(d).get("recomputed"));
    assertEquals(ids(a), ids(c));
    assertEquals(ids(a), ids(d));
    Map<String, Object> qd = map(debugSection(d).get("quantum"));
    for (String key : List.of("selected", "objective", "shortlist", "bestSampleEnergy")) {
      assertEquals(key, qa.get(key), qd.get(key));
    }
  }

  @Test
  public void otherSeedsMayDifferButStayFeasible() throws Exception {
    Map<String, Object> first = firstPass("q", "*:*");
    Set<List<String>> selections = new HashSet<>();
    Map<String, Object> reference = null;
    for (int seed = 1; seed <= 6; seed++) {
      String rq =
          "{!qrerank solver=qaoa shots=64 layers=1 qubits=16 seed=" + seed + CONSTRAINED + "}";
      Map<String, Object> rsp = reranked(rq, "q", "*:*");
      Contract.check(rsp, ids(first), scores(first), 40);
      Map<String, Object> section = debugSection(rsp);
      checkConstraints(section);
      Map<String, Object> quantum = map(section.get("quantum"));
      assertEquals(seed, integer(quantum.get("seed")));
      selections.add(selectedIds(section));
      if (reference == null) {
        reference = quantum;
      } else {
        // The seed draws the samples; the circuit and its state do not depend on it.
        for (String key : List.of("shortlist", "gammas", "betas", "expectation", "groundEnergy")) {
          assertEquals(key, reference.get(key), quantum.get(key));
        }
      }
    }
    assertFalse(selections.isEmpty());
  }

  /** stock ≥ 2, at most one per brand, at least two new products: the CONSTRAINED request. */
  private static void checkConstraints(Map<String, Object> section) {
    List<Catalog.Product> selected = new ArrayList<>();
    for (Map<String, Object> d : windowDocs(section)) {
      if ((Boolean) d.get("selected")) {
        selected.add(CATALOG.get((String) d.get("id")));
      }
    }
    assertEquals(5, selected.size());
    assertEquals(Boolean.TRUE, section.get("complete"));
    Set<String> brands = new HashSet<>();
    int fresh = 0;
    for (Catalog.Product p : selected) {
      assertTrue(p.id(), p.stock() != null && p.stock() >= 2);
      assertTrue(p.id() + " brand repeated", p.brand() == null || brands.add(p.brand()));
      fresh += Boolean.TRUE.equals(p.isNew()) ? 1 : 0;
    }
    assertTrue("quota is_new=true:2", fresh >= 2);
  }

  @Test
  public void aBudgetQaoaCannotMeetFallsBackToTheExactSolver() throws Exception {
    // A million shots over 26 qubits and 20 layers cannot be drawn in a millisecond.
    String rq =
        "{!qrerank solver=qaoa timeoutMs=1 qubits=26 layers=20 shots=1000000 reRankDocs=85 k=5"
            + " stockField=stock minStock=2 caps=brand:1}";
    Map<String, Object> first = firstPass("q", "*:*");
    Map<String, Object> rsp = reranked(rq, "q", "*:*");
    Contract.check(rsp, ids(first), scores(first), 85);
    Map<String, Object> section = debugSection(rsp);
    assertEquals("qaoa", section.get("solverRequested"));
    assertEquals("timeout", section.get("fallbackReason"));
    assertTrue(
        "exact, or its greedy incumbent past its own budget: " + section.get("solver"),
        List.of("exact", "greedy").contains(section.get("solver")));
    Map<String, Object> quantum = map(section.get("quantum"));
    assertEquals(Boolean.TRUE, quantum.get("timedOut"));
    assertTrue(
        (String) quantum.get("timedOutAt"),
        List.of("shortlist", "simulation", "sampling").contains(quantum.get("timedOutAt")));
    assertNull(quantum.get("approximationRatio"));
    assertNull(quantum.get("foundOptimum"));
    for (Map<String, Object> d : windowDocs(section)) {
      if ((Boolean) d.get("selected")) {
        Catalog.Product p = CATALOG.get((String) d.get("id"));
        assertTrue(p.id(), p.stock() != null && p.stock() >= 2);
      }
    }
  }

  @Test
  public void autoComparedWithQaoaKeepsTheExactAnswer() throws Exception {
    String settings = " seed=5 shots=512 layers=2 qubits=18" + CONSTRAINED;
    Map<String, Object> plain = reranked("{!qrerank solver=auto" + settings + "}", "q", "*:*");
    Map<String, Object> compared =
        reranked("{!qrerank solver=auto compare=qaoa" + settings + "}", "q", "*:*");
    Map<String, Object> qaoa = reranked("{!qrerank solver=qaoa" + settings + "}", "q", "*:*");
    assertEquals(ids(plain), ids(compared));
    assertEquals(scores(plain), scores(compared));
    assertNull(debugSection(plain).get("quantum"));
    Map<String, Object> section = debugSection(compared);
    assertEquals("auto", section.get("solverRequested"));
    assertEquals("exact", section.get("solver"));
    assertEquals(Boolean.TRUE, section.get("provenOptimal"));
    checkConstraints(section);
    Map<String, Object> quantum = map(section.get("quantum"));
    assertEquals("comparison", quantum.get("role"));
    assertEquals(18, integer(quantum.get("qubitsRequested")));
    assertEquals(5, integer(quantum.get("seed")));
    double optimum = num(section.get("objective"));
    assertEquals(optimum, num(quantum.get("exactOptimum")), TOL);
    double f = num(quantum.get("objective"));
    assertTrue(f <= optimum + TOL);
    assertEquals(f / optimum, num(quantum.get("approximationRatio")), TOL);
    assertEquals(Math.abs(f - optimum) <= TOL * (1 + optimum), quantum.get("foundOptimum"));
    assertTrue(num(map(quantum.get("timingsMs")).get("total")) > 0);
    // The comparison is the run solver=qaoa answers from, with the same settings.
    Map<String, Object> answer = map(debugSection(qaoa).get("quantum"));
    assertEquals("answer", answer.get("role"));
    for (String key :
        List.of("selected", "objective", "shortlist", "expectation", "bestSampleEnergy")) {
      assertEquals(key, answer.get(key), quantum.get(key));
    }
    // Any classical solver can be compared.
    Map<String, Object> greedy =
        debugSection(reranked("{!qrerank solver=greedy compare=qaoa" + settings + "}", "q", "*:*"));
    assertEquals("greedy", greedy.get("solver"));
    assertEquals("comparison", map(greedy.get("quantum")).get("role"));
  }

  @Test
  public void theCircuitIsWrittenOnlyOnRequest() throws Exception {
    String rq = "solver=qaoa seed=3 shots=128 layers=2 qubits=8" + CONSTRAINED;
    Map<String, Object> without =
        map(debugSection(reranked("{!qrerank " + rq + "}", "q", "*:*")).get("quantum"));
    assertFalse(without.containsKey("qasm"));
    Map<String, Object> quantum =
        map(debugSection(reranked("{!qrerank qasm=true " + rq + "}", "q", "*:*")).get("quantum"));
    String text = (String) quantum.get("qasm");
    assertNotNull(text);
    assertTrue(text, text.startsWith("OPENQASM 3"));
    assertTrue(text, text.contains("include \"stdgates.inc\";"));
    // A program of the reported shape: 8 qubits, and its state keeps `weight` qubits set.
    QasmProgram program = QasmProgram.parse(text);
    assertEquals(integer(quantum.get("qubits")), program.numQubits());
    assertTrue(program.measured());
    StateVector state = program.run();
    int weight = integer(quantum.get("weight"));
    double inSubspace = 0;
    for (int i = 0; i < state.size(); i++) {
      if (Integer.bitCount(i) == weight) {
        inSubspace += state.probability(i);
      }
    }
    assertEquals(1.0, inSubspace, 1e-9);
    for (Object g : (List<?>) quantum.get("gammas")) {
      assertTrue(text, text.contains(String.valueOf(num(g))));
    }
    // Also beside a classical answer.
    Map<String, Object> compared =
        map(
            debugSection(
                    reranked(
                        "{!qrerank qasm=true compare=qaoa solver=exact" + CONSTRAINED + "}",
                        "q",
                        "*:*"))
                .get("quantum"));
    assertTrue(((String) compared.get("qasm")).startsWith("OPENQASM 3"));
  }
}
