package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.bench.BandwidthBench.Pass;
import io.github.qrerank.bench.BandwidthBench.Row;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Section 5's table and verdicts from made-up times (no measurement). */
class BandwidthReportTest {

  /** Every pass at {@code base} ns except those given. */
  private static Row row(int n, int threads, long base, Map<Pass, Long> times) {
    Map<Pass, Latencies> all = new EnumMap<>(Pass.class);
    for (Pass p : Pass.values()) {
      long t = times.getOrDefault(p, base);
      all.put(p, new Latencies(new long[] {t, t + 10, t + 20}));
    }
    return new Row(n, threads, "vector", all, "0.50");
  }

  private static String render(Row... rows) {
    QuantumSizes sizes = QuantumSizes.quick();
    return BandwidthReport.markdown(List.of(rows), sizes);
  }

  @Test
  void ratiosCompareTheSameThreadCounts() {
    Map<Pass, Long> t = new EnumMap<>(Pass.class);
    t.put(Pass.PHASE_ONE_THREAD, 1_500_000L);
    t.put(Pass.PHASE_TRIAD_ONE_THREAD, 1_000_000L);
    t.put(Pass.PHASE, 900_000L);
    t.put(Pass.PHASE_TRIAD_THREADS, 600_000L);
    t.put(Pass.SCALAR_ONE_THREAD, 3_000_000L);
    t.put(Pass.SCALAR_THREADS, 1_800_000L);
    String md = render(row(22, 2, 1_000_000L, t));
    assertTrue(md.contains("| 22 | 2 | 1.50 ms | 1.00 ms | 1.50× (1.50×) | 900.0 µs | 600.0 µs | 1.50× (1.50×) | 3.00×, 3.00× |"), md);
    assertTrue(md.contains("Single-qubit gates: met (worst best-round ratio 1.00×)"), md);
    assertTrue(md.contains("on one thread met (worst 1.50×), as the engine runs it met (worst 1.50×)"), md);
    assertTrue(md.contains("scratch arrays): NOT met (worst 3.00× on one thread, 3.00× on the engine's threads)"), md);
    assertTrue(md.contains("`--add-modules=jdk.incubator.vector`, which `./bench.sh` passes"), md);
    assertTrue(md.contains("1-minute load average at the end of each size: n=22 0.50."), md);
  }

  @Test
  void theWorstSizeDecides() {
    Map<Pass, Long> slow = new EnumMap<>(Pass.class);
    slow.put(Pass.PHASE, 2_100_000L);
    Row fine = row(22, 2, 1_000_000L, Map.of());
    Row over = row(24, 2, 1_000_000L, slow);
    String md = render(fine, over);
    assertTrue(md.contains("as the engine runs it NOT met (worst 2.10×)"), md);
    assertTrue(md.contains("on one thread met (worst 1.00×)"), md);
  }
}
