package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The subspace engine against the full engine: the same QAOA-style circuit (Dicke start, then
 * layers of cost phase and XY mixer) run in both must give the full state's amplitudes on the
 * weight-k states and exactly zero elsewhere.
 */
class SubspaceEngineTest {
  private static final double TOL = 1e-12;
  private static final int LAYERS = 3;

  /** k values tested for n: the edges 1 and n−1, and two inner weights. */
  private static int[] weights(int n) {
    return java.util.stream.IntStream.of(1, 2, n / 2, n - 1).distinct().toArray();
  }

  private static void assertSameCircuit(int n, int k, boolean complete, SplittableRandom rng) {
    WeightSubspace space = WeightSubspace.of(n, k);
    XYMixer mixer = complete ? XYMixer.complete(space) : XYMixer.ring(space);
    // A random cost over all 2^n bit strings (values off the subspace are irrelevant but present).
    double[] cost = new double[1 << n];
    for (int x = 0; x < cost.length; x++) {
      cost[x] = (rng.nextDouble() - 0.5) * 20;
    }
    Diagonal full = Diagonal.of(cost);
    Diagonal sub = Diagonal.overSubspace(space, mask -> cost[(int) mask]);

    StateVector reference = new StateVector(n).setDicke(k);
    SubspaceState state = new SubspaceState(space);
    for (int layer = 0; layer < LAYERS; layer++) {
      double gamma = (rng.nextDouble() - 0.5) * 2;
      double beta = (rng.nextDouble() - 0.5) * 2 * Math.PI;
      reference.applyDiagonalPhase(full, gamma);
      state.applyDiagonalPhase(sub, gamma);
      for (int[] pair : mixer.pairs()) {
        reference.xy(pair[0], pair[1], beta);
      }
      state.applyMixer(mixer, beta);
    }
    String what = "n=" + n + " k=" + k + (complete ? " complete" : " ring");
    for (int x = 0; x < reference.size(); x++) {
      if (Integer.bitCount(x) == k) {
        int r = space.rank(x);
        assertEquals(reference.re(x), state.re(r), TOL, what + " re at " + x);
        assertEquals(reference.im(x), state.im(r), TOL, what + " im at " + x);
      } else {
        assertEquals(0, reference.probability(x), 0, what + " leaked to weight " + Integer.bitCount(x));
      }
    }
    assertEquals(1, state.norm2(), TOL, what);
    assertEquals(reference.expectation(full), state.expectation(sub), 1e-11, what);
  }

  @Test
  void ringMixerMatchesFullEngine() {
    SplittableRandom rng = new SplittableRandom(31);
    for (int n = 4; n <= 12; n++) {
      for (int k : weights(n)) {
        assertSameCircuit(n, k, false, rng);
      }
    }
  }

  @Test
  void completeMixerMatchesFullEngine() {
    SplittableRandom rng = new SplittableRandom(32);
    for (int n = 4; n <= 12; n++) {
      for (int k : weights(n)) {
        assertSameCircuit(n, k, true, rng);
      }
    }
  }

  @Test
  void dickeStateIsUniformAndNormalised() {
    for (int[] nk : new int[][] {{4, 2}, {10, 3}, {20, 5}}) {
      WeightSubspace space = WeightSubspace.of(nk[0], nk[1]);
      SubspaceState dicke = new SubspaceState(space);
      double amplitude = 1 / Math.sqrt(WeightSubspace.binomial(nk[0], nk[1]));
      for (int r = 0; r < space.dimension(); r++) {
        assertEquals(amplitude, dicke.re(r), 1e-16);
        assertEquals(0, dicke.im(r), 0);
      }
      assertEquals(1, dicke.norm2(), 1e-12);
    }
    StateVector full = new StateVector(6).setDicke(3);
    assertEquals(1, full.norm2(), 1e-14);
    assertEquals(1 / 20.0, full.probability(0b000111), 1e-15);
    assertEquals(0, full.probability(0b001111), 0);
  }

  @Test
  void samplesEqualTheFullEnginesForTheSameSeed() {
    int n = 10, k = 4;
    WeightSubspace space = WeightSubspace.of(n, k);
    XYMixer ring = XYMixer.ring(space);
    SplittableRandom rng = new SplittableRandom(33);
    double[] cost = new double[1 << n];
    for (int x = 0; x < cost.length; x++) {
      cost[x] = rng.nextDouble() * 5;
    }
    StateVector reference = new StateVector(n).setDicke(k).applyDiagonalPhase(Diagonal.of(cost), 0.8);
    for (int[] pair : ring.pairs()) {
      reference.xy(pair[0], pair[1], 1.1);
    }
    SubspaceState state = new SubspaceState(space)
        .applyDiagonalPhase(Diagonal.overSubspace(space, m -> cost[(int) m]), 0.8)
        .applyMixer(ring, 1.1);
    int[] fullSamples = reference.sample(5000, new SplittableRandom(99));
    long[] subSamples = state.sampleMasks(5000, new SplittableRandom(99));
    long[] asLong = java.util.Arrays.stream(fullSamples).asLongStream().toArray();
    assertArrayEquals(asLong, subSamples);
  }

  @Test
  void ringAndCompletePairOrders() {
    WeightSubspace space = WeightSubspace.of(4, 2);
    assertArrayEquals(
        new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}}, XYMixer.ring(space).pairs());
    assertArrayEquals(
        new int[][] {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}}, XYMixer.complete(space).pairs());
    assertArrayEquals(new int[][] {{0, 1}}, XYMixer.ring(WeightSubspace.of(2, 1)).pairs());
    assertEquals(4L * 2 * 4 * 2, XYMixer.ring(space).tableBytes());
  }

  @Test
  void mismatchedMixerOrDiagonalIsRejected() {
    SubspaceState state = new SubspaceState(WeightSubspace.of(6, 2));
    XYMixer other = XYMixer.ring(WeightSubspace.of(6, 3));
    assertThrows(IllegalArgumentException.class, () -> state.applyMixer(other, 0.1));
    assertThrows(IllegalArgumentException.class, () -> state.applyDiagonalPhase(Diagonal.of(new double[64]), 0.1));
    assertThrows(IllegalArgumentException.class, () -> XYMixer.of(WeightSubspace.of(6, 2), new int[][] {{1}}));
  }
}
