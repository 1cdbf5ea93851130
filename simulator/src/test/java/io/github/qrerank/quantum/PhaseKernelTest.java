package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast cost-layer kernel against Math.cos/Math.sin and against the equivalent gates. */
class PhaseKernelTest {
  private static double maxDistance(StateVector a, StateVector b) {
    double d = 0;
    for (int x = 0; x < a.size(); x++) {
      d = Math.max(d, Math.hypot(a.re(x) - b.re(x), a.im(x) - b.im(x)));
    }
    return d;
  }

  /** The reference: each amplitude times cos(γd) − i sin(γd) from java.lang.Math. */
  private static StateVector reference(StateVector s, Diagonal d, double gamma) {
    StateVector r = s.copy();
    for (int x = 0; x < s.size(); x++) {
      double t = gamma * d.value(x);
      double c = Math.cos(t), sn = Math.sin(t);
      r.setAmplitude(x, s.re(x) * c + s.im(x) * sn, s.im(x) * c - s.re(x) * sn);
    }
    return r;
  }

  /**
   * Unnormalised amplitudes of modulus 1 and random phase, so an amplitude's error is the error of
   * the phase factor itself.
   */
  private static StateVector unitModulus(int n, SplittableRandom rng) {
    StateVector s = new StateVector(n);
    for (int x = 0; x < s.size(); x++) {
      double phi = rng.nextDouble() * 2 * Math.PI;
      s.setAmplitude(x, Math.cos(phi), Math.sin(phi));
    }
    return s;
  }

  @Test
  void agreesWithMathCosSinOverManyScales() {
    SplittableRandom rng = new SplittableRandom(21);
    int n = 13; // 8192 amplitudes: several chunks
    for (double scale : new double[] {1e-9, 1, 3.14159, 100, 1e4, 1e7}) {
      StateVector s = unitModulus(n, rng);
      Diagonal d = Diagonal.tabulate(s.size(), x -> (rng.nextDouble() - 0.5) * 2 * scale);
      for (double gamma : new double[] {0.37, -1.9, 9.5}) {
        StateVector expected = reference(s, d, gamma);
        StateVector actual = s.copy().applyDiagonalPhase(d, gamma);
        assertEquals(0, maxDistance(expected, actual), 2e-15, "scale " + scale + " gamma " + gamma);
      }
    }
  }

  @Test
  void exactAtQuadrantAndPeriodBoundaries() {
    double[] values = new double[16];
    for (int k = 0; k < 16; k++) {
      values[k] = (k - 8) * Math.PI / 4; // multiples of π/4 around 0, incl. ±π, ±2π
    }
    Diagonal d = Diagonal.of(values);
    StateVector s = unitModulus(4, new SplittableRandom(20));
    assertEquals(0, maxDistance(reference(s, d, 1), s.copy().applyDiagonalPhase(d, 1)), 2e-15);
    assertEquals(0, maxDistance(reference(s, d, 4), s.copy().applyDiagonalPhase(d, 4)), 2e-15);
  }

  @Test
  void hugeAnglesUseTheExactPath() {
    StateVector s = TestStates.random(6, new SplittableRandom(22));
    Diagonal d = Diagonal.tabulate(s.size(), x -> x * 1e7);
    double gamma = 3.3; // |γ d| up to 2e9 > FAST_LIMIT
    assertTrue(gamma * d.maxAbs() > PhaseKernel.FAST_LIMIT);
    assertEquals(0, maxDistance(reference(s, d, gamma), s.copy().applyDiagonalPhase(d, gamma)), 0);
  }

  @Test
  void zeroGammaIsIdentityAndBadInputIsRejected() {
    StateVector s = TestStates.random(3, new SplittableRandom(23));
    Diagonal d = Diagonal.tabulate(8, x -> x);
    assertEquals(0, maxDistance(s, s.copy().applyDiagonalPhase(d, 0)), 0);
    assertThrows(IllegalArgumentException.class, () -> s.applyDiagonalPhase(d, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> s.applyDiagonalPhase(Diagonal.of(new double[4]), 1));
    assertThrows(IllegalArgumentException.class, () -> Diagonal.of(new double[] {1, Double.POSITIVE_INFINITY}));
  }

  @Test
  void singleQubitCostIsAPhaseGate() {
    // d = (0, 1) on one qubit: exp(-iγ d) = diag(1, e^{-iγ}) = phase(-γ).
    StateVector s = TestStates.random(1, new SplittableRandom(24));
    double gamma = 0.813;
    StateVector viaDiagonal = s.copy().applyDiagonalPhase(Diagonal.of(new double[] {0, 1}), gamma);
    assertEquals(0, maxDistance(viaDiagonal, s.copy().phase(0, -gamma)), 1e-15);
  }

  @Test
  void isingZzCostIsRzzOfTwiceGamma() {
    // d_x = z_a z_b with z = 1 - 2·bit: exp(-iγ Z_a Z_b) = rzz(2γ).
    int n = 6, a = 1, b = 4;
    Diagonal zz = Diagonal.overBasis(n, x -> (1 - 2 * ((x >> a) & 1)) * (1 - 2 * ((x >> b) & 1)));
    StateVector s = TestStates.random(n, new SplittableRandom(25));
    double gamma = -0.61;
    assertEquals(0, maxDistance(s.copy().applyDiagonalPhase(zz, gamma), s.copy().rzz(a, b, 2 * gamma)), 1e-15);
  }
}
