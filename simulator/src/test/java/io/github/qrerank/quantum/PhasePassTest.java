package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every {@link PhasePass} available in this JVM (the scalar one always, the vector one when the
 * module is present) against Math.cos/Math.sin, against each other bit for bit, and split across
 * threads bit for bit.
 */
class PhasePassTest {
  /** Amplitude error allowed against Math.cos/Math.sin, amplitudes of modulus 1. */
  static final double TOLERANCE = 1e-15;

  /** The passes to test: scalar, plus vector if this JVM can load it. */
  static List<PhasePass> passes() {
    List<PhasePass> passes = new ArrayList<>(List.of(ScalarPhasePass.INSTANCE));
    PhasePass fastest = PhaseKernel.choose(PhaseKernel.vectorModulePresent(), null);
    if (fastest != ScalarPhasePass.INSTANCE) {
      passes.add(fastest);
    }
    return passes;
  }

  /** re/im of modulus 1 with seeded random phases. */
  private static double[][] unitAmplitudes(int size, SplittableRandom rng) {
    double[][] a = new double[2][size];
    for (int x = 0; x < size; x++) {
      double phi = rng.nextDouble() * 2 * Math.PI;
      a[0][x] = Math.cos(phi);
      a[1][x] = Math.sin(phi);
    }
    return a;
  }

  private static double[][] copy(double[][] a) {
    return new double[][] {a[0].clone(), a[1].clone()};
  }

  /** The largest |amplitude difference| between the pass and Math.cos/Math.sin. */
  private static double maxError(PhasePass pass, double[] d, double gamma, SplittableRandom rng) {
    double[][] start = unitAmplitudes(d.length, rng);
    double[][] expected = copy(start);
    PhaseKernel.applyExact(expected[0], expected[1], d, gamma);
    double[][] actual = copy(start);
    PhaseKernel.apply(actual[0], actual[1], Diagonal.of(d), gamma, pass, 1);
    double worst = 0;
    for (int x = 0; x < d.length; x++) {
      worst = Math.max(worst, Math.hypot(actual[0][x] - expected[0][x], actual[1][x] - expected[1][x]));
    }
    return worst;
  }

  /**
   * Angles where the reduction is delicate: multiples of π/4 and π/2 (quadrant edges and the ties
   * of round(q/4)) with neighbours one ulp away, signed zeros, subnormals, and the fast path's
   * largest angles.
   */
  static double[] edgeAngles() {
    List<Double> v = new ArrayList<>();
    for (int k = -40; k <= 40; k++) {
      double a = k * Math.PI / 4;
      v.add(a);
      v.add(Math.nextUp(a));
      v.add(Math.nextDown(a));
    }
    for (double a : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1,
        -1, PhaseKernel.FAST_LIMIT, -PhaseKernel.FAST_LIMIT, Math.nextDown(PhaseKernel.FAST_LIMIT), 12345678.9,
        -98765432.1, 1e7 * Math.PI, 3e7 * Math.PI / 2}) {
      v.add(a);
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void agreesWithMathCosSinOverManyScales() {
    SplittableRandom rng = new SplittableRandom(31);
    for (PhasePass pass : passes()) {
      for (double scale : new double[] {1e-12, 0.5, 1, Math.PI, 100, 1e4, 1e6, 1e8}) {
        double[] d = new double[4099]; // odd size: every pass's remainder path too
        for (int x = 0; x < d.length; x++) {
          d[x] = (2 * rng.nextDouble() - 1) * scale;
        }
        for (double gamma : new double[] {1, -0.37, 0.999}) {
          double err = maxError(pass, d, gamma, rng);
          assertTrue(err <= TOLERANCE, pass.name() + " scale " + scale + " gamma " + gamma + ": " + err);
        }
      }
    }
  }

  @Test
  void agreesWithMathCosSinAtTheEdges() {
    SplittableRandom rng = new SplittableRandom(32);
    double[] d = edgeAngles();
    for (PhasePass pass : passes()) {
      double err = maxError(pass, d, 1, rng);
      assertTrue(err <= TOLERANCE, pass.name() + ": " + err);
    }
  }

  @Test
  void allPassesGiveTheSameBits() {
    List<PhasePass> passes = passes();
    SplittableRandom rng = new SplittableRandom(33);
    double[] edges = edgeAngles();
    for (int size : new int[] {1, 3, 8, 17, 255, 256, 257, 1000, 4099}) {
      double[] d = new double[size];
      for (int x = 0; x < size; x++) {
        d[x] = x % 5 == 0 ? edges[rng.nextInt(edges.length)] : (2 * rng.nextDouble() - 1) * 1e3;
      }
      double[][] start = unitAmplitudes(size, rng);
      double[][] reference = copy(start);
      ScalarPhasePass.INSTANCE.apply(reference[0], reference[1], d, 1.3, 0, size);
      for (PhasePass pass : passes) {
        // ranges that start and end off any vector or chunk boundary
        double[][] actual = copy(start);
        int cut = size / 3;
        pass.apply(actual[0], actual[1], d, 1.3, 0, cut);
        pass.apply(actual[0], actual[1], d, 1.3, cut, size);
        assertArrayEquals(reference[0], actual[0], 0, pass.name() + " re, size " + size);
        assertArrayEquals(reference[1], actual[1], 0, pass.name() + " im, size " + size);
        assertBitsEqual(reference, actual, pass.name() + " size " + size);
      }
    }
  }

  @Test
  void compiledLoopsGiveTheSameBitsToo() {
    // Enough repetitions for HotSpot to compile both passes' loops (C2), whose vector code must
    // keep every operation of the interpreted one.
    List<PhasePass> passes = passes();
    SplittableRandom rng = new SplittableRandom(36);
    int size = 1 << 14;
    double[] d = new double[size];
    for (int round = 0; round < 40; round++) {
      for (int x = 0; x < size; x++) {
        d[x] = (2 * rng.nextDouble() - 1) * 1e5;
      }
      double[][] start = unitAmplitudes(size, rng);
      double[][] reference = copy(start);
      ScalarPhasePass.INSTANCE.apply(reference[0], reference[1], d, 0.3, 0, size);
      for (PhasePass pass : passes) {
        double[][] actual = copy(start);
        pass.apply(actual[0], actual[1], d, 0.3, 0, size);
        assertBitsEqual(reference, actual, pass.name() + " round " + round);
      }
    }
  }

  @Test
  void anySplitAcrossThreadsGivesTheSameBits() {
    SplittableRandom rng = new SplittableRandom(34);
    int size = 3 * ScalarPhasePass.CHUNK * 97 + 5;
    double[] values = new double[size];
    for (int x = 0; x < size; x++) {
      values[x] = (2 * rng.nextDouble() - 1) * 50;
    }
    Diagonal d = Diagonal.of(values);
    double[][] start = unitAmplitudes(size, rng);
    for (PhasePass pass : passes()) {
      double[][] single = copy(start);
      PhaseKernel.apply(single[0], single[1], d, -0.77, pass, 1);
      for (int parts : new int[] {2, 3, 4, 7}) {
        double[][] split = copy(start);
        PhaseKernel.apply(split[0], split[1], d, -0.77, pass, parts);
        assertBitsEqual(single, split, pass.name() + " in " + parts + " parts");
      }
    }
  }

  @Test
  void largeStatesThroughTheEngineMatchOnePartBitForBit() {
    // 2^18 amplitudes: StateVector's default splits it whenever the common pool has a thread.
    int n = 18;
    StateVector s = TestStates.random(n, new SplittableRandom(35));
    Diagonal d = Diagonal.overBasis(n, x -> Long.bitCount(x * 0x9E3779B97F4A7C15L) * 0.61 - 3);
    StateVector viaEngine = s.copy().applyDiagonalPhase(d, 0.9);
    double[][] single = new double[2][s.size()];
    for (int x = 0; x < s.size(); x++) {
      single[0][x] = s.re(x);
      single[1][x] = s.im(x);
    }
    PhaseKernel.apply(single[0], single[1], d, 0.9, PhaseKernel.fastest(), 1);
    for (int x = 0; x < s.size(); x++) {
      assertEquals(Double.doubleToRawLongBits(single[0][x]), Double.doubleToRawLongBits(viaEngine.re(x)));
      assertEquals(Double.doubleToRawLongBits(single[1][x]), Double.doubleToRawLongBits(viaEngine.im(x)));
    }
  }

  @Test
  void partsFollowThreadsAndTheMinimumRange() {
    assertEquals(1, PhaseKernel.parts(1 << 17, 2));
    assertEquals(1, PhaseKernel.parts((1 << 18) - 1, 2));
    assertEquals(2, PhaseKernel.parts(1 << 18, 2));
    assertEquals(2, PhaseKernel.parts(1 << 26, 2));
    assertEquals(1, PhaseKernel.parts(1 << 26, 1));
    assertEquals(8, PhaseKernel.parts(1 << 20, 64));
    assertEquals(1, PhaseKernel.parts(4, 1));
  }

  @Test
  void badArgumentsAreRejected() {
    Diagonal d = Diagonal.of(new double[8]);
    double[] re = new double[8];
    double[] im = new double[8];
    assertThrows(IllegalArgumentException.class, () -> PhaseKernel.apply(re, im, d, 1, ScalarPhasePass.INSTANCE, 0));
    assertThrows(IllegalArgumentException.class, () -> PhaseKernel.apply(re, new double[4], d, 1, ScalarPhasePass.INSTANCE, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> PhaseKernel.apply(re, im, d, Double.POSITIVE_INFINITY, ScalarPhasePass.INSTANCE, 1));
  }

  private static void assertBitsEqual(double[][] expected, double[][] actual, String what) {
    for (int part = 0; part < 2; part++) {
      for (int x = 0; x < expected[part].length; x++) {
        long e = Double.doubleToRawLongBits(expected[part][x]);
        long a = Double.doubleToRawLongBits(actual[part][x]);
        if (e != a) {
          assertEquals(expected[part][x], actual[part][x], what + ": index " + x + " differs");
          assertEquals(e, a, what + ": index " + x + " differs in the sign of zero");
        }
      }
    }
  }
}
