package io.github.qrerank.solr.handler.component;

import io.github.qrerank.features.WindowData;
import io.github.qrerank.model.Selection;
import io.github.qrerank.solr.search.QRerankOutcome;
import io.github.qrerank.solr.search.QRerankParams;
import io.github.qrerank.solver.QaoaCircuitJob;
import io.github.qrerank.solver.QaoaDiagnostics;
import io.github.qrerank.solver.QaoaRun;
import io.github.qrerank.solver.QaoaSolver;
import io.github.qrerank.solver.SolveReport;
import io.github.qrerank.solver.SolverKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.util.SimpleOrderedMap;

/**
 * The {@code quantum} part of the debug section, present whenever the QAOA solver ran: as the
 * solver ({@code role: answer}, also when the answer fell back to the exact solver) or beside a
 * classical answer ({@code compare=qaoa}, {@code role: comparison}).
 *
 * <p>It holds the settings ({@code qubitsRequested}; {@code qubits}, the shortlist actually put on
 * qubits, fewer when the window has fewer selectable documents; {@code weight}, the qubits set in
 * every state, min(k, qubits); {@code layers}, {@code shots}, {@code seed}), the angles, the
 * shortlist's document ids and whether an optimum of the whole window lies inside it, the energies
 * and probabilities of the final state (its expectation, the best sample's energy and probability,
 * the shortlist optimum's energy and probability), QAOA's own selection and F, the window's exact
 * optimum F*, the approximation ratio F / F* and whether QAOA found the optimum, and the simulation
 * and sampling times. Energies are those of the subspace Hamiltonian, −F plus penalties. A value
 * the run did not reach (timed out) or could not know (optimum not proven) is null. The OpenQASM 3
 * text of the simulated circuit is built here, only when {@code qasm=true}.
 *
 * <p>With {@code solver=remote} the section is there when the provider's samples were repaired:
 * the circuit is the same, but there is no simulated state, so {@code expectation} is null and the
 * probabilities are the observed shares of the shots; the timings are {@code circuit} (preparing
 * it) and {@code samples} (waiting for the samples and repairing them) instead of {@code
 * simulation} and {@code sampling}.
 */
final class QuantumSection {
  private QuantumSection() {}

  /** The section of {@code o}, or null when QAOA did not run. */
  static SimpleOrderedMap<Object> of(QRerankOutcome o) {
    SolveReport report = o.report();
    QaoaRun run = report == null ? null : report.quantum();
    if (run == null) {
      return null;
    }
    QRerankParams p = o.params();
    QaoaDiagnostics d = run.diagnostics();
    WindowData window = o.window();
    SimpleOrderedMap<Object> out = new SimpleOrderedMap<>();
    out.add("role", report.quantumCompared() ? "comparison" : "answer");
    out.add("timedOut", run.timedOut());
    out.add("timedOutAt", run.timedOutAt());
    out.add("qubitsRequested", p.qubits());
    out.add("qubits", d.qubits());
    out.add("weight", d.weight());
    out.add("layers", d.layers());
    out.add("shots", d.shots());
    out.add("seed", d.seed());
    out.add("gammas", list(d.gammas()));
    out.add("betas", list(d.betas()));
    out.add("penaltyWeight", finite(d.penaltyWeight()));
    out.add("expectation", finite(d.expectation()));
    out.add("bestSampleEnergy", finite(d.bestSampleEnergy()));
    out.add("bestSampleProbability", finite(d.bestSampleProbability()));
    out.add("groundEnergy", d.groundEnergy());
    out.add("optimumProbability", d.optimumProbability());
    out.add("feasibleSampleShare", finite(d.feasibleSampleShare()));
    out.add("distinctSamples", d.distinctSamples());
    out.add("shortlist", ids(window, d.shortlist()));
    out.add("optimumInShortlist", d.optimumInShortlist());
    Selection own = run.selection();
    boolean answered =
        QaoaSolver.NAME.equals(own.solver()) || QaoaCircuitJob.NAME.equals(own.solver());
    out.add("selected", answered ? ids(window, own.indices()) : null);
    out.add("objective", answered ? own.objective() : null);
    Selection optimum = run.windowOptimum();
    out.add(
        "exactOptimum", optimum != null && optimum.provenOptimal() ? optimum.objective() : null);
    out.add("approximationRatio", run.approximationRatio());
    out.add("foundOptimum", run.foundOptimum());
    SimpleOrderedMap<Object> timings = new SimpleOrderedMap<>();
    boolean remote = report.requested() == SolverKind.REMOTE;
    timings.add(remote ? "circuit" : "simulation", d.simulationNanos() / 1e6);
    timings.add(remote ? "samples" : "sampling", d.samplingNanos() / 1e6);
    if (report.quantumCompared()) {
      timings.add("total", report.compareNanos() / 1e6);
    }
    out.add("timingsMs", timings);
    if (p.qasm()) {
      addQasm(out, run);
    }
    return out;
  }

  /** The circuit text, or null with the reason when there is no circuit to write. */
  private static void addQasm(SimpleOrderedMap<Object> out, QaoaRun run) {
    try {
      out.add("qasm", run.openQasm());
    } catch (IllegalStateException e) {
      out.add("qasm", null);
      out.add("qasmUnavailable", e.getMessage());
    }
  }

  private static List<String> ids(WindowData window, int[] indices) {
    List<String> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      out.add(window.id(i));
    }
    return out;
  }

  private static List<Double> list(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double x : values) {
      out.add(x);
    }
    return out;
  }

  private static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
