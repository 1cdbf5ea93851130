package io.github.qrerank.quantum;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The constraint-preserving engine: a state of n qubits that lives in the span of the basis states
 * with exactly k qubits set, stored as C(n,k) amplitudes indexed by {@link WeightSubspace} rank
 * (split re/im arrays as in {@link StateVector}). QAOA with the XY mixer from a Dicke state never
 * leaves this subspace, so simulating it here is exact and needs C(n,k) instead of 2^n amplitudes
 * (15,504 instead of 1,048,576 at n=20, k=5).
 *
 * <p>The available operations are exactly those that preserve the weight: the diagonal cost phase
 * and XY mixers. Mutable and not thread-safe.
 */
public final class SubspaceState {
  private final WeightSubspace space;
  private final double[] re;
  private final double[] im;

  /** The Dicke state of the subspace (see {@link #setDicke()}). */
  public SubspaceState(WeightSubspace space) {
    if (space == null) {
      throw new IllegalArgumentException("space must not be null");
    }
    this.space = space;
    this.re = new double[space.dimension()];
    this.im = new double[space.dimension()];
    setDicke();
  }

  private SubspaceState(SubspaceState other) {
    this.space = other.space;
    this.re = other.re.clone();
    this.im = other.im.clone();
  }

  public WeightSubspace space() {
    return space;
  }

  public SubspaceState copy() {
    return new SubspaceState(this);
  }

  /**
   * Resets to the Dicke state |D(n,k)>, the uniform superposition of all weight-k states: amplitude
   * 1/sqrt(C(n,k)) on every rank.
   */
  public SubspaceState setDicke() {
    Arrays.fill(re, 1 / Math.sqrt(re.length));
    Arrays.fill(im, 0);
    return this;
  }

  public double re(int rank) {
    return re[checkRank(rank)];
  }

  public double im(int rank) {
    return im[checkRank(rank)];
  }

  /** |a_rank|^2. */
  public double probability(int rank) {
    checkRank(rank);
    return re[rank] * re[rank] + im[rank] * im[rank];
  }

  /**
   * The cost layer |x> -> exp(−iγ d_x)|x> with {@code d} tabulated over the subspace ranks (see
   * {@link Diagonal#overSubspace}).
   */
  public SubspaceState applyDiagonalPhase(Diagonal d, double gamma) {
    Amplitudes.checkSize(d, re.length);
    PhaseKernel.apply(re, im, d, gamma);
    return this;
  }

  /** Applies the mixer's XY rotations xy(θ), pair by pair in its order. */
  public SubspaceState applyMixer(XYMixer mixer, double theta) {
    if (mixer.space() != space
        && (mixer.space().numQubits() != space.numQubits() || mixer.space().weight() != space.weight())) {
      throw new IllegalArgumentException("mixer is for " + mixer.space() + ", state is in " + space);
    }
    if (!Double.isFinite(theta)) {
      throw new IllegalArgumentException("theta must be finite: " + theta);
    }
    mixer.apply(re, im, theta);
    return this;
  }

  /** Sum over ranks of |a_r|^2 d_r. */
  public double expectation(Diagonal d) {
    return Amplitudes.expectation(re, im, d);
  }

  public double norm2() {
    return Amplitudes.norm2(re, im);
  }

  /** {@code shots} ranks drawn with probability |a_r|^2, in the order drawn from {@code rng}. */
  public int[] sample(int shots, SplittableRandom rng) {
    return Amplitudes.sample(re, im, shots, rng);
  }

  /**
   * {@code shots} measured bit strings (bit q = qubit q): {@link #sample} mapped through {@link
   * WeightSubspace#mask}. Since ranks follow mask order, these are the samples the full engine
   * draws from the same state and generator, up to rounding at the bin edges.
   */
  public long[] sampleMasks(int shots, SplittableRandom rng) {
    int[] ranks = sample(shots, rng);
    long[] masks = new long[ranks.length];
    for (int s = 0; s < ranks.length; s++) {
      masks[s] = space.mask(ranks[s]);
    }
    return masks;
  }

  private int checkRank(int rank) {
    if (rank < 0 || rank >= re.length) {
      throw new IllegalArgumentException("rank must be in [0, " + re.length + "): " + rank);
    }
    return rank;
  }
}
