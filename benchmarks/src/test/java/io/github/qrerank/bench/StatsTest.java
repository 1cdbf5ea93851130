package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void orderStatisticsAreMeasuredValues() {
    Stats s = new Stats(new double[] {0.9, 1.0, 0.95, 0.97});
    assertEquals(4, s.count());
    assertEquals(0.9, s.min());
    assertEquals(1.0, s.max());
    assertEquals(0.95, s.median(), "nearest rank: the 2nd of 4");
    assertEquals(0.955, s.mean(), 1e-12);
    assertEquals(2, s.atLeast(0.96));
    assertEquals(0.95, new Stats(new double[] {1.0, 0.95, 0.9}).median());
  }

  @Test
  void emptyOrNaNSamplesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Stats(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> new Stats(new double[] {1, Double.NaN}));
  }
}
