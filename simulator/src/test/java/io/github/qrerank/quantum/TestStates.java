package io.github.qrerank.quantum;

import java.util.SplittableRandom;

/** Seeded random states and circuits for tests. */
final class TestStates {
  private TestStates() {}

  /** A normalised state with independent random amplitudes. */
  static StateVector random(int n, SplittableRandom rng) {
    StateVector s = new StateVector(n);
    double[] re = new double[s.size()];
    double[] im = new double[s.size()];
    double norm2 = 0;
    for (int x = 0; x < s.size(); x++) {
      re[x] = rng.nextDouble() - 0.5;
      im[x] = rng.nextDouble() - 0.5;
      norm2 += re[x] * re[x] + im[x] * im[x];
    }
    double scale = 1 / Math.sqrt(norm2);
    for (int x = 0; x < s.size(); x++) {
      s.setAmplitude(x, re[x] * scale, im[x] * scale);
    }
    return s;
  }

  /** Applies {@code gates} gates drawn uniformly from every gate kind, on random qubits. */
  static void randomCircuit(StateVector s, int gates, SplittableRandom rng) {
    int n = s.numQubits();
    for (int g = 0; g < gates; g++) {
      int a = rng.nextInt(n);
      int b = n == 1 ? a : (a + 1 + rng.nextInt(n - 1)) % n;
      double t = (rng.nextDouble() - 0.5) * 4 * Math.PI;
      int kind = n == 1 ? rng.nextInt(8) : rng.nextInt(12);
      switch (kind) {
        case 0: s.h(a); break;
        case 1: s.x(a); break;
        case 2: s.y(a); break;
        case 3: s.z(a); break;
        case 4: s.rx(a, t); break;
        case 5: s.ry(a, t); break;
        case 6: s.rz(a, t); break;
        case 7: s.phase(a, t); break;
        case 8: s.cx(a, b); break;
        case 9: s.cz(a, b); break;
        case 10: s.rzz(a, b, t); break;
        default: s.xy(a, b, t); break;
      }
    }
  }

  /** <a|b> as {re, im}. */
  static double[] inner(StateVector a, StateVector b) {
    double r = 0, i = 0;
    for (int x = 0; x < a.size(); x++) {
      r += a.re(x) * b.re(x) + a.im(x) * b.im(x);
      i += a.re(x) * b.im(x) - a.im(x) * b.re(x);
    }
    return new double[] {r, i};
  }
}
