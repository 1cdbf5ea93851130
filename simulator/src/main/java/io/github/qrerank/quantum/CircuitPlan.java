package io.github.qrerank.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Circuit} planned into fewer passes over the amplitudes than it has gates, and run on a
 * {@link StateVector}: the circuit executor. The result equals running the circuit gate by gate up
 * to rounding (the fused matrices and tables are products of the gates' own numbers).
 *
 * <p><b>Plan.</b> The gates are read in order into stages, each a {@link QubitLayer} (single-qubit
 * gates, those on one qubit multiplied into one 2x2 matrix) followed by a {@link PhaseGroup} (cx
 * and diagonal gates: cx·rz·cx and cx ladders around rz become parity factors, all diagonal factors
 * one table pass). A single-qubit gate joins the current stage's layer unless the stage's phase
 * group already acts on its qubit (then a new stage begins). A diagonal single-qubit gate joins the
 * layer when the layer acts on its qubit and the group does not, and the group otherwise: appending
 * to the group keeps time order, and on a qubit the layer leaves alone the gate commutes with the
 * layer. cx, cz and rzz join the phase group; xy and cry end the stage and run alone. A stage
 * becomes the layer's pass, the group's diagonal pass ({@link PhaseTable}) and, when the group's
 * cx gates do not cancel out, the fewest of them that make the same permutation.
 *
 * <p><b>From |0...0>.</b> A plan made by {@link #fromZero} knows its input: the first stage's layer
 * turns |0...0> into a product state, whose amplitudes are products of one factor per qubit, so the
 * first pass writes the product state times the first stage's diagonal at once, without reading
 * the state or running the layer's gates one qubit at a time.
 *
 * <p><b>Effect.</b> The ring circuit of BENCHMARKS.md section 4 (h on all qubits, cx·rz·cx on each
 * ring pair, rx on all; 90 gates at 18 qubits) runs as 19 sweeps over the amplitudes instead of 90:
 * one written pass, then the rx layer, one sweep per qubit. What is left is that layer, whose loops
 * ({@link GateKernels}) run at about the same speed per amplitude whether the state is in L1 or in
 * L3 at 18 qubits; measured, neither applying several qubits' matrices per visit of a cache-sized
 * tile nor fusing two qubits' gates into one loop made the layer faster there, so the layer runs
 * its matrices one sweep each.
 *
 * <p>A plan is immutable once made: it may be run any number of times, and from several threads at
 * once on different states (its matrices and tables are only read).
 */
public final class CircuitPlan {
  private final int numQubits;
  private final boolean fromZero;
  private final List<CircuitPass> passes;

  private CircuitPlan(Circuit circuit, boolean fromZero) {
    this.numQubits = circuit.numQubits();
    this.fromZero = fromZero;
    this.passes = List.copyOf(passes(stages(circuit), numQubits, fromZero));
  }

  /** The plan of {@code circuit} for any input state ({@link #applyTo}). */
  public static CircuitPlan of(Circuit circuit) {
    return new CircuitPlan(circuit, false);
  }

  /** The plan of {@code circuit} run on |0...0> ({@link #run}); it cannot be applied to a state. */
  public static CircuitPlan fromZero(Circuit circuit) {
    return new CircuitPlan(circuit, true);
  }

  /** The circuit run on |0...0>: a new state. */
  public StateVector run() {
    StateVector s = new StateVector(numQubits);
    execute(s);
    return s;
  }

  /** Applies the circuit to {@code state} in place; only for plans made by {@link #of}. */
  public StateVector applyTo(StateVector state) {
    if (fromZero) {
      throw new IllegalStateException("this plan starts from |0...0>; make it with of() to apply it");
    }
    if (state.numQubits() != numQubits) {
      throw new IllegalArgumentException(
          "the circuit has " + numQubits + " qubits but the state " + state.numQubits());
    }
    execute(state);
    return state;
  }

  private void execute(StateVector s) {
    double[] re = s.realParts();
    double[] im = s.imaginaryParts();
    for (CircuitPass p : passes) {
      p.apply(re, im);
    }
  }

  /**
   * Number of passes of the plan ({@link #describe} has one line each): fused layers, diagonal
   * tables and lone gates.
   */
  public int passCount() {
    return passes.size();
  }

  /**
   * How many times a run goes over the amplitudes: one per pass, except that a layer of
   * single-qubit matrices goes over them once per qubit it acts on (gate by gate: once per gate).
   */
  public int sweepCount() {
    int sweeps = 0;
    for (CircuitPass p : passes) {
      sweeps += p.sweeps();
    }
    return sweeps;
  }

  /** One line per pass, in order. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (CircuitPass p : passes) {
      out.add(p.describe());
    }
    return out;
  }

  // ------------------------------------------------------------------------------- planning

  /** A layer of single-qubit gates followed by a run of cx and diagonal gates, or a lone gate. */
  private record Stage(QubitLayer layer, PhaseGroup group, Circuit.Gate alone) {}

  private static List<Stage> stages(Circuit circuit) {
    int n = circuit.numQubits();
    List<Stage> stages = new ArrayList<>();
    Stage open = new Stage(new QubitLayer(n), new PhaseGroup(n), null);
    for (Circuit.Gate g : circuit.gates()) {
      Circuit.Kind kind = g.kind();
      boolean groupTouches = kind.arity() == 1 && open.group().touches(g.a());
      if (kind.arity() == 1 && kind.diagonal()
          && (groupTouches || !open.layer().acts(g.a()))) {
        open.group().add(g);
      } else if (kind.arity() == 1) {
        if (groupTouches) {
          stages.add(open);
          open = new Stage(new QubitLayer(n), new PhaseGroup(n), null);
        }
        open.layer().add(g);
      } else if (PhaseGroup.accepts(kind)) {
        open.group().add(g);
      } else {
        stages.add(open);
        stages.add(new Stage(null, null, g));
        open = new Stage(new QubitLayer(n), new PhaseGroup(n), null);
      }
    }
    stages.add(open);
    return stages;
  }

  private static List<CircuitPass> passes(List<Stage> stages, int n, boolean fromZero) {
    List<CircuitPass> out = new ArrayList<>();
    boolean first = fromZero;
    for (Stage s : stages) {
      if (s.alone() != null) {
        out.add(CircuitPass.gate(s.alone()));
        first = false;
        continue;
      }
      PhaseGroup group = s.group();
      if (s.layer().isEmpty() && group.isEmpty()) {
        continue;
      }
      if (first) {
        // |0...0> after the layer is the product of the qubits' first matrix columns.
        for (int q = 0; q < n; q++) {
          double[] m = s.layer().matrix(q);
          group.add(ParityFactor.of(1 << q, m[0], m[1], m[4], m[5]));
        }
      } else if (!s.layer().isEmpty()) {
        out.add(s.layer());
      }
      List<ParityFactor> factors = group.factors();
      if (!factors.isEmpty()) {
        out.addAll(PhaseTable.passes(n, factors, first));
      }
      for (Circuit.Gate cx : group.permutation()) {
        out.add(CircuitPass.gate(cx));
      }
      first = false;
    }
    return out;
  }
}
