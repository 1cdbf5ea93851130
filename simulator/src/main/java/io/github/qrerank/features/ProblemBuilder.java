package io.github.qrerank.features;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Problem} of a window as the contract's "The model" section defines it.
 *
 * <ul>
 *   <li>{@code ŝ_i}: the first-pass score min-max normalised over the window, 1 for every document
 *       when all scores are equal.
 *   <li>{@code x̂_{i,f}}: the values of numeric field f, a missing value ({@code NaN}) replaced by
 *       the field's minimum over the window, then min-max normalised the same way (1 for all when
 *       all values are equal). When no document of the window has a value, {@code x̂} is 0 for all.
 *   <li>{@code a_i = cos(userVector, e_i)} in double arithmetic; 0 without a user vector, without
 *       a document vector, or when either vector is all zeros.
 *   <li>{@code v_i = scoreWeight·ŝ_i + affinityWeight·a_i + Σ_f w_f·x̂_{i,f}}.
 *   <li>z_i and sim_ij: see {@link Compression} (documents whose vector is all zeros are treated as
 *       having none: no z, no redundancy).
 *   <li>eligibility: with a stock field, {@code stock ≥ minStock} (missing stock counts as 0);
 *       without one every document is eligible.
 *   <li>caps: the distinct non-null values of the field become groups in order of first appearance
 *       in the window; documents without a value are in no group.
 *   <li>quotas: members are the documents whose value equals the quota's value.
 * </ul>
 *
 * <p>The spec is assumed validated by the plugin (parameter names, field existence). This class
 * throws {@link IllegalArgumentException} for what it cannot build: a field the window did not
 * collect, or vectors of mismatched dimensions. Infinite scores and field values are clamped to the
 * window's finite extremes (a NaN score counts as the lowest), never an error: they come from the
 * index, not from the request.
 */
public final class ProblemBuilder {
  private ProblemBuilder() {}

  public static BuiltProblem build(WindowData window, ModelSpec spec) {
    long start = System.nanoTime();
    int n = window.size();
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = window.score(i);
    }
    double[] normScores = minMax(clampInfinities(scores, true));
    double[] affinities = affinities(window, spec.userVector());
    Map<String, double[]> normUtility = new LinkedHashMap<>();
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = spec.scoreWeight() * normScores[i] + spec.affinityWeight() * affinities[i];
    }
    for (Map.Entry<String, Double> e : spec.utilityWeights().entrySet()) {
      double[] x = normalizedField(e.getKey(), window.numeric(e.getKey()));
      normUtility.put(e.getKey(), x);
      for (int i = 0; i < n; i++) {
        v[i] += e.getValue() * x[i];
      }
    }
    boolean[] eligible = eligibility(window, spec);
    List<Cap> caps = new ArrayList<>();
    for (ModelSpec.CapSpec c : spec.caps()) {
      caps.add(cap(c.field(), c.max(), window.groups(c.field())));
    }
    List<Quota> quotas = new ArrayList<>();
    for (ModelSpec.QuotaSpec q : spec.quotas()) {
      String[] values = window.groups(q.field());
      boolean[] member = new boolean[n];
      for (int i = 0; i < n; i++) {
        member[i] = q.value().equals(values[i]);
      }
      quotas.add(new Quota(q.field(), q.value(), q.min(), member));
    }
    long featuresDone = System.nanoTime();

    float[][] vectors = new float[n][];
    for (int i = 0; i < n; i++) {
      vectors[i] = window.vector(i);
    }
    Compression compression = Compression.of(vectors, spec.dims());
    Problem problem =
        new Problem(v, compression.sim(), spec.lambda(), eligible, caps, quotas, spec.k());
    long done = System.nanoTime();
    return new WindowProblem(
        problem,
        normScores,
        affinities,
        normUtility,
        compression.z(),
        compression.components(),
        featuresDone - start,
        done - featuresDone);
  }

  /** Min-max normalisation; 1 for all when max = min. Values must be finite. */
  static double[] minMax(double[] x) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double a : x) {
      min = Math.min(min, a);
      max = Math.max(max, a);
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = max > min ? (x[i] - min) / (max - min) : 1;
    }
    return out;
  }

  /**
   * Replaces +/-Infinity by the largest/smallest finite value of {@code x} (a float field can hold
   * "Infinity", a function query can score it), so that one extreme value cannot turn the whole
   * window's normalisation into NaN; NaN (missing) becomes the smallest finite value when {@code
   * nanToMin}, else stays NaN. With no finite value at all, every entry becomes 0 (or NaN).
   */
  static double[] clampInfinities(double[] x, boolean nanToMin) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double a : x) {
      if (Double.isFinite(a)) {
        min = Math.min(min, a);
        max = Math.max(max, a);
      }
    }
    boolean none = min > max;
    double[] out = x.clone();
    for (int i = 0; i < out.length; i++) {
      double a = out[i];
      if (Double.isNaN(a)) {
        out[i] = nanToMin ? (none ? 0 : min) : Double.NaN;
      } else if (a == Double.POSITIVE_INFINITY) {
        out[i] = none ? 0 : max;
      } else if (a == Double.NEGATIVE_INFINITY) {
        out[i] = none ? 0 : min;
      }
    }
    return out;
  }

  private static double[] normalizedField(String field, double[] values) {
    double[] raw = clampInfinities(values, false);
    double min = Double.POSITIVE_INFINITY;
    for (double a : raw) {
      if (!Double.isNaN(a)) {
        min = Math.min(min, a);
      }
    }
    if (min == Double.POSITIVE_INFINITY) {
      return new double[raw.length];
    }
    double[] filled = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      filled[i] = Double.isNaN(raw[i]) ? min : raw[i];
    }
    return minMax(filled);
  }

  private static double[] affinities(WindowData window, float[] user) {
    int n = window.size();
    double[] a = new double[n];
    if (user == null || !window.hasVectors()) {
      return a;
    }
    double userNorm = 0;
    for (float u : user) {
      userNorm += (double) u * u;
    }
    userNorm = Math.sqrt(userNorm);
    for (int i = 0; i < n; i++) {
      float[] e = window.vector(i);
      if (e == null) {
        continue;
      }
      if (e.length != user.length) {
        throw new IllegalArgumentException(
            "userVector has dimension " + user.length + " but document " + window.id(i)
                + " has a vector of dimension " + e.length);
      }
      double dot = 0;
      double norm = 0;
      for (int j = 0; j < e.length; j++) {
        dot += (double) user[j] * e[j];
        norm += (double) e[j] * e[j];
      }
      if (userNorm > 0 && norm > 0) {
        a[i] = Math.max(-1, Math.min(1, dot / (userNorm * Math.sqrt(norm))));
      }
    }
    return a;
  }

  private static boolean[] eligibility(WindowData window, ModelSpec spec) {
    int n = window.size();
    boolean[] eligible = new boolean[n];
    if (spec.stockField() == null) {
      java.util.Arrays.fill(eligible, true);
      return eligible;
    }
    double[] stock = window.numeric(spec.stockField());
    for (int i = 0; i < n; i++) {
      double s = Double.isNaN(stock[i]) ? 0 : stock[i];
      eligible[i] = s >= spec.minStock();
    }
    return eligible;
  }

  private static Cap cap(String field, int max, String[] values) {
    Map<String, Integer> index = new LinkedHashMap<>();
    int[] groupOf = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      groupOf[i] = values[i] == null ? -1 : index.computeIfAbsent(values[i], x -> index.size());
    }
    return new Cap(field, max, groupOf, index.keySet().toArray(new String[0]));
  }
}
