package io.github.qrerank.quantum;

import static io.github.qrerank.quantum.PhaseMath.C0;
import static io.github.qrerank.quantum.PhaseMath.C1;
import static io.github.qrerank.quantum.PhaseMath.C2;
import static io.github.qrerank.quantum.PhaseMath.C3;
import static io.github.qrerank.quantum.PhaseMath.C4;
import static io.github.qrerank.quantum.PhaseMath.C5;
import static io.github.qrerank.quantum.PhaseMath.C6;
import static io.github.qrerank.quantum.PhaseMath.HALF_PI_1;
import static io.github.qrerank.quantum.PhaseMath.HALF_PI_2;
import static io.github.qrerank.quantum.PhaseMath.ROUND_MAGIC;
import static io.github.qrerank.quantum.PhaseMath.S0;
import static io.github.qrerank.quantum.PhaseMath.S1;
import static io.github.qrerank.quantum.PhaseMath.S2;
import static io.github.qrerank.quantum.PhaseMath.S3;
import static io.github.qrerank.quantum.PhaseMath.S4;
import static io.github.qrerank.quantum.PhaseMath.S5;
import static io.github.qrerank.quantum.PhaseMath.TWO_OVER_PI;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The phase pass with the JDK's incubating Vector API: all steps of {@link PhaseMath} in one loop
 * over {@link DoubleVector}s of the preferred species (8 doubles with AVX-512), kept in registers,
 * with explicit FMA; the remainder of a range shorter than one vector goes to {@link
 * ScalarPhasePass}, which computes the same bits. Measured about 1.2 ns per amplitude at 2^22 to
 * 2^26 amplitudes (JDK 17, AVX-512, one thread): about 2.5× faster than {@link ScalarPhasePass}
 * and 1.2-1.6× the time of a streaming pass over the same bytes (BENCHMARKS.md, section 5). It is
 * bound by arithmetic (about 1.2 ns per amplitude in cache too), not by memory.
 *
 * <p>Built from its own source folder ({@code src/main/vector}) by a compiler execution that adds
 * {@code jdk.incubator.vector}, and loaded only by reflection from {@link PhaseKernel} after it
 * found that module in the boot layer: without {@code --add-modules jdk.incubator.vector} on the
 * java command line this class is never touched. The JDK's SIN/COS lanewise operations (Intel SVML
 * on x86) were measured too: about twice as slow as this loop, and not the bits of the scalar pass.
 */
final class VectorPhasePass implements PhasePass {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  /** For {@link PhaseKernel}'s reflective loading. */
  VectorPhasePass() {}

  @Override
  public String name() {
    return "vector";
  }

  /** Doubles per vector: 8 with AVX-512, 4 with AVX2, 2 with SSE or NEON. */
  static int lanes() {
    return SPECIES.length();
  }

  @Override
  public void apply(double[] re, double[] im, double[] d, double gamma, int from, int to) {
    int step = SPECIES.length();
    int end = from + SPECIES.loopBound(to - from);
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1);
    DoubleVector two = DoubleVector.broadcast(SPECIES, 2);
    DoubleVector minusHalfPi1 = DoubleVector.broadcast(SPECIES, -HALF_PI_1);
    DoubleVector minusHalfPi2 = DoubleVector.broadcast(SPECIES, -HALF_PI_2);
    DoubleVector s0 = DoubleVector.broadcast(SPECIES, S0);
    DoubleVector s1 = DoubleVector.broadcast(SPECIES, S1);
    DoubleVector s2 = DoubleVector.broadcast(SPECIES, S2);
    DoubleVector s3 = DoubleVector.broadcast(SPECIES, S3);
    DoubleVector c0 = DoubleVector.broadcast(SPECIES, C0);
    DoubleVector c1 = DoubleVector.broadcast(SPECIES, C1);
    DoubleVector c2 = DoubleVector.broadcast(SPECIES, C2);
    DoubleVector c3 = DoubleVector.broadcast(SPECIES, C3);
    DoubleVector c4 = DoubleVector.broadcast(SPECIES, C4);
    for (int x = from; x < end; x += step) {
      DoubleVector t = DoubleVector.fromArray(SPECIES, d, x).mul(gamma);
      DoubleVector n = t.fma(TWO_OVER_PI, ROUND_MAGIC).sub(ROUND_MAGIC);
      DoubleVector h = n.fma(minusHalfPi2, n.fma(minusHalfPi1, t));
      DoubleVector z = h.mul(h);
      DoubleVector p = z.fma(S5, S4).fma(z, s3).fma(z, s2).fma(z, s1).fma(z, s0);
      DoubleVector sinH = h.mul(z).fma(p, h);
      DoubleVector q = z.fma(C6, C5).fma(z, c4).fma(z, c3).fma(z, c2).fma(z, c1).fma(z, c0);
      DoubleVector cosH = z.fma(q, one);
      DoubleVector m = n.sub(n.mul(0.25).add(ROUND_MAGIC).sub(ROUND_MAGIC).mul(4));
      DoubleVector am = m.abs();
      DoubleVector cq = one.sub(am);
      DoubleVector sq = m.mul(two.sub(am));
      DoubleVector cos = cq.mul(cosH).sub(sq.mul(sinH));
      DoubleVector sin = sq.mul(cosH).add(cq.mul(sinH));
      DoubleVector a = DoubleVector.fromArray(SPECIES, re, x);
      DoubleVector b = DoubleVector.fromArray(SPECIES, im, x);
      a.fma(cos, b.mul(sin)).intoArray(re, x);
      b.fma(cos, a.mul(sin).neg()).intoArray(im, x);
    }
    ScalarPhasePass.INSTANCE.apply(re, im, d, gamma, end, to);
  }
}
