package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Every gate against its textbook matrix on every qubit of a 6-qubit register (qubits 0-2 run the
 * flat loop, 3-5 the nested block loop; pairs with both qubits ≥ 3 the run loop), then the classic
 * identities.
 */
class GateTest {
  private static final double TOL = 1e-13;
  private static final int N = 6;
  private static final double THETA = 0.7321;

  /** G on qubit q of n: I ⊗ ... ⊗ G ⊗ ... ⊗ I with qubit 0 least significant. */
  private static CMatrix embed(int n, int q, CMatrix g) {
    return CMatrix.identity(1 << (n - 1 - q)).kron(g).kron(CMatrix.identity(1 << q));
  }

  /**
   * A 4x4 gate on qubits (a, b) of n, in Qiskit's ordering: row/column index bit(a) + 2·bit(b).
   */
  private static CMatrix embed2(int n, int a, int b, CMatrix g) {
    int dim = 1 << n;
    CMatrix m = new CMatrix(dim);
    int mask = (1 << a) | (1 << b);
    for (int col = 0; col < dim; col++) {
      int gc = ((col >> a) & 1) + 2 * ((col >> b) & 1);
      for (int gr = 0; gr < 4; gr++) {
        int row = (col & ~mask) | ((gr & 1) << a) | ((gr >> 1) << b);
        m.re[row][col] = g.re[gr][gc];
        m.im[row][col] = g.im[gr][gc];
      }
    }
    return m;
  }

  private static CMatrix expMinusI(double t, CMatrix generator) {
    return generator.scale(0, -t).exp();
  }

  private static void assertGate1(BiConsumer<StateVector, Integer> gate, CMatrix expected) {
    for (int q = 0; q < N; q++) {
      int qubit = q;
      CMatrix actual = CMatrix.ofCircuit(N, s -> gate.accept(s, qubit));
      assertEquals(0, actual.distance(embed(N, q, expected)), TOL, "qubit " + q);
    }
  }

  private interface Gate2 {
    void apply(StateVector s, int a, int b);
  }

  private static void assertGate2(Gate2 gate, CMatrix expected) {
    for (int a = 0; a < N; a++) {
      for (int b = 0; b < N; b++) {
        if (a != b) {
          int qa = a, qb = b;
          CMatrix actual = CMatrix.ofCircuit(N, s -> gate.apply(s, qa, qb));
          assertEquals(0, actual.distance(embed2(N, a, b, expected)), TOL, "qubits " + a + "," + b);
        }
      }
    }
  }

  @Test
  void paulisAndHadamardMatchTheirMatrices() {
    assertGate1(StateVector::h, CMatrix.H);
    assertGate1(StateVector::x, CMatrix.X);
    assertGate1(StateVector::y, CMatrix.Y);
    assertGate1(StateVector::z, CMatrix.Z);
  }

  @Test
  void rotationsAreExponentialsOfPaulis() {
    assertGate1((s, q) -> s.rx(q, THETA), expMinusI(THETA / 2, CMatrix.X));
    assertGate1((s, q) -> s.ry(q, THETA), expMinusI(THETA / 2, CMatrix.Y));
    assertGate1((s, q) -> s.rz(q, THETA), expMinusI(THETA / 2, CMatrix.Z));
    assertGate1((s, q) -> s.rz(q, -4.1), expMinusI(-4.1 / 2, CMatrix.Z));
  }

  @Test
  void phaseIsDiagOneExpILambda() {
    assertGate1(
        (s, q) -> s.phase(q, THETA), CMatrix.of(2, 1, 0, 0, 0, 0, 0, Math.cos(THETA), Math.sin(THETA)));
  }

  @Test
  void cxFlipsTargetWhereControlIsSet() {
    // Qiskit's CX with control q0, target q1 (index bit(control) + 2 bit(target)).
    CMatrix cx = CMatrix.of(4,
        1, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 1, 0,
        0, 0, 0, 0, 1, 0, 0, 0,
        0, 0, 1, 0, 0, 0, 0, 0);
    assertGate2(StateVector::cx, cx);
    // Explicit little-endian check: control 0 set in |01> (index 1) -> |11> (index 3).
    StateVector s = new StateVector(2).setBasisState(1).cx(0, 1);
    assertEquals(1, s.probability(3), TOL);
  }

  @Test
  void cryRotatesTheTargetWhereTheControlIsSet() {
    // Qiskit's CRYGate with control q0, target q1 (index bit(control) + 2 bit(target)):
    // |00>, |10> (control clear) untouched; on |01>, |11> the matrix ry(θ).
    double c = Math.cos(THETA / 2), s = Math.sin(THETA / 2);
    CMatrix cry = CMatrix.of(4,
        1, 0, 0, 0, 0, 0, 0, 0,
        0, 0, c, 0, 0, 0, -s, 0,
        0, 0, 0, 0, 1, 0, 0, 0,
        0, 0, s, 0, 0, 0, c, 0);
    assertGate2((st, a, b) -> st.cry(a, b, THETA), cry);
  }

  @Test
  void czAndRzzAreTheirDiagonals() {
    CMatrix cz = CMatrix.of(4,
        1, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 1, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 1, 0, 0, 0,
        0, 0, 0, 0, 0, 0, -1, 0);
    assertGate2(StateVector::cz, cz);
    assertGate2((s, a, b) -> s.rzz(a, b, THETA), expMinusI(THETA / 2, CMatrix.Z.kron(CMatrix.Z)));
  }

  @Test
  void xyRotationIsExpOfXxPlusYyAndQiskitsMatrix() {
    CMatrix xxPlusYy = CMatrix.X.kron(CMatrix.X).plus(CMatrix.Y.kron(CMatrix.Y));
    for (double theta : new double[] {THETA, -2.3, Math.PI, 5.9}) {
      double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
      // Qiskit XXPlusYYGate(theta, beta=0).
      CMatrix qiskit = CMatrix.of(4,
          1, 0, 0, 0, 0, 0, 0, 0,
          0, 0, c, 0, 0, -s, 0, 0,
          0, 0, 0, -s, c, 0, 0, 0,
          0, 0, 0, 0, 0, 0, 1, 0);
      CMatrix definition = expMinusI(theta / 4, xxPlusYy);
      assertEquals(0, qiskit.distance(definition), 1e-13, "Qiskit's matrix is exp(-iθ(XX+YY)/4)");
      CMatrix onTwo = CMatrix.ofCircuit(2, st -> st.xy(0, 1, theta));
      assertEquals(0, onTwo.distance(definition), TOL);
      assertEquals(0, CMatrix.ofCircuit(2, st -> st.xy(1, 0, theta)).distance(definition), TOL);
      assertGate2((st, a, b) -> st.xy(a, b, theta), definition);
    }
  }

  @Test
  void selfInverseGatesSquareToIdentity() {
    CMatrix id = CMatrix.identity(1 << N);
    for (int q = 0; q < N; q++) {
      int k = q;
      assertEquals(0, CMatrix.ofCircuit(N, s -> s.h(k).h(k)).distance(id), TOL, "HH q" + q);
      assertEquals(0, CMatrix.ofCircuit(N, s -> s.x(k).x(k)).distance(id), TOL, "XX q" + q);
      assertEquals(0, CMatrix.ofCircuit(N, s -> s.y(k).y(k)).distance(id), TOL, "YY q" + q);
      int t = (q + 2) % N;
      assertEquals(0, CMatrix.ofCircuit(N, s -> s.cx(k, t).cx(k, t)).distance(id), TOL, "CXCX");
    }
  }

  @Test
  void hzhIsXAndHxhIsZ() {
    for (int q = 0; q < N; q++) {
      int k = q;
      CMatrix hzh = CMatrix.ofCircuit(N, s -> s.h(k).z(k).h(k));
      assertEquals(0, hzh.distance(CMatrix.ofCircuit(N, s -> s.x(k))), TOL);
      CMatrix hxh = CMatrix.ofCircuit(N, s -> s.h(k).x(k).h(k));
      assertEquals(0, hxh.distance(CMatrix.ofCircuit(N, s -> s.z(k))), TOL);
    }
  }

  @Test
  void rzEqualsPhaseUpToGlobalPhase() {
    for (int q = 0; q < N; q++) {
      int k = q;
      CMatrix rz = CMatrix.ofCircuit(N, s -> s.rz(k, THETA));
      CMatrix p = CMatrix.ofCircuit(N, s -> s.phase(k, THETA));
      assertTrue(rz.distance(p) > 0.1, "they differ by e^{-iθ/2}");
      assertEquals(0, rz.distanceUpToPhase(p), TOL);
      assertEquals(0, rz.distance(p.scale(Math.cos(THETA / 2), -Math.sin(THETA / 2))), TOL);
    }
  }

  @Test
  void rzzIsCxRzCx() {
    for (int a = 0; a < N; a++) {
      for (int b = 0; b < N; b++) {
        if (a != b) {
          int qa = a, qb = b;
          CMatrix rzz = CMatrix.ofCircuit(N, s -> s.rzz(qa, qb, THETA));
          CMatrix decomposed = CMatrix.ofCircuit(N, s -> s.cx(qa, qb).rz(qb, THETA).cx(qa, qb));
          assertEquals(0, rzz.distance(decomposed), TOL, a + "," + b);
        }
      }
    }
  }

  @Test
  void twoQubitGatesMatchDecompositionsOnAWiderRegister() {
    // n = 9 reaches the kernels' other shapes: rzz with lo < 3 and hi ≥ 6 (per-run patterns), and
    // runs of 8+ for lo ≥ 3. Decompositions use only gates checked against matrices above.
    int n = 9;
    java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a == b) {
          continue;
        }
        StateVector s = TestStates.random(n, rng);
        double t = rng.nextDouble() * 6;
        assertEquals(0, distance(s.copy().rzz(a, b, t), s.copy().cx(a, b).rz(b, t).cx(a, b)), TOL);
        assertEquals(0, distance(s.copy().cz(a, b), s.copy().h(b).cx(a, b).h(b)), TOL);
        // xy(θ) = exp(-iθ(XX+YY)/4) = rxx(θ/2)·ryy(θ/2) (they commute); rxx(φ) = H⊗H·rzz(φ)·H⊗H,
        // ryy(φ) = rx(π/2)⊗rx(π/2) · rzz(φ) · rx(−π/2)⊗rx(−π/2).
        StateVector viaRzz = s.copy().h(a).h(b).rzz(a, b, t / 2).h(a).h(b)
            .rx(a, Math.PI / 2).rx(b, Math.PI / 2).rzz(a, b, t / 2).rx(a, -Math.PI / 2).rx(b, -Math.PI / 2);
        assertEquals(0, distance(s.copy().xy(a, b, t), viaRzz), 1e-12, a + "," + b);
      }
    }
  }

  @Test
  void cxOnLongRunsAndSingleQubitGatesOnTinyStatesMatchTheirDecompositions() {
    // cx with lo = 12 swaps runs of 4096 through the 2048-entry scratch buffer in two chunks.
    java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
    StateVector s = TestStates.random(14, rng);
    assertEquals(0, distance(s.copy().cx(12, 13), s.copy().h(13).cz(12, 13).h(13)), TOL);
    assertEquals(0, distance(s.copy().cx(13, 12), s.copy().h(12).cz(12, 13).h(12)), TOL);
    // States below 8 amplitudes keep the flat loops: h, rx and rz there against hzh = x etc.
    for (int n = 1; n <= 3; n++) {
      for (int q = 0; q < n; q++) {
        StateVector t = TestStates.random(n, rng);
        assertEquals(0, distance(t.copy().h(q).z(q).h(q), t.copy().x(q)), TOL);
        assertEquals(0, distance(t.copy().rx(q, THETA), t.copy().h(q).rz(q, THETA).h(q)), TOL);
      }
    }
  }

  private static double distance(StateVector u, StateVector v) {
    double d = 0;
    for (int x = 0; x < u.size(); x++) {
      d = Math.max(d, Math.hypot(u.re(x) - v.re(x), u.im(x) - v.im(x)));
    }
    return d;
  }

  @Test
  void czIsHCxH() {
    CMatrix cz = CMatrix.ofCircuit(N, s -> s.cz(1, 4));
    assertEquals(0, cz.distance(CMatrix.ofCircuit(N, s -> s.h(4).cx(1, 4).h(4))), TOL);
  }

  @Test
  void badArgumentsNameTheParameter() {
    StateVector s = new StateVector(3);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.h(3)).getMessage().contains("q"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> s.cx(1, 1)).getMessage().contains("control"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> s.rx(0, Double.NaN))
            .getMessage().contains("theta"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new StateVector(27))
            .getMessage().contains("numQubits"));
    assertThrows(IllegalArgumentException.class, () -> new StateVector(0));
    assertThrows(IllegalArgumentException.class, () -> s.xy(0, 5, 1.0));
  }
}
