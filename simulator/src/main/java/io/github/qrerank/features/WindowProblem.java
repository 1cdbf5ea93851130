package io.github.qrerank.features;

import io.github.qrerank.model.Problem;
import java.util.Map;

/** The {@link BuiltProblem} produced by {@link ProblemBuilder}; immutable, arrays copied out. */
public final class WindowProblem implements BuiltProblem {
  private final Problem problem;
  private final double[] normalizedScores;
  private final double[] affinities;
  private final Map<String, double[]> normalizedUtility;
  private final double[][] compressed;
  private final int componentsKept;
  private final long featureNanos;
  private final long compressionNanos;

  WindowProblem(
      Problem problem,
      double[] normalizedScores,
      double[] affinities,
      Map<String, double[]> normalizedUtility,
      double[][] compressed,
      int componentsKept,
      long featureNanos,
      long compressionNanos) {
    this.problem = problem;
    this.normalizedScores = normalizedScores;
    this.affinities = affinities;
    this.normalizedUtility = Map.copyOf(normalizedUtility);
    this.compressed = compressed;
    this.componentsKept = componentsKept;
    this.featureNanos = featureNanos;
    this.compressionNanos = compressionNanos;
  }

  @Override
  public Problem problem() {
    return problem;
  }

  @Override
  public double[] normalizedScores() {
    return normalizedScores.clone();
  }

  @Override
  public double[] affinities() {
    return affinities.clone();
  }

  /** @throws IllegalArgumentException when {@code field} is not one of the utility fields */
  @Override
  public double[] normalizedUtility(String field) {
    double[] x = normalizedUtility.get(field);
    if (x == null) {
      throw new IllegalArgumentException("not a utility field: " + field);
    }
    return x.clone();
  }

  /**
   * z_i (of length {@link #componentsKept()}), or null when document i has no vector or an
   * all-zero one. A document whose centred vector is zero (for example the only one with a
   * vector) has a z of zeros, and no redundancy.
   */
  @Override
  public double[] compressed(int i) {
    return compressed[i] == null ? null : compressed[i].clone();
  }

  @Override
  public int componentsKept() {
    return componentsKept;
  }

  @Override
  public long featureNanos() {
    return featureNanos;
  }

  @Override
  public long compressionNanos() {
    return compressionNanos;
  }
}
