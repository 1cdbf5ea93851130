package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
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
    assertEquals(EnumSet.allOf(Section.class), o.sections());
    assertEquals(java.util.List.of(14, 16, 18), o.quantum().strangeQubits());
    assertEquals(java.util.List.of(22, 24, 26), o.quantum().bandwidthQubits());
    assertEquals(200, o.quantum().qaoaInstances());
  }

  @Test
  void onlyAndSkipSelectSections() {
    BenchOptions o = BenchOptions.parse(new String[] {"--only", "strange, qaoa-latency"});
    assertEquals(EnumSet.of(Section.STRANGE, Section.QAOA_LATENCY), o.sections());
    assertFalse(o.solr());
    o = BenchOptions.parse(new String[] {"--skip", "solr,bandwidth"});
    assertFalse(o.runs(Section.SOLR));
    assertFalse(o.runs(Section.BANDWIDTH));
    assertTrue(o.runs(Section.PENALTY));
    o = BenchOptions.parse(new String[] {"--only", "cpsat"});
    assertEquals(EnumSet.of(Section.CPSAT, Section.EXACT), o.sections(), "CP-SAT needs exact");
    o = BenchOptions.parse(new String[] {"--only", "qaoa,solr,cloud", "--skip-solr"});
    assertEquals(EnumSet.of(Section.QAOA), o.sections(), "--skip-solr skips both Solr sections");
    assertFalse(o.keep());
    assertTrue(BenchOptions.parse(new String[] {"--only", "qaoa", "--keep"}).keep());
  }

  @Test
  void badSectionListsAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BenchOptions.parse(new String[] {"--only", "strange,quantum"}));
    assertTrue(e.getMessage().contains("--only"), e.getMessage());
    assertTrue(e.getMessage().contains("quantum"), e.getMessage());
    assertTrue(e.getMessage().contains("qaoa-latency"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BenchOptions.parse(new String[] {"--only", "solr", "--skip", "solr"}));
    assertTrue(e.getMessage().contains("no section"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--only", ","}));
    assertTrue(e.getMessage().contains("--only"), e.getMessage());
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
