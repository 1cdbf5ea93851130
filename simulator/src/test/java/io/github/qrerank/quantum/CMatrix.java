package io.github.qrerank.quantum;

import java.util.function.Consumer;

/** A small dense complex matrix for checking gates against their textbook definitions (tests only). */
final class CMatrix {
  final int dim;
  final double[][] re;
  final double[][] im;

  CMatrix(int dim) {
    this.dim = dim;
    this.re = new double[dim][dim];
    this.im = new double[dim][dim];
  }

  static CMatrix identity(int dim) {
    CMatrix m = new CMatrix(dim);
    for (int i = 0; i < dim; i++) {
      m.re[i][i] = 1;
    }
    return m;
  }

  /** A matrix from row-major {re, im} pairs: values[2*(r*dim+c)] + i values[2*(r*dim+c)+1]. */
  static CMatrix of(int dim, double... values) {
    if (values.length != 2 * dim * dim) {
      throw new IllegalArgumentException("need " + 2 * dim * dim + " numbers");
    }
    CMatrix m = new CMatrix(dim);
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        m.re[r][c] = values[2 * (r * dim + c)];
        m.im[r][c] = values[2 * (r * dim + c) + 1];
      }
    }
    return m;
  }

  static final CMatrix I = identity(2);
  static final CMatrix X = of(2, 0, 0, 1, 0, 1, 0, 0, 0);
  static final CMatrix Y = of(2, 0, 0, 0, -1, 0, 1, 0, 0);
  static final CMatrix Z = of(2, 1, 0, 0, 0, 0, 0, -1, 0);
  static final double S = Math.sqrt(0.5);
  static final CMatrix H = of(2, S, 0, S, 0, S, 0, -S, 0);

  /**
   * The matrix a circuit implements on n qubits: column x is the state the circuit makes from the
   * basis state |x>.
   */
  static CMatrix ofCircuit(int n, Consumer<StateVector> circuit) {
    int dim = 1 << n;
    CMatrix m = new CMatrix(dim);
    for (int x = 0; x < dim; x++) {
      StateVector s = new StateVector(n).setBasisState(x);
      circuit.accept(s);
      for (int r = 0; r < dim; r++) {
        m.re[r][x] = s.re(r);
        m.im[r][x] = s.im(r);
      }
    }
    return m;
  }

  CMatrix times(CMatrix o) {
    CMatrix p = new CMatrix(dim);
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        double sr = 0, si = 0;
        for (int k = 0; k < dim; k++) {
          sr += re[r][k] * o.re[k][c] - im[r][k] * o.im[k][c];
          si += re[r][k] * o.im[k][c] + im[r][k] * o.re[k][c];
        }
        p.re[r][c] = sr;
        p.im[r][c] = si;
      }
    }
    return p;
  }

  CMatrix plus(CMatrix o) {
    CMatrix p = new CMatrix(dim);
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        p.re[r][c] = re[r][c] + o.re[r][c];
        p.im[r][c] = im[r][c] + o.im[r][c];
      }
    }
    return p;
  }

  /** (a + ib) · this. */
  CMatrix scale(double a, double b) {
    CMatrix p = new CMatrix(dim);
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        p.re[r][c] = a * re[r][c] - b * im[r][c];
        p.im[r][c] = a * im[r][c] + b * re[r][c];
      }
    }
    return p;
  }

  CMatrix dagger() {
    CMatrix p = new CMatrix(dim);
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        p.re[c][r] = re[r][c];
        p.im[c][r] = -im[r][c];
      }
    }
    return p;
  }

  /** this ⊗ o: this acts on the more significant bits. */
  CMatrix kron(CMatrix o) {
    CMatrix p = new CMatrix(dim * o.dim);
    for (int r1 = 0; r1 < dim; r1++) {
      for (int c1 = 0; c1 < dim; c1++) {
        for (int r2 = 0; r2 < o.dim; r2++) {
          for (int c2 = 0; c2 < o.dim; c2++) {
            int r = r1 * o.dim + r2, c = c1 * o.dim + c2;
            p.re[r][c] = re[r1][c1] * o.re[r2][c2] - im[r1][c1] * o.im[r2][c2];
            p.im[r][c] = re[r1][c1] * o.im[r2][c2] + im[r1][c1] * o.re[r2][c2];
          }
        }
      }
    }
    return p;
  }

  /** exp(this) by scaling and squaring a 30-term Taylor series. */
  CMatrix exp() {
    int squarings = 6;
    CMatrix a = scale(Math.scalb(1.0, -squarings), 0);
    CMatrix sum = identity(dim);
    CMatrix term = identity(dim);
    for (int k = 1; k <= 30; k++) {
      term = term.times(a).scale(1.0 / k, 0);
      sum = sum.plus(term);
    }
    for (int s = 0; s < squarings; s++) {
      sum = sum.times(sum);
    }
    return sum;
  }

  /** Largest entry-wise |this − o|. */
  double distance(CMatrix o) {
    double d = 0;
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        d = Math.max(d, Math.hypot(re[r][c] - o.re[r][c], im[r][c] - o.im[r][c]));
      }
    }
    return d;
  }

  /**
   * Distance after removing a global phase: this is compared with e^{iφ}·o where φ is the phase of
   * the largest entry of o against the same entry of this.
   */
  double distanceUpToPhase(CMatrix o) {
    int br = 0, bc = 0;
    double best = -1;
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < dim; c++) {
        double mag = Math.hypot(o.re[r][c], o.im[r][c]);
        if (mag > best) {
          best = mag;
          br = r;
          bc = c;
        }
      }
    }
    // phase = this[br][bc] / o[br][bc], normalised
    double ar = re[br][bc], ai = im[br][bc], or = o.re[br][bc], oi = o.im[br][bc];
    double pr = ar * or + ai * oi, pi = ai * or - ar * oi;
    double mag = Math.hypot(pr, pi);
    return distance(o.scale(pr / mag, pi / mag));
  }
}
