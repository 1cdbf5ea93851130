package io.github.qrerank.bench;

import io.github.qrerank.quantum.Circuit;
import io.github.qrerank.quantum.CircuitPlan;
import io.github.qrerank.quantum.StateVector;
import java.util.ArrayList;
import java.util.List;
import org.redfx.strange.Complex;
import org.redfx.strange.Gate;
import org.redfx.strange.Program;
import org.redfx.strange.Step;
import org.redfx.strange.gate.Cnot;
import org.redfx.strange.gate.Hadamard;
import org.redfx.strange.gate.RotationX;
import org.redfx.strange.gate.RotationZ;
import org.redfx.strange.gate.SingleQubitMatrixGate;
import org.redfx.strange.local.SimpleQuantumExecutionEnvironment;

/**
 * The circuit timed on both simulators, one QAOA-like layer on a ring of n qubits: h on every
 * qubit; for each ring pair (i, i+1 mod n) in order, cx(i, i+1)·rz(i+1, θ_i)·cx(i, i+1) (that is
 * rzz(θ_i)); then rx(φ_q) on every qubit. Ours runs it two ways: through the circuit executor
 * ({@link #fused}) and gate by gate ({@link #gateByGate}). The angles differ per pair and per qubit ({@link #theta},
 * {@link #phi}), so a simulator that numbered qubits the other way round would give other
 * probabilities.
 *
 * <p>Both simulators number qubits the same way: qubit q is bit q of a basis-state index (Strange's
 * own qubit probabilities are computed that way, {@code Result.calculateQubitStatesFromVector}),
 * and {@code Cnot(a, b)} has control a and target b in both.
 *
 * <p><b>rz on Strange.</b> Strange 0.1.3's {@code RotationZ(θ)} is the matrix diag(e^{−iθ/2},
 * e^{−iθ/2}), a global phase, not rz(θ) = diag(e^{−iθ/2}, e^{iθ/2}); with it the cx·rz·cx blocks
 * would cancel. The Strange program therefore gets rz as a {@code SingleQubitMatrixGate} holding the
 * right matrix: the same kind of single-qubit gate, handled by the same code path. {@link
 * #strangeProgram(int, boolean)} can build the program with Strange's own {@code RotationZ} to show
 * the difference.
 */
final class RingCircuit {
  private RingCircuit() {}

  /** rz angle of ring pair i (the pair (i, i+1 mod n)). */
  static double theta(int i) {
    return 0.25 + 0.05 * i;
  }

  /** rx angle of qubit q. */
  static double phi(int q) {
    return 0.6 + 0.04 * q;
  }

  /** The circuit as a {@link Circuit}, for the circuit executor. */
  static Circuit circuit(int n) {
    Circuit.Builder b = Circuit.builder(n);
    for (int q = 0; q < n; q++) {
      b.h(q);
    }
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      b.cx(i, j).rz(j, theta(i)).cx(i, j);
    }
    for (int q = 0; q < n; q++) {
      b.rx(q, phi(q));
    }
    return b.build();
  }

  /**
   * Runs the circuit through the circuit executor from |0...0>: plans it ({@link
   * CircuitPlan#fromZero}, the planning inside the call) and runs the plan.
   */
  static StateVector fused(Circuit circuit) {
    return CircuitPlan.fromZero(circuit).run();
  }

  /**
   * Runs the circuit gate by gate on the full state-vector engine from |0...0>: one {@link
   * StateVector} call per gate ({@link Circuit#runGateByGate}).
   */
  static StateVector gateByGate(int n) {
    return circuit(n).runGateByGate();
  }

  /**
   * The circuit as a Strange program: one step with every h, one step per cx and per rz, one step
   * with every rx.
   *
   * @param strangeRotationZ use Strange's own {@code RotationZ} (a global phase in 0.1.3, see the
   *     class documentation) instead of the rz matrix
   */
  static Program strangeProgram(int n, boolean strangeRotationZ) {
    if (n < 3) {
      throw new IllegalArgumentException("the ring needs at least 3 qubits: " + n);
    }
    Program p = new Program(n);
    p.addStep(new Step(gates(n, q -> new Hadamard(q))));
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      p.addStep(new Step(new Cnot(i, j)));
      p.addStep(
          new Step(strangeRotationZ ? new RotationZ(theta(i), j) : rz(theta(i), j)));
      p.addStep(new Step(new Cnot(i, j)));
    }
    p.addStep(new Step(gates(n, q -> new RotationX(phi(q), q))));
    return p;
  }

  private static Gate[] gates(int n, java.util.function.IntFunction<Gate> gate) {
    List<Gate> list = new ArrayList<>(n);
    for (int q = 0; q < n; q++) {
      list.add(gate.apply(q));
    }
    return list.toArray(new Gate[0]);
  }

  /** rz(θ) = diag(e^{−iθ/2}, e^{iθ/2}) on qubit q as a Strange matrix gate. */
  static Gate rz(double theta, int q) {
    double c = Math.cos(theta / 2);
    double s = Math.sin(theta / 2);
    Complex[][] m = {
      {new Complex(c, -s), Complex.ZERO},
      {Complex.ZERO, new Complex(c, s)}
    };
    return new SingleQubitMatrixGate(q, m);
  }

  /** Runs a Strange program and returns its final probabilities |a_x|^2, index x as ours. */
  static double[] runStrange(Program p) {
    Complex[] amplitudes = new SimpleQuantumExecutionEnvironment().runProgram(p).getProbability();
    double[] out = new double[amplitudes.length];
    for (int x = 0; x < out.length; x++) {
      out[x] = amplitudes[x].abssqr();
    }
    return out;
  }

  /** |a_x|^2 of our state, for every x. */
  static double[] probabilities(StateVector s) {
    double[] out = new double[s.size()];
    for (int x = 0; x < out.length; x++) {
      out[x] = s.probability(x);
    }
    return out;
  }

  /** The largest difference between two states' amplitudes (real or imaginary part). */
  static double maxAmplitudeDifference(StateVector a, StateVector b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("states differ in size: " + a.size() + " vs " + b.size());
    }
    double max = 0;
    for (int x = 0; x < a.size(); x++) {
      max = Math.max(max, Math.max(Math.abs(a.re(x) - b.re(x)), Math.abs(a.im(x) - b.im(x))));
    }
    return max;
  }

  /** How far apart two probability vectors are. */
  record Distance(double maxAbs, double totalVariation, double sumA, double sumB) {}

  static Distance distance(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "probability vectors differ in length: " + a.length + " vs " + b.length);
    }
    double max = 0;
    double l1 = 0;
    double sumA = 0;
    double sumB = 0;
    for (int x = 0; x < a.length; x++) {
      double d = Math.abs(a[x] - b[x]);
      max = Math.max(max, d);
      l1 += d;
      sumA += a[x];
      sumB += b[x];
    }
    return new Distance(max, l1 / 2, sumA, sumB);
  }
}
