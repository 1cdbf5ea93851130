package io.github.qrerank.quantum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An immutable circuit: a number of qubits and its gates in time order, each gate one of {@link
 * StateVector}'s (same names, same matrices, same qubit order). {@link #applyGateByGate} runs it
 * the plain way, one {@link StateVector} call per gate; {@link CircuitPlan} runs the same circuit
 * with gates fused into fewer passes over the amplitudes.
 */
public final class Circuit {
  /** The gate kinds: the single-qubit ones first (H to PHASE), then the two-qubit ones. */
  public enum Kind {
    H,
    X,
    Y,
    Z,
    RX,
    RY,
    RZ,
    PHASE,
    CX,
    CZ,
    RZZ,
    XY,
    CRY;

    /** Number of qubits the gate acts on (1 or 2). */
    public int arity() {
      return compareTo(CX) < 0 ? 1 : 2;
    }

    /** Whether the gate takes an angle (a rotation or phase); the others take none (0). */
    public boolean takesAngle() {
      return switch (this) {
        case RX, RY, RZ, PHASE, RZZ, XY, CRY -> true;
        default -> false;
      };
    }

    /** Whether the gate's matrix is diagonal in the computational basis. */
    public boolean diagonal() {
      return switch (this) {
        case Z, RZ, PHASE, CZ, RZZ -> true;
        default -> false;
      };
    }
  }

  /** Marks the missing second qubit of a single-qubit gate. */
  public static final int NO_QUBIT = -1;

  /**
   * One gate. For two-qubit gates {@code a} is the control of cx and cry; cz, rzz and xy are
   * symmetric.
   *
   * @param kind what the gate is
   * @param a its (first) qubit
   * @param b its second qubit, {@link #NO_QUBIT} for single-qubit gates
   * @param angle θ (or λ for phase); 0 for gates without an angle
   */
  public record Gate(Kind kind, int a, int b, double angle) {
    public Gate {
      if (kind == null) {
        throw new IllegalArgumentException("kind must not be null");
      }
      if (a < 0) {
        throw new IllegalArgumentException(name(kind) + ": qubit a must be >= 0: " + a);
      }
      if (kind.arity() == 1 && b != NO_QUBIT) {
        throw new IllegalArgumentException(name(kind) + " acts on one qubit; b must be " + NO_QUBIT);
      }
      if (kind.arity() == 2 && (b < 0 || b == a)) {
        throw new IllegalArgumentException(
            name(kind) + " needs two different qubits >= 0: a=" + a + " b=" + b);
      }
      if (!Double.isFinite(angle) || (!kind.takesAngle() && angle != 0)) {
        throw new IllegalArgumentException(name(kind) + " has an invalid angle: " + angle);
      }
    }

    /** A single-qubit gate. */
    public static Gate of(Kind kind, int q, double angle) {
      return new Gate(kind, q, NO_QUBIT, angle);
    }

    /** A two-qubit gate. */
    public static Gate of(Kind kind, int a, int b, double angle) {
      return new Gate(kind, a, b, angle);
    }

    /** Highest qubit the gate touches. */
    int maxQubit() {
      return Math.max(a, b);
    }

    /** Applies the gate to {@code s} with {@link StateVector}'s method of the same name. */
    public void applyTo(StateVector s) {
      switch (kind) {
        case H -> s.h(a);
        case X -> s.x(a);
        case Y -> s.y(a);
        case Z -> s.z(a);
        case RX -> s.rx(a, angle);
        case RY -> s.ry(a, angle);
        case RZ -> s.rz(a, angle);
        case PHASE -> s.phase(a, angle);
        case CX -> s.cx(a, b);
        case CZ -> s.cz(a, b);
        case RZZ -> s.rzz(a, b, angle);
        case XY -> s.xy(a, b, angle);
        case CRY -> s.cry(a, b, angle);
        default -> throw new IllegalStateException("unhandled gate " + kind);
      }
    }

    private static String name(Kind kind) {
      return kind.name().toLowerCase(Locale.ROOT);
    }
  }

  private final int numQubits;
  private final List<Gate> gates;

  /**
   * A circuit of {@code gates} on {@code numQubits} qubits.
   *
   * @throws IllegalArgumentException if the qubit count is outside [1, {@link
   *     StateVector#MAX_QUBITS}] or a gate uses a qubit outside the register
   */
  public Circuit(int numQubits, List<Gate> gates) {
    StateVector.checkQubitCount(numQubits);
    for (int i = 0; i < gates.size(); i++) {
      Gate g = gates.get(i);
      if (g == null || g.maxQubit() >= numQubits) {
        throw new IllegalArgumentException(
            "gate " + i + " (" + g + ") must act on qubits in [0, " + numQubits + ")");
      }
    }
    this.numQubits = numQubits;
    this.gates = List.copyOf(gates);
  }

  public static Builder builder(int numQubits) {
    return new Builder(numQubits);
  }

  public int numQubits() {
    return numQubits;
  }

  /** The gates in time order (immutable). */
  public List<Gate> gates() {
    return gates;
  }

  /** Applies every gate to {@code s} in order, one {@link StateVector} call per gate. */
  public void applyGateByGate(StateVector s) {
    if (s.numQubits() != numQubits) {
      throw new IllegalArgumentException(
          "the circuit has " + numQubits + " qubits but the state " + s.numQubits());
    }
    for (Gate g : gates) {
      g.applyTo(s);
    }
  }

  /** The circuit run gate by gate on |0...0>. */
  public StateVector runGateByGate() {
    StateVector s = new StateVector(numQubits);
    applyGateByGate(s);
    return s;
  }

  @Override
  public String toString() {
    return "Circuit[" + numQubits + " qubits, " + gates.size() + " gates]";
  }

  /** Collects gates in order; each method checks its operands at once and returns the builder. */
  public static final class Builder {
    private final int numQubits;
    private final List<Gate> gates = new ArrayList<>();

    private Builder(int numQubits) {
      StateVector.checkQubitCount(numQubits);
      this.numQubits = numQubits;
    }

    public Builder add(Gate g) {
      if (g == null || g.maxQubit() >= numQubits) {
        throw new IllegalArgumentException(
            "gate " + g + " must act on qubits in [0, " + numQubits + ")");
      }
      gates.add(g);
      return this;
    }

    public Builder h(int q) {
      return add(Gate.of(Kind.H, q, 0));
    }

    public Builder x(int q) {
      return add(Gate.of(Kind.X, q, 0));
    }

    public Builder y(int q) {
      return add(Gate.of(Kind.Y, q, 0));
    }

    public Builder z(int q) {
      return add(Gate.of(Kind.Z, q, 0));
    }

    public Builder rx(int q, double theta) {
      return add(Gate.of(Kind.RX, q, theta));
    }

    public Builder ry(int q, double theta) {
      return add(Gate.of(Kind.RY, q, theta));
    }

    public Builder rz(int q, double theta) {
      return add(Gate.of(Kind.RZ, q, theta));
    }

    public Builder phase(int q, double lambda) {
      return add(Gate.of(Kind.PHASE, q, lambda));
    }

    public Builder cx(int control, int target) {
      return add(Gate.of(Kind.CX, control, target, 0));
    }

    public Builder cz(int a, int b) {
      return add(Gate.of(Kind.CZ, a, b, 0));
    }

    public Builder rzz(int a, int b, double theta) {
      return add(Gate.of(Kind.RZZ, a, b, theta));
    }

    public Builder xy(int a, int b, double theta) {
      return add(Gate.of(Kind.XY, a, b, theta));
    }

    public Builder cry(int control, int target, double theta) {
      return add(Gate.of(Kind.CRY, control, target, theta));
    }

    public Circuit build() {
      return new Circuit(numQubits, gates);
    }
  }
}
