package io.github.qrerank.bench;

import java.util.Arrays;

/**
 * Order statistics and mean of a sample of real values (ratios, probabilities), the counterpart of
 * {@link Latencies} for doubles. The median is nearest-rank, like the percentiles there: a value
 * that was measured, not an interpolation.
 */
final class Stats {
  private final double[] sorted;

  Stats(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    for (double v : values) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("NaN in the sample");
      }
    }
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  double min() {
    return sorted[0];
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  /** Nearest-rank median: the value at rank ceil(n/2). */
  double median() {
    return sorted[(sorted.length + 1) / 2 - 1];
  }

  double mean() {
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return sum / sorted.length;
  }

  /** How many values are at least {@code threshold}. */
  int atLeast(double threshold) {
    int c = 0;
    for (double v : sorted) {
      if (v >= threshold) {
        c++;
      }
    }
    return c;
  }
}
