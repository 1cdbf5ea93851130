package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.quantum.AngleSchedule;
import io.github.qrerank.quantum.Diagonal;
import io.github.qrerank.quantum.Hamiltonian;
import io.github.qrerank.quantum.QaoaSimulation;
import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.quantum.qasm.QaoaCircuit;
import java.util.Arrays;
import java.util.List;

/**
 * The QAOA circuit of a problem, prepared exactly as {@link QaoaSolver} prepares the one it
 * simulates, for sampling somewhere else (a remote quantum provider), and the repair of the samples
 * that come back into an answer.
 *
 * <ol>
 *   <li>{@link #prepare}: the same shortlist (the greedy answer reserved, then utility order), the
 *       same {@link Hamiltonian} and penalty weight, the same fixed angle schedule ({@link
 *       AngleSchedule#ramp} on the cost's spread over the Dicke subspace), hence the same gates.
 *       {@link #qasm()} is that circuit as OpenQASM 3 <em>without comment lines</em>: only gates,
 *       qubit numbers and angles, nothing that names a document or a field.
 *   <li>{@link #answer}: every distinct measured bit string (bit q = qubit q = the q-th shortlisted
 *       document) becomes a selection through {@link SampleRepair}, as in {@link QaoaSolver}; the
 *       best by (size, quota coverage, F) wins, ties to the lowest bit string. Bit strings outside
 *       the Dicke subspace (a noisy device) are repaired the same way. Probabilities in the
 *       diagnostics are the observed shares of the shots; there is no simulated state, so the
 *       expectation is NaN.
 * </ol>
 *
 * Selections are named {@value #NAME}. Not thread-safe; one per request.
 */
public final class QaoaCircuitJob {
  /** The solver name of an answer built from remote samples. */
  public static final String NAME = "remote";

  private final Problem problem;
  private final QuantumSettings settings;
  private final QaoaProgress progress;
  private final int[] shortlist;
  private final int[] pool;
  private final Hamiltonian hamiltonian;
  private final Selection greedy;
  private final String timedOutAt;
  private final String qasm;

  private QaoaCircuitJob(
      Problem problem,
      QuantumSettings settings,
      QaoaProgress progress,
      int[] shortlist,
      int[] pool,
      Hamiltonian hamiltonian,
      Selection greedy,
      String timedOutAt,
      String qasm) {
    this.problem = problem;
    this.settings = settings;
    this.progress = progress;
    this.shortlist = shortlist;
    this.pool = pool;
    this.hamiltonian = hamiltonian;
    this.greedy = greedy;
    this.timedOutAt = timedOutAt;
    this.qasm = qasm;
  }

  /**
   * Prepares the circuit within {@code budget}. When the budget runs out first, the job has no
   * circuit and {@link #timedOutAt()} names the stage.
   *
   * @throws IllegalArgumentException as {@link QaoaSolver#run} for {@code qubits} below k or too
   *     large a subspace
   * @throws IllegalStateException when the cost needs more than {@link Hamiltonian#MAX_Z_TERMS}
   *     Pauli terms (the circuit would be too long to send)
   */
  public static QaoaCircuitJob prepare(Problem problem, QuantumSettings settings, Budget budget) {
    QaoaSolver.Shortlisted prepared = QaoaSolver.shortlist(problem, settings);
    int[] shortlist = prepared.shortlist();
    int w = prepared.weight();
    QaoaProgress progress = prepared.progress();
    int[] pool = prepared.pool();
    Selection greedy = prepared.greedy();
    if (w == 0) {
      return new QaoaCircuitJob(
          problem, settings, progress, shortlist, pool, null, greedy, null, null);
    }
    int n = shortlist.length;
    Hamiltonian h = Hamiltonian.of(problem, shortlist, prepared.reference());
    progress.hamiltonian(h);
    if (budget.expired()) {
      return new QaoaCircuitJob(
          problem, settings, progress, shortlist, pool, h, greedy, "shortlist", null);
    }
    Diagonal cost = h.subspaceDiagonal(WeightSubspace.of(n, w));
    AngleSchedule.Angles angles =
        AngleSchedule.ramp(settings.layers(), QaoaSimulation.spreadOf(cost));
    progress.prepared(QaoaSimulation.spreadOf(cost), angles);
    if (budget.expired()) {
      return new QaoaCircuitJob(
          problem, settings, progress, shortlist, pool, h, greedy, "circuit", null);
    }
    String text =
        QaoaCircuit.toQasm(
            n, QaoaCircuit.qaoa(h.subspaceCost(), w, angles.gammas(), angles.betas()), List.of());
    return new QaoaCircuitJob(problem, settings, progress, shortlist, pool, h, greedy, null, text);
  }

  /** Whether there is a circuit to sample: false when nothing can be selected or time ran out. */
  public boolean hasCircuit() {
    return qasm != null;
  }

  /** The stage the preparation's budget ran out in ({@code shortlist}, {@code circuit}), or null. */
  public String timedOutAt() {
    return timedOutAt;
  }

  /** The OpenQASM 3 program to sample (gates only, no comments), or null without a circuit. */
  public String qasm() {
    return qasm;
  }

  /** The number of qubits measured: the shortlist's size. */
  public int numQubits() {
    return shortlist.length;
  }

  /** The shots to ask for. */
  public int shots() {
    return settings.shots();
  }

  /**
   * The answer when there is no circuit to sample because nothing can be selected (k = 0 or no
   * selectable document): the repaired empty selection.
   *
   * @throws IllegalStateException when there is a circuit, or the preparation timed out
   */
  public QaoaRun answerWithoutCircuit() {
    if (hamiltonian != null || timedOutAt != null) {
      throw new IllegalStateException("this job has a circuit to sample or timed out");
    }
    int[] none = new SampleRepair(problem, pool).repair(new int[0]);
    return progress.finish(
        new Selection(problem, none, true, problem.objective(none), NAME, 0), null, null);
  }

  /**
   * A run that ended without samples (the provider did not answer in time, failed, or the
   * preparation timed out): marked timed out at {@code stage}, its selection the greedy answer the
   * shortlist reserved. Callers answer with the exact solver instead and report why.
   */
  public QaoaRun withoutSamples(String stage) {
    return progress.timedOut(stage, greedy);
  }

  /**
   * Repairs {@code samples} (one measured bit string per shot, bit q = qubit q) within {@code
   * budget} and returns the run; when the budget runs out first the run is {@link
   * QaoaRun#timedOut() timed out} at {@code sampling}.
   *
   * @param windowOptimum the exact solver's answer on the whole window (reported beside the run;
   *     may be null)
   * @throws IllegalArgumentException when a sample does not fit the measured qubits
   * @throws IllegalStateException when there is no circuit
   */
  public QaoaRun answer(long[] samples, Budget budget, Selection windowOptimum) {
    if (qasm == null) {
      throw new IllegalStateException("no circuit was sampled");
    }
    int n = shortlist.length;
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    for (long s : sorted) {
      if (s < 0 || (n < 64 && s >>> n != 0)) {
        throw new IllegalArgumentException("sample " + s + " does not fit " + n + " qubits");
      }
    }
    SampleRepair repair = new SampleRepair(problem, pool);
    long bestBits = -1;
    int bestCount = 0;
    int[] bestDocs = null;
    int bestSize = 0;
    int bestCoverage = 0;
    double bestObjective = 0;
    int feasibleShots = 0;
    int distinct = 0;
    for (int i = 0; i < sorted.length; ) {
      long bits = sorted[i];
      int j = i;
      while (j < sorted.length && sorted[j] == bits) {
        j++;
      }
      if (hamiltonian.feasible(bits)) {
        feasibleShots += j - i;
      }
      int[] docs = repair.repair(hamiltonian.selection(bits));
      int cov = QaoaSolver.coverage(problem, docs);
      double f = problem.objective(docs);
      if (bestDocs == null
          || SearchState.compareKey(docs.length, cov, f, bestSize, bestCoverage, bestObjective)
              > 0) {
        bestBits = bits;
        bestCount = j - i;
        bestDocs = docs;
        bestSize = docs.length;
        bestCoverage = cov;
        bestObjective = f;
      }
      distinct++;
      i = j;
      if ((distinct & 63) == 0 && budget.expired()) {
        return progress.timedOut("sampling", selection(bestDocs));
      }
    }
    if (bestDocs == null) {
      return progress.timedOut("sampling", greedy);
    }
    int weight = hamiltonian.weight();
    progress.sampled(
        Long.bitCount(bestBits) == weight ? hamiltonian.energy(bestBits) : Double.NaN,
        bestCount / (double) sorted.length,
        feasibleShots / (double) sorted.length,
        distinct);
    Problem sub = problem.restrictTo(shortlist);
    Selection shortlistOptimum = new ExactSolver().solve(sub, budget);
    if (shortlistOptimum.provenOptimal() && shortlistOptimum.size() == weight) {
      long bits = hamiltonian.bitsOf(QaoaSolver.toWindow(shortlist, shortlistOptimum.indices()));
      if (hamiltonian.feasible(bits)) {
        progress.optimum(hamiltonian.energy(bits), share(sorted, bits));
      }
    }
    Boolean inside = null;
    if (windowOptimum != null
        && windowOptimum.provenOptimal()
        && shortlistOptimum.provenOptimal()) {
      inside =
          QaoaSolver.sameKey(
              problem,
              windowOptimum,
              QaoaSolver.toWindowSelection(problem, shortlist, shortlistOptimum));
    }
    progress.optimumInShortlist(inside);
    return progress.finish(selection(bestDocs), hamiltonian, windowOptimum);
  }

  private Selection selection(int[] docs) {
    return new Selection(problem, docs, false, Double.POSITIVE_INFINITY, NAME, 0);
  }

  /** The share of {@code sorted} equal to {@code bits}. */
  private static double share(long[] sorted, long bits) {
    int from = Arrays.binarySearch(sorted, bits);
    if (from < 0) {
      return 0;
    }
    int lo = from;
    while (lo > 0 && sorted[lo - 1] == bits) {
      lo--;
    }
    int hi = from;
    while (hi + 1 < sorted.length && sorted[hi + 1] == bits) {
      hi++;
    }
    return (hi - lo + 1) / (double) sorted.length;
  }
}
