package io.github.qrerank.quantum.qasm;

import io.github.qrerank.quantum.Circuit;
import io.github.qrerank.quantum.CircuitPlan;
import io.github.qrerank.quantum.StateVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed program of the OpenQASM 3 subset {@link QaoaCircuit#toQasm} writes: {@code OPENQASM
 * 3[.0];}, {@code include "stdgates.inc";}, one {@code qubit[n] name;} register, optionally one
 * {@code bit[n] name;} register, the gates of {@link Gate} on single register elements, and at most
 * one final {@code bits = measure qubits;}. {@code //} comments and blank lines are ignored;
 * statements end with {@code ;}. Angles are decimal literals, optionally negative. Anything else is
 * rejected with the line number, never skipped.
 *
 * @param numQubits size of the qubit register
 * @param gates the gates in program order
 * @param measured whether the program ends with the measurement of every qubit
 */
public record QasmProgram(int numQubits, List<Gate> gates, boolean measured) {
  private static final String ID = "[A-Za-z_][A-Za-z0-9_]*";
  private static final String NUMBER = "-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
  private static final Pattern VERSION = Pattern.compile("OPENQASM\\s+3(\\.0)?");
  private static final Pattern INCLUDE = Pattern.compile("include\\s+\"stdgates\\.inc\"");
  private static final Pattern QUBITS =
      Pattern.compile("qubit\\s*\\[\\s*(\\d+)\\s*\\]\\s*(" + ID + ")");
  private static final Pattern BITS =
      Pattern.compile("bit\\s*\\[\\s*(\\d+)\\s*\\]\\s*(" + ID + ")");
  private static final Pattern MEASURE =
      Pattern.compile("(" + ID + ")\\s*=\\s*measure\\s+(" + ID + ")");
  private static final Pattern GATE =
      Pattern.compile("(" + ID + ")\\s*(?:\\(\\s*(" + NUMBER + ")\\s*\\))?\\s+(.+)");
  private static final Pattern OPERAND =
      Pattern.compile("\\s*(" + ID + ")\\s*\\[\\s*(\\d+)\\s*\\]\\s*");

  public QasmProgram {
    gates = List.copyOf(gates);
  }

  /** Parses {@code text}; the message of the exception names the line and what was expected. */
  public static QasmProgram parse(String text) {
    List<String[]> statements = statements(text);
    int at = 0;
    if (statements.isEmpty() || !VERSION.matcher(statements.get(0)[1]).matches()) {
      throw error(statements.isEmpty() ? "1" : statements.get(0)[0], "expected 'OPENQASM 3.0;'");
    }
    at++;
    if (at >= statements.size() || !INCLUDE.matcher(statements.get(at)[1]).matches()) {
      throw error(line(statements, at), "expected 'include \"stdgates.inc\";'");
    }
    at++;
    String qreg = null;
    String creg = null;
    int n = -1;
    List<Gate> gates = new ArrayList<>();
    boolean measured = false;
    for (; at < statements.size(); at++) {
      String lineNo = statements.get(at)[0];
      String s = statements.get(at)[1];
      if (measured) {
        throw error(lineNo, "nothing may follow the measurement");
      }
      Matcher m;
      if ((m = QUBITS.matcher(s)).matches()) {
        if (qreg != null) {
          throw error(lineNo, "only one qubit register is supported");
        }
        n = Integer.parseInt(m.group(1));
        if (n < 1 || n > StateVector.MAX_QUBITS) {
          throw error(lineNo, "qubit register size must be in [1, " + StateVector.MAX_QUBITS + "]");
        }
        qreg = m.group(2);
      } else if ((m = BITS.matcher(s)).matches()) {
        if (creg != null || qreg == null || Integer.parseInt(m.group(1)) != n) {
          throw error(lineNo, "expected one bit register of the qubit register's size, after it");
        }
        creg = m.group(2);
      } else if ((m = MEASURE.matcher(s)).matches()) {
        if (qreg == null || creg == null || !m.group(1).equals(creg) || !m.group(2).equals(qreg)) {
          throw error(lineNo, "expected '" + creg + " = measure " + qreg + ";'");
        }
        measured = true;
      } else if ((m = GATE.matcher(s)).matches()) {
        if (qreg == null) {
          throw error(lineNo, "gate before the qubit register");
        }
        gates.add(gate(lineNo, m, qreg, n));
      } else {
        throw error(lineNo, "unsupported statement: " + s);
      }
    }
    if (qreg == null) {
      throw error(line(statements, statements.size()), "no qubit register declared");
    }
    return new QasmProgram(n, gates, measured);
  }

  private static Gate gate(String lineNo, Matcher m, String qreg, int n) {
    String name = m.group(1).toLowerCase(Locale.ROOT);
    Gate.Kind kind = Gate.Kind.of(m.group(1));
    if (kind == null) {
      throw error(lineNo, "unsupported gate '" + m.group(1) + "'");
    }
    if (kind.rotation != (m.group(2) != null)) {
      throw error(lineNo, name + (kind.rotation ? " needs an angle" : " takes no angle"));
    }
    String[] ops = m.group(3).split(",", -1);
    if (ops.length != kind.arity) {
      throw error(lineNo, name + " takes " + kind.arity + " qubit(s)");
    }
    int[] qubits = new int[ops.length];
    for (int i = 0; i < ops.length; i++) {
      Matcher op = OPERAND.matcher(ops[i]);
      if (!op.matches() || !op.group(1).equals(qreg)) {
        throw error(lineNo, "expected an operand " + qreg + "[i], got '" + ops[i].trim() + "'");
      }
      qubits[i] = Integer.parseInt(op.group(2));
      if (qubits[i] >= n) {
        throw error(lineNo, "qubit " + qubits[i] + " outside " + qreg + "[" + n + "]");
      }
    }
    double angle = kind.rotation ? Double.parseDouble(m.group(2)) : 0;
    try {
      return new Gate(name, qubits, angle);
    } catch (IllegalArgumentException e) {
      throw error(lineNo, e.getMessage());
    }
  }

  /** (line number, statement text) pairs, comments removed; a statement may not span lines. */
  private static List<String[]> statements(String text) {
    List<String[]> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int comment = line.indexOf("//");
      if (comment >= 0) {
        line = line.substring(0, comment);
      }
      line = line.trim();
      if (line.isEmpty()) {
        continue;
      }
      if (!line.endsWith(";")) {
        throw error(Integer.toString(i + 1), "statement must end with ';'");
      }
      for (String part : line.substring(0, line.length() - 1).split(";", -1)) {
        if (part.isBlank()) {
          throw error(Integer.toString(i + 1), "empty statement");
        }
        out.add(new String[] {Integer.toString(i + 1), part.trim()});
      }
    }
    return out;
  }

  private static String line(List<String[]> statements, int at) {
    return at < statements.size() ? statements.get(at)[0] : "end";
  }

  private static IllegalArgumentException error(String line, String message) {
    return new IllegalArgumentException("OpenQASM line " + line + ": " + message);
  }

  /** The program's gates as a {@link Circuit} on its qubit register. */
  public Circuit circuit() {
    List<Circuit.Gate> out = new ArrayList<>(gates.size());
    for (Gate g : gates) {
      out.add(g.toCircuitGate());
    }
    return new Circuit(numQubits, out);
  }

  /**
   * Runs the gates on |0...0> of {@link #numQubits} qubits (measurement is not applied) with the
   * circuit executor, {@link CircuitPlan#fromZero}: the same state as applying the gates one by
   * one, up to rounding.
   */
  public StateVector run() {
    return CircuitPlan.fromZero(circuit()).run();
  }

  /** Applies one gate of the subset to {@code state} (gate by gate, no fusion). */
  public static void apply(StateVector state, Gate g) {
    g.toCircuitGate().applyTo(state);
  }
}
