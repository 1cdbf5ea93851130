package io.github.qrerank.bench;

import io.github.qrerank.model.Problem;
import io.github.qrerank.testing.RandomProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's instances: the simulator's seeded {@link RandomProblems#random} windows with a
 * brand cap, out-of-stock documents and, on every other seed, quotas. Instance i of a set has seed
 * {@code firstSeed + i}, so a set is reproducible and CP-SAT sees exactly what the exact solver
 * saw.
 */
final class Instances {
  static final double INELIGIBLE_SHARE = 0.10;
  static final int BRANDS = 20;
  static final int BRAND_CAP = 2;

  private Instances() {}

  static InstanceSet generate(String name, int n, int k, long firstSeed, int count) {
    List<Problem> problems = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long seed = firstSeed + i;
      problems.add(
          RandomProblems.random(seed, n, k, INELIGIBLE_SHARE, BRANDS, BRAND_CAP, seed % 2 == 1));
    }
    return new InstanceSet(name, n, k, firstSeed, problems);
  }

  /** One sentence for the report. */
  static String describe() {
    return String.format(
        Locale.ROOT,
        "`RandomProblems.random(seed, n, k, %.2f, %d, %d, quotas = seed is odd)`: utilities in [0,"
            + " 3] from a decaying first-pass score, a user affinity and a noisy field; sim ="
            + " max(0, cos) of %d-dimensional embeddings clustered around ~sqrt(n) centres and"
            + " centred over the window; lambda = %.1f; %.0f%% of documents out of stock"
            + " (ineligible); %d Zipf-distributed brands capped at %d per brand (about 10%% of"
            + " documents have no brand); on odd seeds two quotas (the second brand, colour red;"
            + " minimum 1 or 2 each).",
        INELIGIBLE_SHARE,
        BRANDS,
        BRAND_CAP,
        RandomProblems.DIM,
        RandomProblems.LAMBDA,
        INELIGIBLE_SHARE * 100,
        BRANDS,
        BRAND_CAP);
  }
}
