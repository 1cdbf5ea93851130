package io.github.qrerank.bench;

import io.github.qrerank.model.Problem;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.QaoaSolver;
import io.github.qrerank.solver.QuantumSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 7: the Hamiltonian's penalty weights against the defaults of Qiskit Optimization and
 * dimod on the same instances, and exhaustive searches ({@link PenaltySearch}) at small shortlist
 * sizes. Each Hamiltonian is the one {@link QaoaSolver} builds at that {@code qubits} (its
 * shortlist and the greedy reference that sets the weights), taken from a run with one shot and no
 * layer.
 */
final class PenaltyBench {
  /** The QAOA solver's default shortlist size, where only the weights are compared. */
  static final int SOLVER_QUBITS = QaoaQualityBench.QUBITS;

  /** Weights of one instance at one shortlist size. */
  record Weights(double sub, double full, double qiskit, double dimod, boolean referenceFeasible) {}

  /** One shortlist size: every instance's weights and, when searched, both exhaustive outcomes. */
  record Size(
      int qubits,
      List<Weights> weights,
      List<PenaltySearch.Outcome> subspace,
      List<PenaltySearch.Outcome> fullSpace,
      int[] quboVariables) {

    boolean searched() {
      return !subspace.isEmpty();
    }
  }

  private PenaltyBench() {}

  static List<Size> run(InstanceSet set, List<Integer> searchedQubits) {
    List<Size> sizes = new ArrayList<>();
    for (int n : searchedQubits) {
      BenchMain.progress("penalty: exhaustive search at n=" + n);
      sizes.add(size(set, n, true));
    }
    BenchMain.progress("penalty: weights at n=" + SOLVER_QUBITS);
    sizes.add(size(set, SOLVER_QUBITS, false));
    return sizes;
  }

  private static Size size(InstanceSet set, int qubits, boolean search) {
    List<Weights> weights = new ArrayList<>();
    List<PenaltySearch.Outcome> sub = new ArrayList<>();
    List<PenaltySearch.Outcome> full = new ArrayList<>();
    int[] variables = new int[search ? set.size() : 0];
    QaoaSolver solver = new QaoaSolver(new QuantumSettings(QaoaQualityBench.SEED, 1, 0, qubits));
    for (int i = 0; i < set.size(); i++) {
      Hamiltonian h = hamiltonian(solver, set.problems().get(i));
      weights.add(
          new Weights(
              h.subspacePenalty(),
              h.fullSpacePenalty(),
              h.qiskitDefaultPenalty(),
              h.dimodDefaultPenalty(),
              h.referenceFeasible()));
      if (search) {
        sub.add(PenaltySearch.subspace(h));
        full.add(PenaltySearch.fullSpace(h));
        variables[i] = h.fullSpace().size();
      }
    }
    return new Size(qubits, weights, sub, full, variables);
  }

  static Hamiltonian hamiltonian(QaoaSolver solver, Problem p) {
    Hamiltonian h = solver.run(p, Budget.unlimited()).hamiltonian();
    if (h == null) {
      throw new IllegalStateException("the instance has nothing to select");
    }
    return h;
  }
}
