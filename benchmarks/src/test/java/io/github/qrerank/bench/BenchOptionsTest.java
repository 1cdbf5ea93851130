package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsAreTheFullRunIntoBenchmarksMd() {
    BenchOptions o = BenchOptions.parse(new String[0]);
    assertEquals(Path.of("BENCHMARKS.md"), o.out());
    assertEquals("./bench.sh", o.command());
    assertFalse(o.quick());
    assertTrue(o.solr());
    assertEquals(1000, o.exactSmall());
    assertEquals(50, o.exactLarge());
    assertEquals(50_000, o.solrDocs());
    assertEquals(200, o.solrQueries());
  }

  @Test
  void quickSkipSolrOutAndCommand() {
    BenchOptions o =
        BenchOptions.parse(
            new String[] {
              "--quick", "--skip-solr", "--out", "x/y.md", "--command", "./bench.sh --quick"
            });
    assertTrue(o.quick());
    assertFalse(o.solr());
    assertEquals(Path.of("x/y.md"), o.out());
    assertEquals("./bench.sh --quick", o.command());
    assertTrue(o.exactSmall() < 1000);
  }

  @Test
  void unknownArgumentsAndMissingValuesAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--fast"}));
    assertTrue(e.getMessage().contains("--fast"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--out"}));
    assertTrue(e.getMessage().contains("--out"), e.getMessage());
  }
}
