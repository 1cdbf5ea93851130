package io.github.qrerank.features;

/**
 * Builds the {@link io.github.qrerank.model.Problem} of a window as the contract defines it:
 * min-max normalisation, affinity, utility, PCA compression (EJML SVD), redundancy, eligibility,
 * caps and quotas.
 */
public final class ProblemBuilder {
  private ProblemBuilder() {}

  public static BuiltProblem build(WindowData window, ModelSpec spec) {
    throw new UnsupportedOperationException("TODO");
  }
}
