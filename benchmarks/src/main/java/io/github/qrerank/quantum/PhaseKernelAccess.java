package io.github.qrerank.quantum;

import java.util.concurrent.ForkJoinPool;

/**
 * The benchmarks' handle on the simulator's package-private cost-phase kernel ({@link
 * PhaseKernel}) and on its way of splitting a pass over threads ({@link ParallelRanges}): it lives
 * in the simulator's package, in the benchmarks module, so that section 5 can time each of the
 * kernel's passes on one thread and on several, and split its references the same way, without
 * widening the simulator's public API. {@link StateVector#applyDiagonalPhase} is what the engine itself runs:
 * {@link #fastestName()} with {@link #defaultParts(int)} ranges.
 */
public final class PhaseKernelAccess {
  /** A loop over the index range [from, to). */
  public interface Range {
    void run(int from, int to);
  }

  private PhaseKernelAccess() {}

  /**
   * Runs {@code range} over [0, size) cut into {@code parts} contiguous pieces, one per thread, as
   * the engine splits a phase pass (the same bounds and the same use of the common ForkJoinPool).
   */
  public static void inParts(int size, int parts, Range range) {
    ParallelRanges.run(size, parts, ScalarPhasePass.CHUNK, range::run);
  }

  /** {@code "vector"} when this JVM runs the Vector API pass, else {@code "scalar"}. */
  public static String fastestName() {
    return PhaseKernel.fastest().name();
  }

  /** How many ranges (threads) the engine splits a pass over {@code size} amplitudes into. */
  public static int defaultParts(int size) {
    return PhaseKernel.parts(size, ForkJoinPool.getCommonPoolParallelism() + 1);
  }

  /**
   * One pass of the kernel over {@code re, im} (the length of {@code d}) split into {@code parts}
   * ranges, with the engine's pass ({@code scalar = false}) or the scalar fallback.
   */
  public static void apply(double[] re, double[] im, Diagonal d, double gamma, boolean scalar, int parts) {
    PhasePass pass = scalar ? ScalarPhasePass.INSTANCE : PhaseKernel.fastest();
    PhaseKernel.apply(re, im, d, gamma, pass, parts);
  }
}
