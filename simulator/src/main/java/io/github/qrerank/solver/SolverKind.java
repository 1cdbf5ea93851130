package io.github.qrerank.solver;

import java.util.Locale;

/** The values of the {@code solver} parameter. */
public enum SolverKind {
  /** Exact within the budget; the exact solver's best incumbent (at least greedy's) past it. */
  AUTO,
  EXACT,
  GREEDY,
  /** {@link QaoaSolver} on the in-process simulator; the exact answer past the budget. */
  QAOA,
  /**
   * The QAOA circuit ({@link QaoaCircuitJob}) sampled by a remote quantum provider; the exact answer
   * when the provider does not answer in time or fails. Needs a provider, which the Solr plugin
   * configures: {@link Solvers#run} refuses it.
   */
  REMOTE;

  /** Parses a parameter value, case-insensitively; null when unknown. */
  public static SolverKind parse(String value) {
    for (SolverKind k : values()) {
      if (k.name().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    return null;
  }

  public String paramValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
