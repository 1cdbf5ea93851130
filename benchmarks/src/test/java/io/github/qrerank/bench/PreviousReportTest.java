package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousReportTest {
  private static final String EARLIER =
      "# qrerank benchmarks\n\nWritten by `x` in a single run of:\n\n```\n./bench.sh\n```\n\n"
          + "| | |\n|---|---|\n| date (UTC) | 2026-01-02T03:04:05Z |\n"
          + "| load average at start (1/5/15 min) | 0.5 / 0.6 / 0.7 |\n\n"
          + Section.EXACT.heading()
          + "\n\nexact text\n\n| a | b |\n\nTarget met.\n\n"
          + Section.CPSAT.heading()
          + "\n\n"
          + PreviousReport.KEPT_PREFIX
          + "older (`cmd`), not measured in this run.*\n\ncp text\n\n"
          + Section.SOLR.heading()
          + "\n\nNot measured in this run: skipped.\n\n"
          + Section.STRANGE.heading()
          + "\n\nstrange text\n\nLoad average at the end of the run (1/5/15 min): 1 / 1 / 1.\n"
          + "Whole run: 3 s.\n";

  @Test
  void keptSectionsNameTheRunThatMeasuredThem() {
    PreviousReport p = PreviousReport.parse(EARLIER);
    assertEquals("2026-01-02T03:04:05Z", p.date());
    assertEquals("./bench.sh", p.command());
    String exact = p.kept(Section.EXACT).orElseThrow();
    assertTrue(
        exact.startsWith(
            "*Kept from the run of 2026-01-02T03:04:05Z (`./bench.sh`, load average at its start"
                + " 0.5 / 0.6 / 0.7), not measured in this run.*\n\nexact text"),
        exact);
    assertTrue(exact.endsWith("Target met."), exact);
    assertTrue(p.kept(Section.CPSAT).orElseThrow().startsWith("*Kept from the run of older"));
    assertFalse(p.kept(Section.SOLR).isPresent(), "never measured: nothing to keep");
    assertEquals(
        "strange text", p.kept(Section.STRANGE).orElseThrow().split("\n\n", 2)[1],
        "the run's closing lines are not part of the last section");
    assertFalse(p.kept(Section.PENALTY).isPresent());
  }

  @Test
  void aRunThatKeepsSectionsSaysSoAndMeasuresTheRest(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("BENCHMARKS.md");
    Files.writeString(out, EARLIER);
    QuantumSizes tiny =
        new QuantumSizes(List.of(6, 8), 6, 1, 2, List.of(12), 1, 3, List.of(8), 1, 1, 21, 5, 1);
    BenchOptions o =
        new BenchOptions(
            out, "./bench.sh --only penalty --keep", true, EnumSet.of(Section.PENALTY), true,
            1, 1, 1, 1, 1, 1, 1, 1, 1.0, 10, 1, 1, 1, 1, tiny);
    BenchMain.run(o);
    String md = Files.readString(out);
    assertTrue(md.contains("Sections exact,cpsat,strange were not measured in it"), md);
    assertTrue(md.contains(Section.EXACT.heading() + "\n\n*Kept from the run of 2026-01-02"), md);
    assertTrue(md.contains(Section.SOLR.heading() + "\n\nNot measured in this run"), md);
    assertTrue(md.contains(Section.PENALTY.heading() + "\n\nThe same 3 windows"), md);
    assertTrue(md.contains("strange text\n\n" + Section.BANDWIDTH.heading()), md);
  }
}
