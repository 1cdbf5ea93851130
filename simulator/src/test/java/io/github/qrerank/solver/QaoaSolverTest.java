package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.AngleSchedule;
import io.github.qrerank.quantum.Diagonal;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.QaoaSimulation;
import io.github.qrerank.quantum.StateVector;
import io.github.qrerank.quantum.SubspaceState;
import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.quantum.XYMixer;
import io.github.qrerank.quantum.qasm.QasmProgram;
import io.github.qrerank.testing.RandomProblems;
import java.util.List;
import org.junit.jupiter.api.Test;

class QaoaSolverTest {
  private static final double TOL = 1e-12;

  /**
   * p = 1 on three qubits, k = 1, against a hand derivation. Documents 0, 1, 2 have utilities π/2,
   * π/2, 0 and no constraints, so the weight-1 states |q> (qubit q set) have energies −π/2, −π/2,
   * 0.
   *
   * <p>Dicke state: a = (1, 1, 1)/√3. Cost phase exp(−iγE) with γ = 1: a = (i, i, 1)/√3. Mixer with
   * β = π/4 is xy(−π/2) on (0,1), (1,2), (2,0) in turn; on a single excitation each maps (a_p, a_r)
   * to (c a_p + i s a_r, i s a_p + c a_r) with c = s = r = 1/√2. With u = 1/√3:
   *
   * <pre>
   * (0,1): a0 = r u (i − 1),          a1 = r u (−1 + i),         a2 = u
   * (1,2): a1 = r u (−r + i(r + 1)),  a2 = r u ((1 − r) − i r)
   * (2,0): a2 = r² u (−r − i(r + 1)), a0 = r² u ((r − 1) + i(2 − r))
   * </pre>
   *
   * so |a0|² = (2 − √2)/4, |a1|² = (2 + √2)/6, |a2|² = (2 + √2)/12 (they sum to 1), and ⟨E⟩ =
   * −(π/2)(1 − |a2|²) = −π(10 − √2)/24 ≈ −1.1240, below the Dicke state's −π/3 ≈ −1.0472.
   */
  @Test
  void oneLayerOnThreeQubitsMatchesTheHandDerivation() {
    double half = Math.PI / 2;
    Problem p =
        new Problem(
            new double[] {half, half, 0},
            new double[9],
            0.5,
            new boolean[] {true, true, true},
            List.of(),
            List.of(),
            1);
    Hamiltonian h = Hamiltonian.of(p, new int[] {0, 1, 2}, new int[] {0});
    WeightSubspace space = WeightSubspace.of(3, 1);
    QaoaSimulation sim = new QaoaSimulation(XYMixer.ring(space), h.subspaceDiagonal(space));
    assertEquals(-Math.PI / 3, sim.expectation(new double[0], new double[0]), TOL);
    SubspaceState s = sim.run(new double[] {1}, new double[] {Math.PI / 4});
    double sqrt2 = Math.sqrt(2);
    assertEquals((2 - sqrt2) / 4, s.probability(space.rank(0b001)), TOL);
    assertEquals((2 + sqrt2) / 6, s.probability(space.rank(0b010)), TOL);
    assertEquals((2 + sqrt2) / 12, s.probability(space.rank(0b100)), TOL);
    assertEquals(
        -Math.PI * (10 - sqrt2) / 24,
        sim.expectation(new double[] {1}, new double[] {Math.PI / 4}),
        TOL);
    // The first amplitude itself, phase included: a0 = r² u ((r − 1) + i(2 − r)).
    double r = 1 / sqrt2;
    double u = 1 / Math.sqrt(3);
    assertEquals(r * r * u * (r - 1), s.re(space.rank(0b001)), TOL);
    assertEquals(r * r * u * (2 - r), s.im(space.rank(0b001)), TOL);
  }

  @Test
  void solverReportsTheExpectationOfItsOwnSchedule() {
    Problem p = RandomProblems.random(5, 30, 3, 0.1, 5, 2, true);
    QaoaRun run = new QaoaSolver(new QuantumSettings(7, 256, 1, 10)).run(p, Budget.unlimited());
    QaoaDiagnostics d = run.diagnostics();
    Hamiltonian h = run.hamiltonian();
    WeightSubspace space = WeightSubspace.of(10, 3);
    QaoaSimulation sim = new QaoaSimulation(XYMixer.ring(space), h.subspaceDiagonal(space));
    AngleSchedule.Angles ramp = AngleSchedule.ramp(1, sim.spread());
    assertArrayEquals(ramp.gammas(), d.gammas(), 0);
    assertArrayEquals(ramp.betas(), d.betas(), 0);
    assertEquals(AngleSchedule.GAMMA_SPAN / 2, d.gammas()[0] * d.costSpread(), 1e-12);
    assertEquals(sim.expectation(ramp.gammas(), ramp.betas()), d.expectation(), 1e-12);
    assertTrue(
        d.expectation() < sim.expectation(new double[0], new double[0]), "one layer lowers <E>");
  }

  @Test
  void sameSeedSameAnswerAndDiagnostics() {
    Problem p = RandomProblems.random(12, 100, 5, 0.1, 20, 2, true);
    QuantumSettings s = new QuantumSettings(42, 1024, 2, 20);
    QaoaRun a = new QaoaSolver(s).run(p, Budget.unlimited());
    QaoaRun b = new QaoaSolver(s).run(p, Budget.unlimited());
    assertArrayEquals(a.selection().indices(), b.selection().indices());
    QaoaDiagnostics da = a.diagnostics();
    QaoaDiagnostics db = b.diagnostics();
    assertArrayEquals(da.shortlist(), db.shortlist());
    assertArrayEquals(da.gammas(), db.gammas(), 0);
    assertEquals(da.expectation(), db.expectation(), 0);
    assertEquals(da.bestSampleEnergy(), db.bestSampleEnergy(), 0);
    assertEquals(da.bestSampleProbability(), db.bestSampleProbability(), 0);
    assertEquals(da.distinctSamples(), db.distinctSamples());
    assertEquals(da.feasibleSampleShare(), db.feasibleSampleShare(), 0);
    assertEquals(a.openQasm(), b.openQasm());
  }

  @Test
  void diagnosticsAreConsistent() {
    for (long seed = 1; seed <= 6; seed++) {
      Problem p = RandomProblems.random(seed, 60, 4, 0.1, 8, 2, seed % 2 == 0);
      QaoaRun run =
          new QaoaSolver(new QuantumSettings(seed, 512, 2, 14)).run(p, Budget.unlimited());
      QaoaDiagnostics d = run.diagnostics();
      Selection s = run.selection();
      assertFalse(run.timedOut());
      assertEquals(QaoaSolver.NAME, s.solver());
      assertTrue(p.respectsHardConstraints(s.indices()));
      assertEquals(14, d.qubits());
      assertEquals(4, d.weight());
      assertEquals(2, d.gammas().length);
      assertTrue(d.bestSampleProbability() > 0 && d.bestSampleProbability() <= 1);
      assertTrue(d.feasibleSampleShare() >= 0 && d.feasibleSampleShare() <= 1);
      assertTrue(d.distinctSamples() >= 1 && d.distinctSamples() <= 512);
      assertNotNull(d.groundEnergy());
      assertTrue(d.groundEnergy() <= d.expectation() + TOL, "the ground energy is a lower bound");
      assertTrue(d.groundEnergy() <= d.bestSampleEnergy() + TOL);
      Selection exact = run.windowOptimum();
      assertTrue(exact.provenOptimal());
      assertTrue(s.objective() <= exact.objective() + 1e-9);
      // The shortlist's optimum has energy −F; it is the window's optimum exactly when inside.
      assertEquals(
          Boolean.valueOf(
              Math.abs(-d.groundEnergy() - exact.objective()) <= 1e-9 * (1 + exact.objective())),
          d.optimumInShortlist(),
          "seed " + seed);
      assertTrue(d.simulationNanos() > 0 && d.samplingNanos() > 0);
    }
  }

  @Test
  void exportedCircuitReproducesTheSimulatedState() {
    Problem p = RandomProblems.random(21, 30, 3, 0.1, 4, 2, true);
    QaoaRun run = new QaoaSolver(new QuantumSettings(1, 64, 2, 8)).run(p, Budget.unlimited());
    StateVector circuit = QasmProgram.parse(run.openQasm()).run();
    Hamiltonian h = run.hamiltonian();
    WeightSubspace space = WeightSubspace.of(8, 3);
    QaoaDiagnostics d = run.diagnostics();
    SubspaceState engine =
        new QaoaSimulation(XYMixer.ring(space), h.subspaceDiagonal(space))
            .run(d.gammas(), d.betas());
    for (int r = 0; r < space.dimension(); r++) {
      assertEquals(engine.probability(r), circuit.probability((int) space.mask(r)), 1e-10);
    }
    assertEquals(
        engine.expectation(h.subspaceDiagonal(space)),
        circuit.expectation(Diagonal.overBasis(8, x -> Long.bitCount(x) == 3 ? h.energy(x) : 0)),
        1e-10);
    assertTrue(run.bqmJson().contains("\"bqm_schema\":\"3.0.0\""));
  }

  @Test
  void layersZeroSamplesTheDickeState() {
    Problem p = RandomProblems.random(2, 40, 3, 0.1, 6, 2, false);
    QaoaRun run = new QaoaSolver(new QuantumSettings(3, 300, 0, 12)).run(p, Budget.unlimited());
    QaoaDiagnostics d = run.diagnostics();
    assertEquals(0, d.gammas().length);
    assertEquals(1.0 / WeightSubspace.binomial(12, 3), d.bestSampleProbability(), 1e-15);
    assertTrue(p.respectsHardConstraints(run.selection().indices()));
  }

  @Test
  void refinementDoesNotRaiseTheExpectation() {
    Problem p = RandomProblems.random(8, 40, 3, 0.1, 6, 2, true);
    QuantumSettings s = new QuantumSettings(3, 128, 2, 10);
    QaoaDiagnostics fixed = new QaoaSolver(s).run(p, Budget.unlimited()).diagnostics();
    QaoaDiagnostics refined = new QaoaSolver(s, 30).run(p, Budget.unlimited()).diagnostics();
    assertTrue(refined.refinementEvaluations() > 0 && refined.refinementEvaluations() <= 30);
    assertEquals(0, fixed.refinementEvaluations());
    assertTrue(refined.expectation() <= fixed.expectation() + 1e-12);
  }

  @Test
  void expiredBudgetStopsEarlyWithAFeasibleIncumbent() {
    Problem p = RandomProblems.random(4, 80, 5, 0.1, 10, 2, true);
    QaoaRun run = new QaoaSolver(QuantumSettings.DEFAULTS).run(p, Budget.ofMillis(0));
    assertTrue(run.timedOut());
    assertEquals("shortlist", run.timedOutAt());
    assertEquals(GreedySwapSolver.NAME, run.selection().solver());
    assertTrue(p.respectsHardConstraints(run.selection().indices()));
    assertTrue(Double.isNaN(run.diagnostics().expectation()));
    assertNull(run.windowOptimum());
    assertThrows(IllegalStateException.class, run::openQasm);
  }

  @Test
  void nothingToSelectGivesTheEmptySelection() {
    Problem p = RandomProblems.random(4, 10, 0, 0.1, 2, 1, false);
    QaoaRun run = new QaoaSolver(QuantumSettings.DEFAULTS).run(p, Budget.unlimited());
    assertEquals(0, run.selection().size());
    assertNull(run.hamiltonian());
    assertThrows(IllegalStateException.class, run::openQasm);
  }

  @Test
  void settingsThatCannotRunNameTheParameter() {
    Problem p = RandomProblems.random(4, 30, 14, 0.1, 2, 8, false);
    String tooFew =
        assertThrows(
                IllegalArgumentException.class,
                () -> new QaoaSolver(new QuantumSettings(1, 10, 1, 5)).run(p, Budget.unlimited()))
            .getMessage();
    assertTrue(tooFew.startsWith("qubits must be >= k"), tooFew);
    String tooMany =
        assertThrows(
                IllegalArgumentException.class,
                () -> new QaoaSolver(new QuantumSettings(1, 10, 1, 28)).run(p, Budget.unlimited()))
            .getMessage();
    assertTrue(tooMany.startsWith("qubits=28"), tooMany);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new QuantumSettings(1, 0, 1, 5))
            .getMessage()
            .startsWith("shots"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new QuantumSettings(1, 5, -1, 5))
            .getMessage()
            .startsWith("layers"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new QuantumSettings(1, 5, 1, 0))
            .getMessage()
            .startsWith("qubits"));
  }
  /**
   * Requests arriving together for the same size share one mixer (built once), and one size's
   * build does not hand out another size's mixer.
   */
  @Test
  void concurrentRequestsShareOneMixerPerSize() throws Exception {
    int threads = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<XYMixer>> got = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int n = t % 2 == 0 ? 13 : 14;
        got.add(
            pool.submit(
                () -> {
                  start.await();
                  return QaoaSolver.ringMixer(n, 5);
                }));
      }
      start.countDown();
      for (int t = 0; t < threads; t++) {
        XYMixer m = got.get(t).get();
        assertTrue(m == got.get(t % 2).get(), "thread " + t + " got another instance");
        assertEquals(t % 2 == 0 ? 13 : 14, m.space().numQubits());
      }
      assertTrue(got.get(0).get() != got.get(1).get());
    } finally {
      pool.shutdownNow();
    }
  }
}
