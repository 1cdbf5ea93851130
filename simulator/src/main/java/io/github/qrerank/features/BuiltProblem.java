package io.github.qrerank.features;

import io.github.qrerank.model.Problem;

/**
 * A {@link Problem} together with the intermediate values it was built from, so that the debug
 * output can show them and anyone can recompute F(S): normalised score, affinity, normalised
 * utility fields, the compressed embeddings z_i, and how long each stage took.
 */
public interface BuiltProblem {

  Problem problem();

  /** ŝ_i: first-pass score min-max normalised over the window. */
  double[] normalizedScores();

  /** a_i: cosine(userVector, e_i), 0 without a user vector or a document vector. */
  double[] affinities();

  /** x̂_{i,f} for utility field f (missing values already replaced by the window minimum). */
  double[] normalizedUtility(String field);

  /** z_i, or null for a document without a (non-zero) vector. */
  double[] compressed(int i);

  /** How many principal components were kept (min of dims and the rank). */
  int componentsKept();

  /** Time spent normalising and computing utilities, in nanoseconds. */
  long featureNanos();

  /** Time spent on PCA and the redundancy matrix, in nanoseconds. */
  long compressionNanos();
}
