package io.github.qrerank.quantum.qasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.quantum.CircuitPlan;
import io.github.qrerank.quantum.StateVector;
import io.github.qrerank.quantum.ZPolynomial;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The OpenQASM subset: writing and reading agree, and anything outside it is refused by line. */
class QasmProgramTest {
  private static final String HEADER = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\n";

  @Test
  void writtenGatesReadBackExactly() {
    List<Gate> gates =
        List.of(
            Gate.x(2),
            Gate.rx(0, -Math.PI / 2),
            Gate.ry(1, 1e-7),
            Gate.rz(2, 123.456789012345),
            Gate.cx(0, 2),
            Gate.cry(2, 1, -0.3333333333333333));
    QasmProgram p = QasmProgram.parse(QaoaCircuit.toQasm(3, gates, List.of("two\nlines")));
    assertEquals(3, p.numQubits());
    assertTrue(p.measured());
    assertEquals(gates.size(), p.gates().size());
    for (int i = 0; i < gates.size(); i++) {
      assertEquals(gates.get(i).name(), p.gates().get(i).name());
      assertArrayEquals(gates.get(i).qubits(), p.gates().get(i).qubits());
      assertEquals(gates.get(i).angle(), p.gates().get(i).angle(), 0, "angles are exact");
    }
  }

  @Test
  void commentsBlankLinesAndNoMeasurementAreAccepted() {
    QasmProgram p =
        QasmProgram.parse(
            "// a circuit\nOPENQASM 3;\n\ninclude \"stdgates.inc\"; // gates\nqubit[2] r;\n"
                + "cx r[0], r[1]; rz(.5) r[1];\n");
    assertEquals(2, p.gates().size());
    assertFalse(p.measured());
    assertEquals(0.5, p.gates().get(1).angle(), 0);
  }

  /**
   * A whole exported QAOA circuit (Dicke preparation, cost layers with cubic terms, ring XY
   * mixers): {@link QasmProgram#run} goes through the circuit executor and must give the state of
   * the gates applied one by one, going over the amplitudes fewer times than there are gates.
   */
  @Test
  void runGoesThroughTheExecutorAndMatchesGateByGate() {
    SplittableRandom rng = new SplittableRandom(31);
    int n = 7;
    ZPolynomial.Builder b = new ZPolynomial.Builder(n);
    for (int t = 0; t < 20; t++) {
      long mask = 0;
      for (int d = 1 + rng.nextInt(3); Long.bitCount(mask) < d; ) {
        mask |= 1L << rng.nextInt(n);
      }
      b.add(mask, rng.nextDouble() - 0.5);
    }
    List<Gate> gates = QaoaCircuit.qaoa(b.build(), 3, new double[] {0.7, 0.3}, new double[] {0.4, 0.9});
    QasmProgram p = QasmProgram.parse(QaoaCircuit.toQasm(n, gates, List.of()));
    StateVector expected = new StateVector(n);
    for (Gate g : p.gates()) {
      QasmProgram.apply(expected, g);
    }
    StateVector actual = p.run();
    for (int x = 0; x < expected.size(); x++) {
      assertEquals(expected.re(x), actual.re(x), 1e-12, "re at " + x);
      assertEquals(expected.im(x), actual.im(x), 1e-12, "im at " + x);
    }
    // cx·rz·cx and the cost ladders fold into tables; single-qubit gates of the mixer merge.
    int sweeps = CircuitPlan.fromZero(p.circuit()).sweepCount();
    assertTrue(sweeps < gates.size() * 3 / 4, sweeps + " sweeps for " + gates.size() + " gates");
  }

  private static String errorOf(String text) {
    return assertThrows(IllegalArgumentException.class, () -> QasmProgram.parse(text)).getMessage();
  }

  @Test
  void anythingOutsideTheSubsetIsRefusedWithItsLine() {
    assertTrue(errorOf("OPENQASM 2.0;\n").contains("line 1"));
    assertTrue(errorOf("OPENQASM 3.0;\nqubit[2] q;\n").contains("stdgates"));
    assertTrue(errorOf(HEADER + "h q[0];\n").contains("line 4: unsupported gate 'h'"));
    assertTrue(errorOf(HEADER + "rz q[0];\n").contains("needs an angle"));
    assertTrue(errorOf(HEADER + "x(0.1) q[0];\n").contains("takes no angle"));
    assertTrue(errorOf(HEADER + "cx q[0], q[3];\n").contains("outside"));
    assertTrue(errorOf(HEADER + "cx q[1], q[1];\n").contains("two different qubits"));
    assertTrue(errorOf(HEADER + "rz(pi) q[0];\n").contains("line 4"));
    assertTrue(errorOf(HEADER + "x p[0];\n").contains("operand"));
    assertTrue(errorOf(HEADER + "x q[0]\n").contains("must end with ';'"));
    assertTrue(
        errorOf(HEADER + "bit[3] c;\nc = measure q;\nx q[0];\n").contains("nothing may follow"));
  }
}
