package io.github.qrerank.solver;

import io.github.qrerank.model.ConstraintReport;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.BqmJson;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.qasm.QaoaCircuit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link QaoaSolver#run}: the selection, the diagnostics, whether the budget ran
 * out, and on request the exported problem and circuit (built when asked, not during the solve).
 */
public final class QaoaRun {
  private final Selection selection;
  private final QaoaDiagnostics diagnostics;
  private final String timedOutAt;
  private final Hamiltonian hamiltonian;
  private final Selection windowOptimum;

  QaoaRun(
      Selection selection,
      QaoaDiagnostics diagnostics,
      String timedOutAt,
      Hamiltonian hamiltonian,
      Selection windowOptimum) {
    this.selection = selection;
    this.diagnostics = diagnostics;
    this.timedOutAt = timedOutAt;
    this.hamiltonian = hamiltonian;
    this.windowOptimum = windowOptimum;
  }

  /**
   * The answer: the best repaired sample ({@value QaoaSolver#NAME}); after a timeout, the best
   * feasible selection available then (see {@link QaoaSolver#run}).
   */
  public Selection selection() {
    return selection;
  }

  public QaoaDiagnostics diagnostics() {
    return diagnostics;
  }

  /** True when the budget ran out before the samples were repaired. */
  public boolean timedOut() {
    return timedOutAt != null;
  }

  /** The stage the budget ran out in (shortlist, simulation, sampling), or null. */
  public String timedOutAt() {
    return timedOutAt;
  }

  /** The Hamiltonian solved (null when there was nothing to select). */
  public Hamiltonian hamiltonian() {
    return hamiltonian;
  }

  /**
   * The exact solver's answer on the whole window, computed after sampling with what was left of
   * the budget (null when the solve timed out before); {@link Selection#provenOptimal()} says
   * whether it is the optimum. Benchmarks and debug output compare against it.
   */
  public Selection windowOptimum() {
    return windowOptimum;
  }

  /**
   * The approximation ratio F(answer) / F(optimum) of {@link #selection()} against the proven
   * optimum of the whole window ({@link #windowOptimum()}); 1 when the answer is optimal. Null when
   * it is not known: the run timed out (its selection is then not a QAOA answer), the exact solver
   * could not prove the optimum within the budget, or F(optimum) ≤ 0 (a ratio would not order
   * answers). An answer with fewer documents or less quota coverage than the optimum is compared
   * all the same; {@link #foundOptimum()} is then false.
   */
  public Double approximationRatio() {
    if (timedOut() || windowOptimum == null || !windowOptimum.provenOptimal()) {
      return null;
    }
    double optimum = windowOptimum.objective();
    return optimum > 0 ? selection.objective() / optimum : null;
  }

  /**
   * Whether {@link #selection()} is an optimum of the whole window: as many documents, as much
   * quota coverage and the same F (up to rounding) as the proven {@link #windowOptimum()}. Null
   * when the run timed out or the optimum is not proven.
   */
  public Boolean foundOptimum() {
    if (timedOut() || windowOptimum == null || !windowOptimum.provenOptimal()) {
      return null;
    }
    double tol = 1e-9 * (1 + Math.abs(windowOptimum.objective()));
    return selection.size() == windowOptimum.size()
        && coverage(selection) == coverage(windowOptimum)
        && Math.abs(selection.objective() - windowOptimum.objective()) <= tol;
  }

  /** Σ over quotas of min(achieved, min), from the selection's constraint report. */
  private static int coverage(Selection s) {
    int cov = 0;
    for (ConstraintReport.QuotaUsage q : s.report().quotas()) {
      cov += Math.min(q.achieved(), q.min());
    }
    return cov;
  }

  /**
   * The QAOA circuit that was simulated, as OpenQASM 3 with {@code stdgates.inc} gates only (see
   * {@link QaoaCircuit}); comment lines give the shortlist, the angles and the penalty weight.
   *
   * @throws IllegalStateException when there is no circuit (nothing to select, or the solve stopped
   *     before its angles were set) or the cost has more terms than {@link Hamiltonian#MAX_Z_TERMS}
   */
  public String openQasm() {
    double[] gammas = diagnostics.gammas();
    if (hamiltonian == null || gammas.length != diagnostics.layers()) {
      throw new IllegalStateException(
          "no circuit: "
              + (hamiltonian == null
                  ? "nothing to select"
                  : "timed out before the angles were set"));
    }
    List<String> comments = new ArrayList<>();
    comments.add(
        String.format(
            Locale.ROOT,
            "qrerank QAOA: %d qubits, Dicke state of weight %d, %d layer(s), ring XY mixer",
            hamiltonian.numQubits(),
            hamiltonian.weight(),
            gammas.length));
    comments.add("qubit q is window document: " + join(diagnostics.shortlist()));
    comments.add("gammas: " + join(gammas) + "; betas: " + join(diagnostics.betas()));
    comments.add(
        "cost: -F + P*violations, P = "
            + hamiltonian.subspacePenalty()
            + "; constraints: "
            + hamiltonian.constraints().size());
    return QaoaCircuit.toQasm(
        hamiltonian.numQubits(),
        QaoaCircuit.qaoa(
            hamiltonian.subspaceCost(), hamiltonian.weight(), gammas, diagnostics.betas()),
        comments);
  }

  /**
   * The full-space QUBO (cardinality and slack penalties) in dimod's BQM JSON layout ({@link
   * BqmJson}).
   *
   * @throws IllegalStateException when there was nothing to select
   */
  public String bqmJson() {
    if (hamiltonian == null) {
      throw new IllegalStateException("no Hamiltonian: nothing to select");
    }
    return BqmJson.write(hamiltonian.fullSpace());
  }

  private static String join(int[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : " ").append(values[i]);
    }
    return sb.toString();
  }

  private static String join(double[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : " ").append(values[i]);
    }
    return sb.toString();
  }
}
