package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void durationsPickAReadableUnitAndKeepTheSign() {
    assertEquals("999 ns", Format.duration(999));
    assertEquals("1.5 µs", Format.duration(1_500));
    assertEquals("2.25 ms", Format.duration(2_250_000));
    assertEquals("3.00 s", Format.duration(3e9));
    assertEquals("-1.13 ms", Format.duration(-1_130_000));
  }

  @Test
  void sharesAndRatios() {
    assertEquals("3/4 (75.0%)", Format.share(3, 4));
    assertEquals("0/0 (0.0%)", Format.share(0, 0));
    assertEquals("1.50×", Format.ratio(1.5));
    assertEquals("366×", Format.ratio(366.2));
  }
}
