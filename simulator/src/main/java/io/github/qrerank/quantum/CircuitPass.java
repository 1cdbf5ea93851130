package io.github.qrerank.quantum;

/**
 * One pass of a {@link CircuitPlan} over the split amplitude arrays of a {@link StateVector}: a
 * fused layer of single-qubit gates ({@link QubitLayer}), a fused diagonal ({@link PhaseTable}) or
 * one gate the plan does not fuse ({@link #gate}).
 */
interface CircuitPass {
  /** Applies the pass in place to the amplitudes (re, im) of 2^n entries. */
  void apply(double[] re, double[] im);

  /** A short description for {@link CircuitPlan#describe()}, e.g. {@code cx(2, 5)}. */
  String describe();

  /** How many times the pass runs over the amplitudes (a layer: once per qubit it acts on). */
  default int sweeps() {
    return 1;
  }

  /** A pass running one two-qubit gate with its {@link PairKernels} loop (cx, cz, rzz, xy, cry). */
  static CircuitPass gate(Circuit.Gate g) {
    if (g.kind().arity() != 2) {
      throw new IllegalArgumentException("single-qubit gates are run by a QubitLayer: " + g);
    }
    return new CircuitPass() {
      @Override
      public void apply(double[] re, double[] im) {
        int a = g.a();
        int b = g.b();
        switch (g.kind()) {
          case CX -> PairKernels.cx(re, im, a, b);
          case CZ -> PairKernels.cz(re, im, a, b);
          case RZZ -> PairKernels.rzz(re, im, a, b, g.angle());
          case XY -> PairKernels.xy(re, im, a, b, g.angle());
          case CRY -> PairKernels.cry(re, im, a, b, g.angle());
          default -> throw new IllegalStateException("unhandled gate " + g.kind());
        }
      }

      @Override
      public String describe() {
        String name = g.kind().name().toLowerCase(java.util.Locale.ROOT);
        return g.kind().takesAngle()
            ? name + "(" + g.a() + ", " + g.b() + ", " + g.angle() + ")"
            : name + "(" + g.a() + ", " + g.b() + ")";
      }
    };
  }
}
