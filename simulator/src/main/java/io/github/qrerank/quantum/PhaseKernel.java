package io.github.qrerank.quantum;

import java.util.concurrent.ForkJoinPool;

/**
 * Applies a diagonal phase {@code a_x <- a_x · exp(-iγ d_x)} to split re/im amplitude arrays: the
 * QAOA cost layer.
 *
 * <p>The cost is evaluating cos and sin of {@code γ d_x} for every amplitude: {@link Math#sin} and
 * {@link Math#cos} take about 15 ns per amplitude together, twenty times a streaming pass over the
 * arrays. The fast path evaluates them with the branch-free polynomial arithmetic of {@link
 * PhaseMath} through one of two {@link PhasePass}es that produce the same bits:
 *
 * <ul>
 *   <li>{@code VectorPhasePass}, one register loop with the JDK's incubating Vector API, used when
 *       the JVM was started with {@code --add-modules jdk.incubator.vector}, the preferred vector
 *       holds at least {@value #MIN_VECTOR_LANES} doubles and the system property {@value
 *       #VECTOR_PROPERTY} is not {@code false};
 *   <li>{@link ScalarPhasePass}, plain Java loops that HotSpot auto-vectorises, otherwise.
 * </ul>
 *
 * States of at least 2·{@value #MIN_PART} amplitudes are split into ranges of at least {@value
 * #MIN_PART} amplitudes, one per thread of the common {@link ForkJoinPool} plus the caller
 * ({@link ParallelRanges}: the caller runs itself any range no pool thread has started, so a busy
 * pool costs no waiting). Each amplitude's arithmetic does not depend on the split, so the result
 * is the same bits for any number of threads. When {@code |γ|·max|d|} exceeds {@link #FAST_LIMIT}
 * the reduction is no longer guaranteed exact and the kernel falls back to {@code
 * Math.cos/Math.sin}.
 */
final class PhaseKernel {
  /** Largest |γ d_x| handled by the fast path (|q| stays far below 2^26). */
  static final double FAST_LIMIT = 1e8;

  /** Smallest range one thread gets; states of fewer than twice this run on the caller alone. */
  static final int MIN_PART = 1 << 17;

  /** System property that disables the Vector API pass when {@code false}. */
  static final String VECTOR_PROPERTY = "qrerank.vector";

  static final String VECTOR_MODULE = "jdk.incubator.vector";
  static final int MIN_VECTOR_LANES = 4;
  private static final String VECTOR_PASS_CLASS = "io.github.qrerank.quantum.VectorPhasePass";

  /** The pass {@link #apply(double[], double[], Diagonal, double)} uses, chosen once. */
  private static final PhasePass FASTEST = choose(vectorModulePresent(), vectorProperty());

  private PhaseKernel() {}

  /** Multiplies {@code (re[x], im[x])} by {@code exp(-iγ d[x])} for every x, fastest way. */
  static void apply(double[] re, double[] im, Diagonal diagonal, double gamma) {
    apply(re, im, diagonal, gamma, FASTEST, parts(re.length, ForkJoinPool.getCommonPoolParallelism() + 1));
  }

  /**
   * The same with a given pass split into {@code parts} ranges (1 = the caller alone). For tests and
   * the benchmarks; the result does not depend on either choice.
   */
  static void apply(double[] re, double[] im, Diagonal diagonal, double gamma, PhasePass pass, int parts) {
    if (!Double.isFinite(gamma)) {
      throw new IllegalArgumentException("gamma must be finite: " + gamma);
    }
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be >= 1: " + parts);
    }
    double[] d = diagonal.values();
    if (re.length != d.length || im.length != d.length) {
      throw new IllegalArgumentException(
          "amplitude arrays (" + re.length + ", " + im.length + ") and diagonal (" + d.length + ") differ in size");
    }
    if (gamma == 0) {
      return;
    }
    if (Math.abs(gamma) * diagonal.maxAbs() > FAST_LIMIT) {
      applyExact(re, im, d, gamma);
      return;
    }
    if (parts == 1) {
      pass.apply(re, im, d, gamma, 0, re.length);
    } else {
      // Range bounds at multiples of a chunk: no cache line is written by two threads.
      ParallelRanges.run(
          re.length, parts, ScalarPhasePass.CHUNK, (from, to) -> pass.apply(re, im, d, gamma, from, to));
    }
  }

  /** The pass chosen for this JVM. */
  static PhasePass fastest() {
    return FASTEST;
  }

  /**
   * How many ranges a state of {@code size} amplitudes is split into with {@code threads} threads
   * available: at most one per thread, each at least {@value #MIN_PART} amplitudes.
   */
  static int parts(int size, int threads) {
    return Math.max(1, Math.min(threads, size / MIN_PART));
  }

  /**
   * The vector pass when the module is present, its class loads, its vectors are wide enough and
   * {@code property} (the value of {@value #VECTOR_PROPERTY}) is not {@code false}; otherwise the
   * scalar pass. Never throws: any failure to load the vector pass means the scalar one.
   */
  static PhasePass choose(boolean modulePresent, String property) {
    if (!modulePresent || "false".equalsIgnoreCase(property)) {
      return ScalarPhasePass.INSTANCE;
    }
    try {
      Class<?> type = Class.forName(VECTOR_PASS_CLASS, true, PhaseKernel.class.getClassLoader());
      int lanes = (int) type.getDeclaredMethod("lanes").invoke(null);
      if (lanes < MIN_VECTOR_LANES) {
        return ScalarPhasePass.INSTANCE;
      }
      return (PhasePass) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return ScalarPhasePass.INSTANCE;
    }
  }

  /** The value of {@value #VECTOR_PROPERTY}, or null if unset or unreadable (security manager). */
  private static String vectorProperty() {
    try {
      return System.getProperty(VECTOR_PROPERTY);
    } catch (SecurityException e) {
      return null;
    }
  }

  static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  /** Reference path, also used for huge angles: one Math.cos/Math.sin per amplitude. */
  static void applyExact(double[] re, double[] im, double[] d, double gamma) {
    for (int x = 0; x < re.length; x++) {
      double t = gamma * d[x];
      double c = Math.cos(t);
      double s = Math.sin(t);
      double a = re[x];
      double b = im[x];
      re[x] = a * c + b * s;
      im[x] = b * c - a * s;
    }
  }
}
