package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Measurement sampling and diagonal expectations. Frequencies are checked against the exact
 * probabilities within 5 binomial standard deviations, sqrt(p(1−p)/shots): a correct sampler
 * misses that band with probability below 1e−6 per outcome (and the seeds are fixed, so a pass is
 * reproducible); a sampler off by a few percent misses it with certainty at these shot counts.
 */
class SamplingTest {
  private static int[] counts(int[] samples, int size) {
    int[] c = new int[size];
    for (int x : samples) {
      c[x]++;
    }
    return c;
  }

  private static void assertFrequency(double p, int count, int shots, String what) {
    double tolerance = 5 * Math.sqrt(p * (1 - p) / shots);
    assertEquals(p, count / (double) shots, tolerance, what);
  }

  @Test
  void bellStateGivesHalfZeroZeroHalfOneOne() {
    StateVector bell = new StateVector(2).h(0).cx(0, 1);
    int shots = 20_000;
    int[] c = counts(bell.sample(shots, new SplittableRandom(1)), 4);
    assertEquals(0, c[1], "|01> has probability 0");
    assertEquals(0, c[2], "|10> has probability 0");
    assertFrequency(0.5, c[0], shots, "|00>");
    assertFrequency(0.5, c[3], shots, "|11>");
  }

  @Test
  void ghzStateGivesAllZerosOrAllOnes() {
    int n = 6;
    StateVector ghz = new StateVector(n).h(0);
    for (int q = 1; q < n; q++) {
      ghz.cx(q - 1, q);
    }
    int shots = 20_000;
    int[] c = counts(ghz.sample(shots, new SplittableRandom(2)), 1 << n);
    assertEquals(shots, c[0] + c[(1 << n) - 1], "only 0...0 and 1...1 occur");
    assertFrequency(0.5, c[0], shots, "all zeros");
  }

  @Test
  void randomStateFrequenciesMatchProbabilities() {
    StateVector s = TestStates.random(4, new SplittableRandom(3));
    int shots = 200_000;
    int[] c = counts(s.sample(shots, new SplittableRandom(4)), 16);
    for (int x = 0; x < 16; x++) {
      assertFrequency(s.probability(x), c[x], shots, "outcome " + x);
    }
  }

  @Test
  void eachShotIsTheInverseCdfOfItsOwnUniform() {
    StateVector s = TestStates.random(5, new SplittableRandom(5));
    int shots = 3000;
    int[] samples = s.sample(shots, new SplittableRandom(6));
    SplittableRandom replay = new SplittableRandom(6);
    double total = s.norm2();
    for (int i = 0; i < shots; i++) {
      double u = replay.nextDouble() * total;
      double cumulative = 0;
      int x = 0;
      while (cumulative + s.probability(x) <= u) {
        cumulative += s.probability(x);
        x++;
      }
      assertEquals(x, samples[i], "shot " + i);
    }
  }

  @Test
  void sameSeedSameSamplesOtherSeedOtherSamples() {
    StateVector s = new StateVector(8);
    TestStates.randomCircuit(s, 60, new SplittableRandom(7));
    int[] a = s.sample(1000, new SplittableRandom(42));
    int[] b = s.sample(1000, new SplittableRandom(42));
    int[] c = s.sample(1000, new SplittableRandom(43));
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
    assertEquals(0, s.sample(0, new SplittableRandom(1)).length);
  }

  @Test
  void samplingRejectsBadShotsAndEmptyStates() {
    StateVector s = new StateVector(2);
    assertThrows(IllegalArgumentException.class, () -> s.sample(-1, new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> s.sample(10, null));
    s.setAmplitude(0, 0, 0);
    assertThrows(IllegalStateException.class, () -> s.sample(10, new SplittableRandom(1)));
  }

  @Test
  void expectationOfDiagonalMatchesHandValue() {
    // ry(π/3) on qubit 0: P(q0=1) = sin²(π/6) = 1/4; h on qubit 1: P(q1=1) = 1/2.
    // d = (1, 2, 3, 4) over x = q0 + 2 q1:
    // 1·(3/4)(1/2) + 2·(1/4)(1/2) + 3·(3/4)(1/2) + 4·(1/4)(1/2) = 3/8 + 1/4 + 9/8 + 1/2 = 9/4.
    StateVector s = new StateVector(2).ry(0, Math.PI / 3).h(1);
    assertEquals(2.25, s.expectation(Diagonal.of(new double[] {1, 2, 3, 4})), 1e-15);
  }

  @Test
  void expectationOfZOnGhzIsZeroAndOfParityIsOne() {
    StateVector ghz = new StateVector(3).h(0).cx(0, 1).cx(1, 2);
    Diagonal z0 = Diagonal.overBasis(3, x -> (x & 1) == 0 ? 1 : -1);
    Diagonal z0z1 = Diagonal.overBasis(3, x -> Long.bitCount(x & 3) % 2 == 0 ? 1 : -1);
    assertEquals(0, ghz.expectation(z0), 1e-15);
    assertEquals(1, ghz.expectation(z0z1), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> ghz.expectation(Diagonal.of(new double[4])));
  }
}
