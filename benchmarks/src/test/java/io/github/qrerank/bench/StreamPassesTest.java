package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StreamPassesTest {

  @Test
  void gateTriadUpdatesBothArraysFromTheOldValues() {
    double[] a = {1, 2, 3};
    double[] b = {4, 5, 6};
    StreamPasses.gateTriad(a, b, 0.5);
    assertArrayEquals(new double[] {3, 4.5, 6}, a, 0);
    assertArrayEquals(new double[] {3.5, 4, 4.5}, b, 0);
  }

  @Test
  void phaseTriadAddsAndSubtractsTheScaledDiagonal() {
    double[] a = {1, 2};
    double[] b = {3, 4};
    StreamPasses.phaseTriad(a, b, new double[] {10, 20}, 0.1);
    assertArrayEquals(new double[] {2, 4}, a, 1e-15);
    assertArrayEquals(new double[] {2, 2}, b, 1e-15);
  }

  @Test
  void classicTriad() {
    double[] a = new double[2];
    StreamPasses.triad(a, new double[] {1, 2}, new double[] {3, 4}, 2);
    assertArrayEquals(new double[] {7, 10}, a, 0);
  }

  @Test
  void splitPassesMatchOneThreadBitForBit() {
    int size = 100_003;
    double[] d = new double[size];
    double[] a1 = new double[size];
    double[] b1 = new double[size];
    for (int i = 0; i < size; i++) {
      d[i] = Math.sin(i * 0.37);
      a1[i] = Math.cos(i * 0.11);
      b1[i] = i * 1e-5;
    }
    StreamPasses.phaseTriad(a1, b1, d, 0.25);
    for (int parts : new int[] {2, 3, 8}) {
      double[] a = new double[size];
      double[] b = new double[size];
      for (int i = 0; i < size; i++) {
        a[i] = Math.cos(i * 0.11);
        b[i] = i * 1e-5;
      }
      StreamPasses.phaseTriad(a, b, d, 0.25, parts);
      assertArrayEquals(a1, a, 0, "phase triad in " + parts + " parts");
      assertArrayEquals(b1, b, 0, "phase triad in " + parts + " parts");
      double[] t1 = new double[size];
      double[] t = new double[size];
      StreamPasses.triad(t1, a, d, -3);
      StreamPasses.triad(t, a, d, -3, parts);
      assertArrayEquals(t1, t, 0, "triad in " + parts + " parts");
    }
  }

  @Test
  void lengthsMustAgree() {
    assertThrows(
        IllegalArgumentException.class,
        () -> StreamPasses.gateTriad(new double[2], new double[3], 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> StreamPasses.phaseTriad(new double[2], new double[2], new double[1], 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> StreamPasses.triad(new double[2], new double[2], new double[3], 1));
  }
}
