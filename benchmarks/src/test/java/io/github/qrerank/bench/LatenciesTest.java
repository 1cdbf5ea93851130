package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void nearestRankPercentiles() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i; // 1..100, unsorted
    }
    Latencies l = new Latencies(values);
    assertEquals(50, l.p50());
    assertEquals(99, l.p99());
    assertEquals(100, l.max());
    assertEquals(1, l.min());
    assertEquals(50.5, l.mean(), 1e-12);
  }

  @Test
  void smallSamplesDoNotInterpolate() {
    Latencies l = new Latencies(new long[] {10, 30, 20});
    assertEquals(20, l.p50());
    assertEquals(30, l.p99());
    assertEquals(10, l.percentile(1));
  }

  @Test
  void rejectsEmptySamplesAndBadPercentiles() {
    assertThrows(IllegalArgumentException.class, () -> new Latencies(new long[0]));
    Latencies l = new Latencies(new long[] {1});
    assertThrows(IllegalArgumentException.class, () -> l.percentile(0));
    assertThrows(IllegalArgumentException.class, () -> l.percentile(101));
  }
}
