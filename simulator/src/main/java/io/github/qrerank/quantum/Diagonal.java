package io.github.qrerank.quantum;

import java.util.function.IntToDoubleFunction;
import java.util.function.LongToDoubleFunction;

/**
 * An immutable real diagonal over basis states: a cost function {@code d_x} for the QAOA phase layer
 * {@code exp(-iγ d_x)} or a diagonal observable for expectations. It is tabulated once per problem
 * and reused for every layer and every angle; its largest magnitude is kept so the phase kernel can
 * choose its fast path without rescanning.
 *
 * <p>For the full engine, entry {@code x} belongs to basis state {@code x}; for the subspace engine,
 * entry {@code r} belongs to the subspace state of rank {@code r} ({@link #overSubspace}).
 */
public final class Diagonal {
  private final double[] values;
  private final double maxAbs;

  private Diagonal(double[] values) {
    double max = 0;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("diagonal value " + i + " is not finite: " + v);
      }
      max = Math.max(max, Math.abs(v));
    }
    this.values = values;
    this.maxAbs = max;
  }

  /** A diagonal holding a copy of {@code values} (all finite). */
  public static Diagonal of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("diagonal values must not be empty");
    }
    return new Diagonal(values.clone());
  }

  /** A diagonal of {@code size} entries, entry i being {@code f(i)}; no intermediate copy. */
  public static Diagonal tabulate(int size, IntToDoubleFunction f) {
    if (size <= 0) {
      throw new IllegalArgumentException("diagonal size must be > 0: " + size);
    }
    double[] v = new double[size];
    for (int i = 0; i < size; i++) {
      v[i] = f.applyAsDouble(i);
    }
    return new Diagonal(v);
  }

  /**
   * A diagonal over all {@code 2^numQubits} basis states of the full engine, entry x being
   * {@code costOfBits(x)} where bit q of x is qubit q.
   */
  public static Diagonal overBasis(int numQubits, LongToDoubleFunction costOfBits) {
    StateVector.checkQubitCount(numQubits);
    return tabulate(1 << numQubits, x -> costOfBits.applyAsDouble(x));
  }

  /**
   * A diagonal over the states of a fixed-weight subspace, entry r being {@code costOfBits(mask)}
   * of the state of rank r ({@link WeightSubspace#mask(int)}).
   */
  public static Diagonal overSubspace(WeightSubspace space, LongToDoubleFunction costOfBits) {
    return tabulate(space.dimension(), r -> costOfBits.applyAsDouble(space.mask(r)));
  }

  public int size() {
    return values.length;
  }

  public double value(int index) {
    return values[index];
  }

  /** The largest |d_x|. */
  public double maxAbs() {
    return maxAbs;
  }

  /** The smallest d_x (for a cost function: the ground energy among the tabulated states). */
  public double min() {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** Raw values for the kernels of this package; never modified. */
  double[] values() {
    return values;
  }
}
