package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;

/** Runs the solver a request asks for under its time budget, with the documented fallbacks. */
public final class Solvers {
  /** The fallback reason when the budget ran out before the asked solver finished. */
  public static final String TIMEOUT = "timeout";

  /**
   * The fallback reason when QAOA's best repaired sample has fewer documents or less quota coverage
   * than the exact solver's answer (the repair could not meet a quota the window can meet).
   */
  public static final String INCOMPLETE = "qaoa-incomplete";

  private Solvers() {}

  /**
   * Solves {@code problem} with {@code kind} within {@code timeoutMs}; {@link SolverKind#QAOA} runs
   * with {@link QuantumSettings#DEFAULTS}. See {@link #run(Problem, SolverKind, long,
   * QuantumSettings)}.
   */
  public static SolveReport run(Problem problem, SolverKind kind, long timeoutMs) {
    return run(problem, kind, timeoutMs, QuantumSettings.DEFAULTS);
  }

  /**
   * Solves {@code problem} with {@code kind} within {@code timeoutMs}. Never throws on a valid
   * problem and valid settings; the selection always respects the hard constraints.
   *
   * <ul>
   *   <li>{@link SolverKind#EXACT} and {@link SolverKind#AUTO}: {@link ExactSolver} with the
   *       budget; when it could not prove optimality the fallback reason is {@value #TIMEOUT} and
   *       the selection names the solver whose answer it is.
   *   <li>{@link SolverKind#GREEDY}: {@link GreedySwapSolver}, whose local search stops at the
   *       budget (no fallback reason: greedy never claims optimality).
   *   <li>{@link SolverKind#QAOA}: {@link QaoaSolver} with {@code quantum} and the budget; the
   *       report carries its {@link QaoaRun}. When the budget runs out before its samples are
   *       repaired, the answer is the {@link ExactSolver}'s, run with a budget of its own of {@code
   *       timeoutMs} (it usually proves the window in well under a millisecond at N = 100; past
   *       that budget it answers with its incumbent, at least the greedy answer), with fallback
   *       reason {@value #TIMEOUT}: the worst case is about twice {@code timeoutMs}. When QAOA's
   *       answer has fewer documents or less quota coverage than the exact solver's, the exact
   *       answer is returned with reason {@value #INCOMPLETE}.
   * </ul>
   *
   * @param timeoutMs the budget in milliseconds, >= 0
   * @param quantum the QAOA settings (used only by {@link SolverKind#QAOA})
   * @throws IllegalArgumentException for a negative timeout or settings QAOA cannot run with (see
   *     {@link QaoaSolver#run})
   */
  public static SolveReport run(
      Problem problem, SolverKind kind, long timeoutMs, QuantumSettings quantum) {
    return run(problem, kind, timeoutMs, quantum, null);
  }

  /**
   * Solves {@code problem} as {@link #run(Problem, SolverKind, long, QuantumSettings)} does, then,
   * when {@code compareWith} is {@link SolverKind#QAOA} and {@code kind} is not, also runs the
   * {@link QaoaSolver} with {@code quantum} and a budget of its own of {@code timeoutMs}, and
   * attaches that run to the report ({@link SolveReport#quantumCompared()}) without changing the
   * selection: the answer stays the asked solver's. The comparison runs after the answer and never
   * falls back (past its budget its run is marked {@link QaoaRun#timedOut()}), so the worst case
   * is about twice {@code timeoutMs}. With {@code compareWith} null or equal to {@code kind}
   * nothing more runs.
   *
   * @param compareWith null or {@link SolverKind#QAOA}, the solver to report beside the answer
   * @throws IllegalArgumentException as {@link #run(Problem, SolverKind, long, QuantumSettings)},
   *     and for a {@code compareWith} other than null or QAOA
   */
  public static SolveReport run(
      Problem problem,
      SolverKind kind,
      long timeoutMs,
      QuantumSettings quantum,
      SolverKind compareWith) {
    if (compareWith != null && compareWith != SolverKind.QAOA) {
      throw new IllegalArgumentException("only qaoa can be compared with: " + compareWith);
    }
    SolveReport answer = solve(problem, kind, timeoutMs, quantum);
    if (compareWith == null || compareWith == kind) {
      return answer;
    }
    long start = System.nanoTime();
    QaoaRun comparison = new QaoaSolver(quantum).run(problem, Budget.ofMillis(timeoutMs));
    return new SolveReport(
        kind,
        answer.selection(),
        answer.fallbackReason(),
        answer.solveNanos(),
        comparison,
        System.nanoTime() - start);
  }

  private static SolveReport solve(
      Problem problem, SolverKind kind, long timeoutMs, QuantumSettings quantum) {
    if (timeoutMs < 0) {
      throw new IllegalArgumentException("timeoutMs must be >= 0: " + timeoutMs);
    }
    if (quantum == null) {
      throw new IllegalArgumentException("quantum settings must not be null");
    }
    long start = System.nanoTime();
    Budget budget = Budget.ofMillis(timeoutMs);
    Selection selection;
    String fallback = null;
    QaoaRun run = null;
    switch (kind) {
      case AUTO, EXACT -> {
        selection = new ExactSolver().solve(problem, budget);
        if (!selection.provenOptimal()) {
          fallback = TIMEOUT;
        }
      }
      case GREEDY -> selection = new GreedySwapSolver().solve(problem, budget);
      case QAOA -> {
        run = new QaoaSolver(quantum).run(problem, budget);
        selection = run.selection();
        if (run.timedOut()) {
          selection = new ExactSolver().solve(problem, Budget.ofMillis(timeoutMs));
          fallback = TIMEOUT;
        } else if (run.windowOptimum() != null
            && lessComplete(problem, selection, run.windowOptimum())) {
          selection = run.windowOptimum();
          fallback = INCOMPLETE;
        }
      }
      case REMOTE ->
          throw new IllegalArgumentException(
              "solver remote needs a quantum provider: the Solr plugin runs it, Solvers cannot");
      default -> throw new IllegalArgumentException("unsupported solver: " + kind);
    }
    return new SolveReport(kind, selection, fallback, System.nanoTime() - start, run, 0);
  }

  /**
   * True when {@code a} has fewer documents than {@code b}, or as many and less quota coverage
   * (Σ over quotas of min(members selected, min)): the test that sends a quantum answer back to the
   * exact one with reason {@value #INCOMPLETE}.
   */
  public static boolean lessComplete(Problem problem, Selection a, Selection b) {
    if (a.size() != b.size()) {
      return a.size() < b.size();
    }
    return QaoaSolver.coverage(problem, a.indices()) < QaoaSolver.coverage(problem, b.indices());
  }
}
