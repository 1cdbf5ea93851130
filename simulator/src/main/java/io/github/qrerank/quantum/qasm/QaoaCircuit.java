package io.github.qrerank.quantum.qasm;

import io.github.qrerank.quantum.ZPolynomial;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraint-preserving QAOA circuit as gates of {@code stdgates.inc}, the circuit a gate-based
 * device (or Qiskit) runs for what the subspace engine simulates:
 *
 * <ol>
 *   <li>the Dicke state |D(n,w)> by Bärtschi and Eidenbenz's split-and-cyclic-shift construction
 *       ({@link #dicke});
 *   <li>p layers, each the cost phase {@code exp(−iγ_l H)} ({@link #costLayer}) followed by the
 *       ring XY mixer {@code Π_{ring pairs} exp(+iβ_l (XX+YY)/2)} ({@link #ringMixer}), i.e. {@code
 *       xy(−2β_l)} in {@link io.github.qrerank.quantum.StateVector#xy}'s convention, pairs (0,1),
 *       (1,2), ..., (n−1,0) in that order as in {@link io.github.qrerank.quantum.XYMixer#ring};
 *   <li>measurement of every qubit.
 * </ol>
 *
 * Global phases (the constant of H) are dropped; everything else matches the engines exactly.
 */
public final class QaoaCircuit {
  private QaoaCircuit() {}

  /**
   * Gates preparing |D(n,k)> (uniform over the states with k qubits set) from |0...0>: x on qubits
   * n−k .. n−1, then the split-and-cyclic-shift unitaries SCS(m, k) for m = n down to k+1 and
   * SCS(m, m−1) for m = k down to 2 (Bärtschi and Eidenbenz, "Deterministic preparation of Dicke
   * states", 2019). SCS(m, l) acts on qubits m−l−1 .. m−1: a two-qubit block (cx, cry(2
   * acos√(1/m)), cx) on (m−2, m−1), then for j = 2..l a three-qubit block (cx, doubly controlled
   * ry(2 acos√(j/m)), cx) on (m−1−j, m−j, m−1). Doubly controlled ry is written with cry and cx
   * ({@link #ccry}). Gate count O(nk).
   */
  public static List<Gate> dicke(int n, int k) {
    if (n < 1 || k < 0 || k > n) {
      throw new IllegalArgumentException("need 0 <= k <= n, n >= 1: n=" + n + " k=" + k);
    }
    List<Gate> g = new ArrayList<>();
    for (int q = n - k; q < n; q++) {
      g.add(Gate.x(q));
    }
    if (k == 0 || k == n) {
      return g;
    }
    for (int m = n; m > k; m--) {
      splitAndCyclicShift(g, m, k);
    }
    for (int m = k; m >= 2; m--) {
      splitAndCyclicShift(g, m, m - 1);
    }
    return g;
  }

  private static void splitAndCyclicShift(List<Gate> g, int m, int l) {
    int last = m - 1;
    g.add(Gate.cx(last - 1, last));
    g.add(Gate.cry(last, last - 1, 2 * Math.acos(Math.sqrt(1.0 / m))));
    g.add(Gate.cx(last - 1, last));
    for (int j = 2; j <= l; j++) {
      int target = last - j;
      g.add(Gate.cx(target, last));
      ccry(g, last, target + 1, target, 2 * Math.acos(Math.sqrt((double) j / m)));
      g.add(Gate.cx(target, last));
    }
  }

  /**
   * ry(θ) on {@code target} when both controls are 1: cry(θ/2) from b, cx(a, b), cry(−θ/2) from b,
   * cx(a, b), cry(θ/2) from a. With a = b = 1 the rotations add to θ; with exactly one control set
   * they cancel; b is restored.
   */
  static void ccry(List<Gate> g, int a, int b, int target, double theta) {
    g.add(Gate.cry(b, target, theta / 2));
    g.add(Gate.cx(a, b));
    g.add(Gate.cry(b, target, -theta / 2));
    g.add(Gate.cx(a, b));
    g.add(Gate.cry(a, target, theta / 2));
  }

  /**
   * exp(−iγ H) up to the global phase of H's constant: for each term c·Z_T a parity ladder of cx
   * into T's highest qubit, rz(2γc) there, and the ladder undone (for |T| = 2 this is rzz as
   * cx·rz·cx). Terms in the polynomial's order; they commute.
   */
  public static List<Gate> costLayer(ZPolynomial cost, double gamma) {
    List<Gate> g = new ArrayList<>();
    for (int t = 0; t < cost.termCount(); t++) {
      long mask = cost.mask(t);
      if (mask == 0) {
        continue;
      }
      int[] qs = new int[Long.bitCount(mask)];
      int i = 0;
      for (long rest = mask; rest != 0; rest &= rest - 1) {
        qs[i++] = Long.numberOfTrailingZeros(rest);
      }
      for (int a = 0; a + 1 < qs.length; a++) {
        g.add(Gate.cx(qs[a], qs[a + 1]));
      }
      g.add(Gate.rz(qs[qs.length - 1], 2 * gamma * cost.coefficient(t)));
      for (int a = qs.length - 2; a >= 0; a--) {
        g.add(Gate.cx(qs[a], qs[a + 1]));
      }
    }
    return g;
  }

  /**
   * The XY rotation xy(θ) = exp(−iθ(XX+YY)/4) on (a, b) with two cx: conjugating by rx(π/2) on both
   * qubits turns YY into ZZ, and cx(a, b) turns XX + ZZ into X_a + Z_b, so xy(θ) = rx(π/2)⊗rx(π/2),
   * cx(a, b), rx(θ/2) on a and rz(θ/2) on b, cx(a, b), rx(−π/2)⊗rx(−π/2) (in time order).
   */
  public static List<Gate> xy(int a, int b, double theta) {
    double half = Math.PI / 2;
    return List.of(
        Gate.rx(a, half),
        Gate.rx(b, half),
        Gate.cx(a, b),
        Gate.rx(a, theta / 2),
        Gate.rz(b, theta / 2),
        Gate.cx(a, b),
        Gate.rx(a, -half),
        Gate.rx(b, -half));
  }

  /** One ring mixer layer with angle β: xy(−2β) on (0,1), (1,2), ..., (n−2,n−1), then (n−1,0). */
  public static List<Gate> ringMixer(int n, double beta) {
    List<Gate> g = new ArrayList<>();
    for (int i = 0; i + 1 < n; i++) {
      g.addAll(xy(i, i + 1, -2 * beta));
    }
    if (n > 2) {
      g.addAll(xy(n - 1, 0, -2 * beta));
    }
    return g;
  }

  /** The whole circuit without measurement: Dicke state of weight {@code weight}, then p layers. */
  public static List<Gate> qaoa(ZPolynomial cost, int weight, double[] gammas, double[] betas) {
    if (gammas.length != betas.length) {
      throw new IllegalArgumentException(
          "one beta per gamma: " + gammas.length + " gammas, " + betas.length + " betas");
    }
    int n = cost.numQubits();
    List<Gate> g = new ArrayList<>(dicke(n, weight));
    for (int l = 0; l < gammas.length; l++) {
      g.addAll(costLayer(cost, gammas[l]));
      g.addAll(ringMixer(n, betas[l]));
    }
    return g;
  }

  /**
   * OpenQASM 3 text: the header, {@code comments} as {@code //} lines, {@code qubit[n] q; bit[n]
   * c;}, one gate per line, and {@code c = measure q;} (bit i of the result is qubit i).
   */
  public static String toQasm(int numQubits, List<Gate> gates, List<String> comments) {
    StringBuilder sb = new StringBuilder(64 + gates.size() * 24);
    sb.append("OPENQASM 3.0;\n");
    sb.append("include \"stdgates.inc\";\n");
    for (String c : comments) {
      for (String line : c.split("\n", -1)) {
        sb.append("// ").append(line).append('\n');
      }
    }
    sb.append("qubit[").append(numQubits).append("] q;\n");
    sb.append("bit[").append(numQubits).append("] c;\n");
    for (Gate gate : gates) {
      for (int q : gate.qubits()) {
        if (q >= numQubits) {
          throw new IllegalArgumentException(
              "gate " + gate.name() + " uses qubit " + q + " of " + numQubits);
        }
      }
      sb.append(gate.toQasm()).append('\n');
    }
    sb.append("c = measure q;\n");
    return sb.toString();
  }
}
