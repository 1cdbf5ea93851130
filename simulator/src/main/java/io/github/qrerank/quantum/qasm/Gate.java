package io.github.qrerank.quantum.qasm;

import io.github.qrerank.quantum.Circuit;
import java.util.Arrays;
import java.util.Locale;

/**
 * One gate of the OpenQASM 3 subset qrerank writes and reads, all from {@code stdgates.inc}: {@code
 * x q}, {@code rx(θ) q}, {@code ry(θ) q}, {@code rz(θ) q}, {@code cx c, t} and {@code cry(θ) c, t}.
 * Matrices are those of {@code stdgates.inc} (equal to {@link
 * io.github.qrerank.quantum.StateVector}'s gates of the same names).
 *
 * @param name the gate's OpenQASM name
 * @param qubits its operands (control first for cx and cry)
 * @param angle θ for rotations; 0 for x and cx
 */
public record Gate(String name, int[] qubits, double angle) {
  /** The gate names of the subset, with their operand counts and whether they take an angle. */
  enum Kind {
    X(1, false),
    RX(1, true),
    RY(1, true),
    RZ(1, true),
    CX(2, false),
    CRY(2, true);

    final int arity;
    final boolean rotation;

    Kind(int arity, boolean rotation) {
      this.arity = arity;
      this.rotation = rotation;
    }

    String qasmName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String name) {
      for (Kind k : values()) {
        if (k.qasmName().equals(name)) {
          return k;
        }
      }
      return null;
    }
  }

  public Gate {
    Kind kind = Kind.of(name);
    if (kind == null) {
      throw new IllegalArgumentException("unsupported gate: " + name);
    }
    if (qubits.length != kind.arity) {
      throw new IllegalArgumentException(
          name + " takes " + kind.arity + " qubits: " + Arrays.toString(qubits));
    }
    if (kind.arity == 2 && qubits[0] == qubits[1]) {
      throw new IllegalArgumentException(
          name + " needs two different qubits: " + Arrays.toString(qubits));
    }
    for (int q : qubits) {
      if (q < 0) {
        throw new IllegalArgumentException("qubit index must be >= 0: " + q);
      }
    }
    if (!Double.isFinite(angle) || (!kind.rotation && angle != 0)) {
      throw new IllegalArgumentException(name + " has an invalid angle: " + angle);
    }
    qubits = qubits.clone();
  }

  @Override
  public int[] qubits() {
    return qubits.clone();
  }

  static Gate x(int q) {
    return new Gate("x", new int[] {q}, 0);
  }

  static Gate rx(int q, double theta) {
    return new Gate("rx", new int[] {q}, theta);
  }

  static Gate ry(int q, double theta) {
    return new Gate("ry", new int[] {q}, theta);
  }

  static Gate rz(int q, double theta) {
    return new Gate("rz", new int[] {q}, theta);
  }

  static Gate cx(int control, int target) {
    return new Gate("cx", new int[] {control, target}, 0);
  }

  static Gate cry(int control, int target, double theta) {
    return new Gate("cry", new int[] {control, target}, theta);
  }

  Kind kind() {
    return Kind.of(name);
  }

  /** The same gate for {@link Circuit} (the subset's names are Circuit's kinds, lower-cased). */
  Circuit.Gate toCircuitGate() {
    Circuit.Kind kind = Circuit.Kind.valueOf(kind().name());
    return kind.arity() == 1
        ? Circuit.Gate.of(kind, qubits[0], angle)
        : Circuit.Gate.of(kind, qubits[0], qubits[1], angle);
  }

  /** The statement, e.g. {@code cry(0.5) q[3], q[4];} (register named {@code q}). */
  String toQasm() {
    StringBuilder sb = new StringBuilder(name);
    if (kind().rotation) {
      sb.append('(').append(Double.toString(angle)).append(')');
    }
    for (int i = 0; i < qubits.length; i++) {
      sb.append(i == 0 ? " " : ", ").append("q[").append(qubits[i]).append(']');
    }
    return sb.append(';').toString();
  }
}
