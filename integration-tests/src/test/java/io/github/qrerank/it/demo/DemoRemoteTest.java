package io.github.qrerank.it.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.github.qrerank.it.demo.DemoPrintout.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ./demo.sh --remote --exit --port 0 --docs 2000}: after the usual examples the demo sends
 * the first example to {@code qrerank_remote} with {@code solver=remote} three times and prints the
 * provider's answer, the exact fallback with reason {@code timeout} once the provider is slow, and
 * the late answer reused from the cache; every top-5 keeps its caps and stock, and the provider's
 * token, read from the demo home, is nowhere in the printout.
 */
public class DemoRemoteTest {
  private static final int DOCS = 2_000;
  private static final int USUAL = 3;

  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static Path home;
  private static String printout;
  private static DemoPrintout parsed;

  @BeforeClass
  public static void runDemo() throws Exception {
    home = TMP.getRoot().toPath().resolve("demo-home");
    parsed = DemoPrintout.run(home, "--remote", "--docs", String.valueOf(DOCS));
    printout = parsed.text;
  }

  @Test
  public void printsTheUsualExamplesThenTheRemoteRequestThreeTimes() {
    assertEquals(printout, USUAL + 3, parsed.examples.size());
    Example first = parsed.examples.get(0);
    for (Example e : parsed.examples.subList(USUAL, USUAL + 3)) {
      assertEquals(first.q(), e.q());
      assertTrue(
          e.rq(),
          e.rq().startsWith("{!" + DemoSolrHome.REMOTE_PARSER + " solver=remote qubits=12 "));
      assertEquals(
          "the same request each time",
          parsed.examples.get(USUAL).rq(),
          e.rq());
      assertEquals("remote " + e.rq(), ExampleRunner.TOP, e.reranked().size());
      assertNotNull(e.rq(), e.solveLine("remote"));
    }
    assertEquals(printout, USUAL + 1, parsed.curls.size());
    assertTrue(
        parsed.curls.get(USUAL),
        parsed.curls.get(USUAL).contains("rq=%7B%21qrerank_remote+solver%3Dremote+"));
  }

  @Test
  public void theHealthyProviderAnswers() {
    Example e = parsed.examples.get(USUAL);
    assertTrue(e.solveLine("solver"), e.solveLine("solver").contains("answered by remote"));
    String remote = e.solveLine("remote");
    assertTrue(remote, remote.startsWith("remote     source provider, reason none, job "));
    assertFalse("a job id: " + remote, remote.contains(", job -,"));
    assertTrue(remote, remote.contains(", 12 qubits x 1024 shots, waited "));
    String quantum = e.solveLine("quantum");
    assertNotNull("F against the exact F", quantum);
    assertTrue(
        quantum,
        quantum.matches("quantum +best repaired sample F\\(S\\) = \\S+ vs exact F = \\d.*"));
  }

  @Test
  public void theSlowProviderGivesTheExactAnswerForATimeout() {
    Example e = parsed.examples.get(USUAL + 1);
    String solver = e.solveLine("solver");
    assertTrue(solver, solver.contains("answered by exact (proven optimal)"));
    assertTrue(solver, solver.endsWith("; fallback: timeout"));
    String remote = e.solveLine("remote");
    assertTrue(remote, remote.startsWith("remote     source none, reason timeout ("));
    assertTrue(printout, printout.contains("provider faults now: every call answered after"));
  }

  @Test
  public void theNextIdenticalRequestReusesTheLateAnswer() {
    assertTrue(printout, printout.contains("its samples arrived and were kept"));
    Example e = parsed.examples.get(USUAL + 2);
    assertTrue(e.solveLine("solver"), e.solveLine("solver").contains("answered by remote"));
    String remote = e.solveLine("remote");
    assertTrue(remote, remote.startsWith("remote     source late-answer-cache, reason none, "));
    assertNotNull("F against the exact F", e.solveLine("quantum"));
  }

  @Test
  public void everyTopFiveKeepsItsStockAndCaps() {
    for (Example e : parsed.examples) {
      assertFalse(e.rq() + " has no caps", e.caps().isEmpty());
      assertEquals(List.of(), e.violations());
    }
  }

  @Test
  public void theTokenStaysInItsFile() throws Exception {
    Path tokenFile = home.resolve(DemoProvider.TOKEN_FILE);
    String token = Files.readString(tokenFile).trim();
    assertTrue("a random token of 24 bytes: " + token.length(), token.length() >= 32);
    assertFalse("the token is printed", printout.contains(token));
    assertTrue(printout, printout.contains("token in " + tokenFile));
  }
}
