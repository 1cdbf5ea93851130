package io.github.qrerank.it.demo.catalog;

import java.util.SplittableRandom;

/** Draws indices 0..n-1 with fixed probabilities, e.g. Zipf's law or a given list of weights. */
final class Discrete {

  private final double[] cumulative;

  /** Probabilities proportional to {@code weights} (finite, >= 0, not all 0). */
  Discrete(double... weights) {
    if (weights.length < 1) {
      throw new IllegalArgumentException("weights must not be empty");
    }
    cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("weight " + i + " must be finite and >= 0");
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights must not all be 0");
    }
    for (int i = 0; i < weights.length; i++) {
      cumulative[i] /= sum;
    }
  }

  /** Ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent. */
  static Discrete zipf(int n, double exponent) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    if (!(exponent >= 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException("exponent must be finite and >= 0, got " + exponent);
    }
    double[] weights = new double[n];
    for (int r = 0; r < n; r++) {
      weights[r] = 1.0 / Math.pow(r + 1, exponent);
    }
    return new Discrete(weights);
  }

  /** The smallest index whose cumulative probability exceeds a uniform draw. */
  int sample(SplittableRandom random) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
