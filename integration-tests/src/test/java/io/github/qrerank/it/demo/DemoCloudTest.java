package io.github.qrerank.it.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.github.qrerank.it.demo.DemoPrintout.Example;
import java.util.List;
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
    parsed =
        DemoPrintout.run(
            TMP.getRoot().toPath().resolve("demo-home"), "--cloud", "--docs", String.valueOf(DOCS));
    printout = parsed.text;
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
      assertFalse(e.q() + " has no caps", e.caps().isEmpty());
      assertEquals(List.of(), e.violations());
    }
  }
}
