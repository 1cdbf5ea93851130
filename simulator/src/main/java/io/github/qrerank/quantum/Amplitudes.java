package io.github.qrerank.quantum;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Read-only passes over split re/im amplitude arrays shared by both engines. */
final class Amplitudes {
  /** Most shots one call may draw (the sorted uniforms are held in memory). */
  static final int MAX_SHOTS = 1 << 24;

  private Amplitudes() {}

  /** Sum of |a_x|^2, accumulated sequentially in index order. */
  static double norm2(double[] re, double[] im) {
    double sum = 0;
    for (int x = 0; x < re.length; x++) {
      sum += re[x] * re[x] + im[x] * im[x];
    }
    return sum;
  }

  /** Sum of |a_x|^2 d_x: the expectation of the diagonal observable when the state is normalised. */
  static double expectation(double[] re, double[] im, Diagonal diagonal) {
    checkSize(diagonal, re.length);
    double[] d = diagonal.values();
    double even = 0;
    double odd = 0;
    int x = 0;
    for (; x + 1 < re.length; x += 2) {
      even += (re[x] * re[x] + im[x] * im[x]) * d[x];
      odd += (re[x + 1] * re[x + 1] + im[x + 1] * im[x + 1]) * d[x + 1];
    }
    if (x < re.length) {
      even += (re[x] * re[x] + im[x] * im[x]) * d[x];
    }
    return even + odd;
  }

  static void checkSize(Diagonal diagonal, int size) {
    if (diagonal.size() != size) {
      throw new IllegalArgumentException(
          "diagonal has " + diagonal.size() + " entries but the state has " + size + " amplitudes");
    }
  }

  /**
   * Draws {@code shots} indices with probability |a_x|^2 / sum |a|^2 by inverse transform sampling,
   * without a cumulative array: the shots' uniforms are drawn first (in shot order, from
   * {@code rng}), sorted, and then matched against the running cumulative sum in one streaming pass
   * over the amplitudes. Cost O(size + shots log shots) time and O(shots) memory, so 26-qubit states
   * need no extra 512 MiB table. Result i is the outcome of the i-th uniform drawn; an outcome is the
   * smallest index whose cumulative probability exceeds the uniform, so zero-probability states are
   * never returned.
   */
  static int[] sample(double[] re, double[] im, int shots, SplittableRandom rng) {
    if (shots < 0 || shots > MAX_SHOTS) {
      throw new IllegalArgumentException("shots must be in [0, " + MAX_SHOTS + "]: " + shots);
    }
    if (rng == null) {
      throw new IllegalArgumentException("rng must not be null");
    }
    double total = norm2(re, im);
    if (!(total > 0) || !Double.isFinite(total)) {
      throw new IllegalStateException("cannot sample a state of squared norm " + total);
    }
    double[] uniforms = new double[shots];
    for (int s = 0; s < shots; s++) {
      uniforms[s] = rng.nextDouble() * total;
    }
    double[] sorted = uniforms.clone();
    Arrays.sort(sorted);
    int[] outcomeOfSorted = new int[shots];
    int x = 0;
    int lastNonZero = -1;
    double cumulative = 0;
    int size = re.length;
    for (int s = 0; s < shots; s++) {
      double u = sorted[s];
      while (x < size) {
        double p = re[x] * re[x] + im[x] * im[x];
        if (cumulative + p > u) {
          break;
        }
        cumulative += p;
        if (p > 0) {
          lastNonZero = x;
        }
        x++;
      }
      // Only reachable when rounding made u equal the total: take the last state with mass.
      outcomeOfSorted[s] = x < size ? x : lastNonZero;
    }
    int[] outcomes = new int[shots];
    for (int s = 0; s < shots; s++) {
      // Equal uniforms map to equal outcomes, so any position of an equal value is right.
      outcomes[s] = outcomeOfSorted[Arrays.binarySearch(sorted, uniforms[s])];
    }
    return outcomes;
  }
}
