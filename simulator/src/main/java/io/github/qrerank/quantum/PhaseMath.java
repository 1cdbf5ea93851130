package io.github.qrerank.quantum;

/**
 * The arithmetic of the fast cost-phase pass, shared by its implementations ({@link
 * ScalarPhasePass}, and {@code VectorPhasePass} when the Vector API is present). For each
 * amplitude, with {@code t = γ·d_x} (|t| at most {@link PhaseKernel#FAST_LIMIT}):
 *
 * <ol>
 *   <li><b>Quadrant.</b> {@code q = round(t·2/π)}: {@code fma(t, 2/π, M) − M} with {@code M =
 *       1.5·2^52} rounds to the nearest integer.
 *   <li><b>Reduction</b> (Cody–Waite with fused multiply-add): {@code h = fma(q, −P2, fma(q, −P1,
 *       t))} where {@code P1 + P2} is π/2 to 106 bits. The inner fma is exact before its single
 *       rounding and {@code |q| < 2^26}, so {@code h} is within about 1.1e-16 of {@code t − qπ/2}
 *       and lies in [−π/4, π/4].
 *   <li><b>Polynomials</b> in {@code z = h²}: {@code sin h = h + h·z·P(z)} (degree 13) and {@code
 *       cos h = 1 + z·Q(z)} (degree 14), minimax coefficients on [−π/4, π/4] (Remez exchange in
 *       60-digit arithmetic by {@code simulator/tools/phase_minimax.py}; approximation errors of the
 *       coefficients as doubles 5.3e-18 and 1.7e-18, far under the rounding of the evaluation). Horner steps are fma.
 *   <li><b>Quadrant fix</b> without branches: {@code m = q − 4·round(q/4) ∈ {−2, …, 2}}, {@code
 *       cos(mπ/2) = 1 − |m|}, {@code sin(mπ/2) = m·(2 − |m|)}; then {@code cos t = cq·c − sq·s},
 *       {@code sin t = sq·c + cq·s}. Every product here is by 0 or ±1, so this only selects and
 *       negates: no rounding.
 *   <li><b>Rotation</b> {@code (a + ib)·(cos t − i sin t)}: {@code re = fma(a, cos, b·sin)}, {@code
 *       im = fma(b, cos, −(a·sin))}.
 * </ol>
 *
 * An amplitude of modulus 1 comes out within about 4e-16 of the same rotation by {@code
 * Math.cos/Math.sin} (tested to 1e-15). Every implementation performs exactly these IEEE
 * operations in this order for every amplitude, so they produce the same bits, whatever the
 * hardware's vector width, the split of the array across threads or a remainder handled by
 * another implementation. That keeps QAOA's samples independent of JVM flags and thread counts.
 */
final class PhaseMath {
  /** Adding and subtracting 1.5·2^52 rounds a double of magnitude below 2^51 to an integer. */
  static final double ROUND_MAGIC = 0x1.8p52;

  /** 2/π rounded to a double. */
  static final double TWO_OVER_PI = 0x1.45f306dc9c883p-1;
  /** π/2 rounded to a double. */
  static final double HALF_PI_1 = 0x1.921fb54442d18p0;
  /** π/2 − {@link #HALF_PI_1} rounded to a double. */
  static final double HALF_PI_2 = 0x1.1a62633145c07p-54;

  /**
   * sin h = h + h z (S0 + z (S1 + z (S2 + z (S3 + z (S4 + z S5))))) with z = h², |h| ≤ π/4.
   * Decimal: −0.16666666666666632068, 0.0083333333333224245325, −1.9841269829816953067e-4,
   * 2.7557313695227028863e-6, −2.505075865331895487e-8, 1.5896827930316585185e-10.
   */
  static final double S0 = -0x1.5555555555549p-3, S1 = 0x1.111111110f881p-7, S2 = -0x1.a01a019c126c0p-13;

  static final double S3 = 0x1.71de357875337p-19, S4 = -0x1.ae5e66d58828ap-26, S5 = 0x1.5d932f7849762p-33;

  /**
   * cos h = 1 + z (C0 + z (C1 + z (C2 + z (C3 + z (C4 + z (C5 + z C6)))))) with z = h², |h| ≤ π/4.
   * Decimal: −0.5 (−0.49999999999999999569 before rounding), 0.041666666666666488238,
   * −0.0013888888888863912638, 2.4801587285010943146e-5, −2.7557313339514245881e-7,
   * 2.087560866308626037e-9, −1.1354521133028756645e-11.
   */
  static final double C0 = -0x1.0p-1, C1 = 0x1.555555555553cp-5, C2 = -0x1.6c16c16c13f18p-10;

  static final double C3 = 0x1.a01a019b6f8ddp-16, C4 = -0x1.27e4f7537c9aap-22, C5 = 0x1.1ee984ade2c5ap-29;

  static final double C6 = -0x1.8f806f2d74cd6p-37;

  private PhaseMath() {}
}
