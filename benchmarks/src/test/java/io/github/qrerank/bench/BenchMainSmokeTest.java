package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole benchmark with tiny samples (a real Solr and a 2-shard SolrCloud included) and
 * checks the report it writes: every section, no CP-SAT mismatch, no constraint violation in
 * Solr's answers (on one core and across shards), the same circuit on both simulators, feasible
 * ground states. No assertion on any time (shared machine).
 */
class BenchMainSmokeTest {

  @Test
  void writesEverySectionWithoutMismatchOrViolation(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("BENCHMARKS.md");
    QuantumSizes quantum =
        new QuantumSizes(List.of(6, 8), 6, 1, 2, List.of(12, 14), 2, 4, List.of(8), 2, 1, 21, 5, 2);
    BenchOptions tiny =
        new BenchOptions(
            out,
            "./bench.sh --smoke",
            true,
            EnumSet.allOf(Section.class),
            false,
            12,
            1,
            4,
            1,
            3,
            2,
            1,
            1,
            1.0,
            500,
            4,
            2,
            8,
            1,
            quantum);
    BenchMain.run(tiny);
    String md = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(md.contains("./bench.sh --smoke"), md);
    assertTrue(md.contains("QUICK smoke run"), md);
    assertTrue(md.contains("## 1. Exact solver latency"), md);
    assertTrue(md.contains("| 100 | 5 | 12 |"), md);
    assertTrue(md.contains("## 2. The same instances on Google OR-Tools CP-SAT"), md);
    assertFalse(md.contains("- mismatch"), md);
    assertTrue(md.contains("## 3. End-to-end Solr latency"), md);
    assertTrue(md.contains("| `{!qrerank solver=exact}` | 8 |"), md);
    assertTrue(md.contains("above brand:2 in **0** answers"), md);
    assertTrue(md.contains("Ratio qrerank / rerank"), md);
    assertTrue(md.contains("Ratio qrerank / rerank on 2 shards"), md);
    assertTrue(md.contains("2 rounds of the 4 warm-up queries"), md);
    assertTrue(md.contains("First warm-up round"), md);
    assertTrue(md.contains("above brand:2 across the shards in **0** answers"), md);
    assertTrue(md.contains("| **extra bytes per shard response** |"), md);
    assertTrue(md.contains("| `solver=remote` | 8 | 0 | 0 |"), md);
    assertTrue(md.contains("Errors: **0** (target 0)"), md);
    assertTrue(md.contains("more than 2 of a brand): **0** (target 0)"), md);
    for (Section s : Section.values()) {
      assertTrue(md.contains(s.heading() + "\n\n"), s.heading());
    }
    assertFalse(md.contains("Not measured in this run"), md);
    assertFalse(md.contains("NaN"), md);
    assertTrue(md.contains("| 8 | 40 | 256 |"), md);
    assertTrue(md.contains("the two final probability vectors agree"), md);
    assertTrue(md.contains("**One shot, without the best of"), md);
    assertTrue(md.contains("| P(shot optimal) mean |"), md);
    assertTrue(md.contains("has a feasible ground state under our weights — yes"), md);
    assertTrue(md.contains("| 21 | 5 | 20,349 |"), md);
  }
}
