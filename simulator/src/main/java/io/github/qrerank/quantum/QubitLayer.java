package io.github.qrerank.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer of single-qubit gates, at most one 2x2 matrix per qubit: consecutive single-qubit gates
 * on one qubit (with no multi-qubit gate on it in between) multiplied into one matrix, so that each
 * qubit costs one pass whatever the number of gates fused on it. Matrices hold (re, im) of m00,
 * m01, m10, m11 as {@link GateKernels#unitary} takes them.
 *
 * <p>Each matrix runs on the cheapest {@link GateKernels} loop its shape allows: diagonal, real
 * (h, x, ry), rx-shaped ([[c, −is], [−is, c]]) or general. A layer holding a single gate on a
 * qubit therefore runs the same loop with the same numbers as the {@link StateVector} method of
 * that gate, and gives bit-identical amplitudes.
 */
final class QubitLayer implements CircuitPass {
  private static final double SQRT_HALF = Math.sqrt(0.5);

  /** Per qubit, its matrix or null (identity). */
  private final double[][] matrices;

  QubitLayer(int numQubits) {
    this.matrices = new double[numQubits][];
  }

  /** Whether no gate has been added. */
  boolean isEmpty() {
    return sweeps() == 0;
  }

  /** Whether qubit q has a matrix in this layer. */
  boolean acts(int q) {
    return matrices[q] != null;
  }

  /** The matrix of qubit q (a copy; the identity when the layer has none for q). */
  double[] matrix(int q) {
    return matrices[q] == null ? new double[] {1, 0, 0, 0, 0, 0, 1, 0} : matrices[q].clone();
  }

  /** Adds single-qubit gate g after what the layer already holds on its qubit. */
  void add(Circuit.Gate g) {
    double[] m = matrixOf(g);
    int q = g.a();
    matrices[q] = matrices[q] == null ? m : multiply(m, matrices[q]);
  }

  /** The 2x2 matrix of a single-qubit gate, with the numbers {@link StateVector} uses. */
  static double[] matrixOf(Circuit.Gate g) {
    double t = g.angle();
    double c = Math.cos(t / 2);
    double s = Math.sin(t / 2);
    return switch (g.kind()) {
      case H -> new double[] {SQRT_HALF, 0, SQRT_HALF, 0, SQRT_HALF, 0, -SQRT_HALF, 0};
      case X -> new double[] {0, 0, 1, 0, 1, 0, 0, 0};
      case Y -> new double[] {0, 0, 0, -1, 0, 1, 0, 0};
      case Z -> new double[] {1, 0, 0, 0, 0, 0, -1, 0};
      case RX -> new double[] {c, 0, 0, -s, 0, -s, c, 0};
      case RY -> new double[] {c, 0, -s, 0, s, 0, c, 0};
      case RZ -> new double[] {c, -s, 0, 0, 0, 0, c, s};
      case PHASE -> new double[] {1, 0, 0, 0, 0, 0, Math.cos(t), Math.sin(t)};
      default -> throw new IllegalArgumentException("not a single-qubit gate: " + g);
    };
  }

  /** The product a·b of two 2x2 complex matrices (b applied first). */
  static double[] multiply(double[] a, double[] b) {
    double[] out = new double[8];
    for (int row = 0; row < 2; row++) {
      for (int col = 0; col < 2; col++) {
        double r = 0;
        double i = 0;
        for (int k = 0; k < 2; k++) {
          int x = 4 * row + 2 * k;
          int y = 4 * k + 2 * col;
          r += a[x] * b[y] - a[x + 1] * b[y + 1];
          i += a[x] * b[y + 1] + a[x + 1] * b[y];
        }
        out[4 * row + 2 * col] = r;
        out[4 * row + 2 * col + 1] = i;
      }
    }
    return out;
  }

  @Override
  public void apply(double[] re, double[] im) {
    for (int q = 0; q < matrices.length; q++) {
      if (matrices[q] != null) {
        applyOne(re, im, q, matrices[q]);
      }
    }
  }

  private static void applyOne(double[] re, double[] im, int q, double[] m) {
    boolean diagonal = m[2] == 0 && m[3] == 0 && m[4] == 0 && m[5] == 0;
    boolean real = m[1] == 0 && m[3] == 0 && m[5] == 0 && m[7] == 0;
    boolean rxShaped =
        m[1] == 0 && m[7] == 0 && m[0] == m[6] && m[2] == 0 && m[4] == 0 && m[3] == m[5];
    if (diagonal) {
      GateKernels.diagonal(re, im, q, m[0], m[1], m[6], m[7]);
    } else if (real) {
      GateKernels.real(re, im, q, m[0], m[2], m[4], m[6]);
    } else if (rxShaped) {
      GateKernels.rx(re, im, q, m[0], -m[3]);
    } else {
      GateKernels.unitary(re, im, q, m);
    }
  }

  @Override
  public int sweeps() {
    int count = 0;
    for (double[] m : matrices) {
      if (m != null) {
        count++;
      }
    }
    return count;
  }

  @Override
  public String describe() {
    List<Integer> qubits = new ArrayList<>();
    for (int q = 0; q < matrices.length; q++) {
      if (matrices[q] != null) {
        qubits.add(q);
      }
    }
    return "single-qubit layer on " + qubits;
  }
}
