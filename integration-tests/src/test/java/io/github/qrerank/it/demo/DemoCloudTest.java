package io.github.qrerank.it.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.github.qrerank.it.demo.DemoPrintout.Example;
import io.github.qrerank.it.demo.DemoPrintout.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ./demo.sh --cloud --exit --port 0}: the demo on a 2-shard SolrCloud prints the same
 * comparison for every example, with each shard's part of the window, and the selections keep their
 * caps and quotas across the shards.
 */
public class DemoCloudTest {
  private static final int DOCS = 5_000;

  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static String printout;
  private static DemoPrintout parsed;

  @BeforeClass
  public static void runDemo() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    String home = TMP.getRoot().toPath().resolve("demo-home").toString();
    DemoMain.run(
        DemoOptions.parse(
            "--cloud", "--exit", "--docs", String.valueOf(DOCS), "--port", "0", "--home", home),
        out,
        false);
    printout = buffer.toString(StandardCharsets.UTF_8);
    System.out.println(printout);
    parsed = new DemoPrintout(printout);
  }

  @Test
  public void describesTheCloud() {
    assertTrue(printout, printout.contains("solrcloud  collection products, 2 shards on http://"));
  }

  @Test
  public void printsEveryExampleWithBothTopFivesAndTheShards() {
    assertEquals(printout, 3, parsed.examples.size());
    assertEquals(printout, 3, parsed.curls.size());
    for (Example e : parsed.examples) {
      assertEquals("plain rows of " + e.q(), ExampleRunner.TOP, e.plain().size());
      assertEquals("qrerank rows of " + e.q(), ExampleRunner.TOP, e.reranked().size());
      assertNotNull(e.q() + " has no solver line", e.solveLine("solver"));
    }
    long shardLines =
        printout
            .lines()
            .filter(l -> l.matches("    shard      products_shard\\d_\\S+: .*"))
            .count();
    assertEquals("a line per shard and example: " + printout, 2 * 3, shardLines);
  }

  @Test
  public void selectionsKeepTheirConstraintsAcrossShards() {
    for (Example e : parsed.examples) {
      for (Row row : e.reranked()) {
        assertTrue(e.q() + ": out-of-stock " + row, row.stock() >= 1);
      }
      e.caps()
          .forEach(
              (field, max) -> {
                Map<String, Integer> used = new HashMap<>();
                for (Row row : e.reranked()) {
                  int n = used.merge(row.field(field), 1, Integer::sum);
                  assertTrue(e.q() + ": cap " + field + " in " + e.reranked(), n <= max);
                }
              });
      for (String line : e.solveLines()) {
        if (line.startsWith("quota ")) {
          assertTrue(line, line.endsWith("(met)"));
        }
      }
    }
  }
}
