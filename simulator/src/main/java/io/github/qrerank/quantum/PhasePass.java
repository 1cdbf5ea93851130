package io.github.qrerank.quantum;

/**
 * One implementation of the fast cost-phase pass: multiplies {@code (re[x], im[x])} by {@code
 * exp(−iγ d[x])} for x in [from, to) with the arithmetic of {@link PhaseMath}, for |γ d[x]| up to
 * {@link PhaseKernel#FAST_LIMIT}. Each amplitude's result depends only on its own {@code re[x],
 * im[x], d[x]} and γ and is the same bits in every implementation, so a pass can be split into
 * ranges at any index. Arguments are checked by {@link PhaseKernel}, not here.
 */
interface PhasePass {
  /** A short name for reports: {@code "scalar"} or {@code "vector"}. */
  String name();

  void apply(double[] re, double[] im, double[] d, double gamma, int from, int to);
}
