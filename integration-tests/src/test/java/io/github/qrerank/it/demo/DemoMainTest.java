package io.github.qrerank.it.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.github.qrerank.it.demo.DemoPrintout.Example;
import io.github.qrerank.it.demo.DemoPrintout.Row;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Runs the demo end to end (real Solr, generated catalog, the plugin from the class path) as {@code
 * ./demo.sh --exit --port 0} runs it, with the default 50,000 products and seed, and checks what it
 * prints: first-pass scores spread over each window (at this size a window holds only the catalog's
 * best text matches, where too uniform a text would tie), every qrerank top-5 is in stock and
 * within the caps of its {@code rq}, quotas are reported met, the solve is described, and the curl
 * commands carry the same query, with the user vector passed by reference.
 *
 * <p>While that demo still runs, README.md's worked example ({@link ReadmeExample}, read from the
 * README) is sent to it; the answers must be what the README shows: the same documents in the same
 * order with the same fields, scores and {@code [qrerank]} values, the same number of hits, and the
 * same {@code qrerank} debug section but for its wall-clock timings.
 */
public class DemoMainTest {

  private static final int DOCS = DemoOptions.DEFAULT_DOCS;

  /** At least this many distinct first-pass scores in each example's 100-document window. */
  private static final int MIN_DISTINCT_WINDOW_SCORES = 40;

  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static String printout;
  private static DemoPrintout parsed;

  /** README.md's worked example and the demo's answers to it; or why they could not be had. */
  private static ReadmeExample readme;

  private static ReadmeExample.Answers readmeAnswers;
  private static Exception readmeFailure;

  @BeforeClass
  public static void runDemo() throws Exception {
    parsed =
        DemoPrintout.run(
            TMP.getRoot().toPath().resolve("demo-home"),
            DemoMainTest::askTheReadmeExample,
            "--docs",
            String.valueOf(DOCS));
    printout = parsed.text;
  }

  /**
   * Sends README.md's worked example to the demo while it runs, so that it is checked against the
   * same 50,000 products (the demo's default catalog, which the README's example is written for).
   * A failure here fails only the README tests.
   */
  private static void askTheReadmeExample(String coreUrl) {
    try {
      readme = ReadmeExample.read(ReadmeExample.readmePath());
      readmeAnswers = readme.ask(coreUrl);
    } catch (Exception e) {
      readmeFailure = e;
    }
  }

  private static ReadmeExample.Answers readmeAnswers() {
    if (readmeFailure != null) {
      throw new AssertionError("README.md's worked example: " + readmeFailure, readmeFailure);
    }
    return readmeAnswers;
  }

  @Test
  public void readmeWorkedExampleShowsTheDemosDocumentsAndHits() {
    ReadmeExample.Answers answers = readmeAnswers();
    Map<?, ?> response = (Map<?, ?>) answers.plain().get("response");
    assertEquals("numFound", readme.hits, ((Number) response.get("numFound")).longValue());
    List<?> docs = (List<?>) response.get("docs");
    assertEquals("ids in order", ids(readme.docs), ids(docs));
    assertEquals(List.of(), ReadmeExample.differences("response.docs", readme.docs, docs));
  }

  @Test
  public void readmeDebugSectionIsTheDemosForTheSameRequest() {
    ReadmeExample.Answers answers = readmeAnswers();
    Map<?, ?> debug = (Map<?, ?>) answers.debug().get("debug");
    assertNotNull("no debug section", debug);
    assertEquals(
        List.of(),
        ReadmeExample.differences("debug.qrerank", readme.debugSection, debug.get("qrerank")));
    // debugQuery changes neither the ranking nor the transformer's values.
    assertEquals(answers.plain().get("response"), answers.debug().get("response"));
  }

  private static List<Object> ids(List<?> docs) {
    return docs.stream().map(d -> (Object) ((Map<?, ?>) d).get("id")).toList();
  }

  @Test
  public void indexesTheWholeCatalogWithProgress() {
    String docs = String.format(Locale.ROOT, "%,d", DOCS);
    assertTrue(printout, printout.contains("indexing " + docs + " / " + docs + " products (100%)"));
    assertTrue(printout, printout.contains("done; " + docs + " products in"));
  }

  @Test
  public void printsEveryExampleWithBothTopFives() {
    assertEquals(printout, 3, parsed.examples.size());
    for (Example e : parsed.examples) {
      assertNotNull("rq of " + e.q(), e.rq());
      assertEquals("plain rows of " + e.q(), ExampleRunner.TOP, e.plain().size());
      assertEquals("qrerank rows of " + e.q(), ExampleRunner.TOP, e.reranked().size());
    }
  }

  @Test
  public void qrerankTopFivesAreInStockAndWithinCaps() {
    for (Example e : parsed.examples) {
      assertEquals("stock", e.localParam("stockField"));
      assertFalse(e.q() + " has no caps", e.caps().isEmpty());
      assertEquals(List.of(), e.violations());
    }
  }

  @Test
  public void selectedDocumentsScoreAboveTheWindowByTheirPosition() {
    // The contract: a selected document scores max_W(first-pass score) + (k - position); the
    // plain top-1 holds max_W. Printed scores have three decimals.
    for (Example e : parsed.examples) {
      int k = Integer.parseInt(e.localParam("k"));
      double maxW = e.plain().get(0).score();
      for (int position = 0; position < e.reranked().size(); position++) {
        Row row = e.reranked().get(position);
        assertEquals(e.q() + ": score of " + row, maxW + (k - position), row.score(), 0.0015);
      }
    }
  }

  @Test
  public void reportsTheSolveConstraintsAndTimings() {
    for (Example e : parsed.examples) {
      String solver = e.solveLine("solver");
      assertNotNull(e.q() + " has no solver line", solver);
      assertTrue(solver, solver.contains("answered by") && solver.contains("objective F(S) ="));
      assertEquals(
          e.q(),
          e.caps().size(),
          e.solveLines().stream().filter(l -> l.startsWith("cap ")).count());
      for (String line : e.solveLines()) {
        if (line.startsWith("quota ")) {
          assertTrue(line, line.endsWith("(met)"));
        }
      }
      String timings = e.solveLine("timings");
      assertNotNull(e.q() + " has no timings", timings);
      for (String phase : new String[] {"features", "compression", "solve", "rewrite"}) {
        assertTrue(timings, timings.contains(phase + " "));
      }
    }
  }

  @Test
  public void firstPassScoresSpreadOverTheWindow() {
    // The generated text must give BM25 something to rank: a window whose scores take a handful
    // of values makes the normalised score ŝ a step function and the plain top-5 a tie.
    for (Example e : parsed.examples) {
      int distinct = e.distinctWindowScores();
      assertTrue(e.q() + ": " + e.solveLine("window"), distinct >= MIN_DISTINCT_WINDOW_SCORES);
      assertTrue(
          e.q() + ": plain top-5 all tie: " + e.plain(),
          e.plain().stream().mapToDouble(Row::score).distinct().count() > 1);
    }
  }

  @Test
  public void quotasOfTheExamplesAreMetInTheTopFive() {
    for (Example e : parsed.examples) {
      String quotas = e.localParam("quotas");
      if (quotas == null) {
        continue;
      }
      for (String quota : quotas.split(",")) {
        String[] fieldValue = quota.substring(0, quota.lastIndexOf(':')).split("=", 2);
        int min = Integer.parseInt(quota.substring(quota.lastIndexOf(':') + 1));
        long achieved =
            e.reranked().stream().filter(r -> r.field(fieldValue[0]).equals(fieldValue[1])).count();
        assertTrue(e.q() + ": quota " + quota + " not met by " + e.reranked(), achieved >= min);
      }
    }
  }

  @Test
  public void printsCurlCommandsCarryingTheSameRequests() {
    assertEquals(printout, parsed.examples.size(), parsed.curls.size());
    for (int i = 0; i < parsed.curls.size(); i++) {
      String curl = parsed.curls.get(i);
      assertTrue(curl, curl.startsWith("curl -s 'http://127.0.0.1:") && curl.endsWith("'"));
      assertTrue(curl, curl.contains("userVector%3D%24uv"));
      String url = curl.substring("curl -s '".length(), curl.length() - 1);
      Map<String, String> params = query(url);
      Example e = parsed.examples.get(i);
      assertEquals(e.q(), params.get("q"));
      assertEquals(e.rq(), params.get("rq"));
      assertTrue(
          params.get("uv"), params.get("uv").matches("\\[-?\\d\\.\\d{4}(,-?\\d\\.\\d{4}){31}]"));
      assertTrue(params.get("fl"), params.get("fl").contains("[qrerank]"));
      assertEquals("true", params.get("debugQuery"));
      assertTrue(url, URI.create(url).getPath().endsWith("/solr/products/select"));
    }
  }

  private static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] nv = pair.split("=", 2);
      params.put(nv[0], URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
    }
    return params;
  }
}
