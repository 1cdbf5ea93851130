package io.github.qrerank.features;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * PCA compression of a window's embeddings and the redundancy matrix computed from it.
 *
 * <p>Documents with a non-zero vector are centred by their mean; a thin SVD of the centred matrix
 * gives the principal directions. {@code c = min(dims, rank)} directions are kept, where the rank
 * counts singular values above {@link #RANK_TOLERANCE} times the largest. Each kept direction is
 * signed so that its largest-magnitude entry (first one on ties) is positive, which makes z_i
 * deterministic. Then {@code z_i = (e_i - mean) V_c}, and {@code sim_ij = max(0, cos(z_i, z_j))},
 * 0 when either z is absent or numerically zero (norm at most {@link #ZERO_TOLERANCE} times the
 * largest norm).
 */
final class Compression {
  /** Singular values at most this fraction of the largest count as zero (numerical rank). */
  static final double RANK_TOLERANCE = 1e-9;

  /** A z_i whose norm is at most this fraction of the largest z norm counts as zero. */
  static final double ZERO_TOLERANCE = 1e-9;

  private final double[][] z;
  private final int components;
  private final double[] sim;

  private Compression(double[][] z, int components, double[] sim) {
    this.z = z;
    this.components = components;
    this.sim = sim;
  }

  /** z_i or null. */
  double[][] z() {
    return z;
  }

  int components() {
    return components;
  }

  /** Flat n*n, symmetric, zero diagonal, entries in [0,1]. */
  double[] sim() {
    return sim;
  }

  /**
   * @param vectors per document, null when it has none; a vector of all zeros is treated as none
   * @param dims how many principal components to keep at most (>= 1)
   */
  static Compression of(float[][] vectors, int dims) {
    int n = vectors.length;
    int[] rows = rowsWithVector(vectors);
    int m = rows.length;
    double[][] z = new double[n][];
    if (m == 0) {
      return new Compression(z, 0, new double[n * n]);
    }
    int d = vectors[rows[0]].length;
    DMatrixRMaj centred = centred(vectors, rows, d);
    DMatrixRMaj basis = principalDirections(centred, dims);
    int c = basis.numCols;
    for (int r = 0; r < m; r++) {
      double[] zi = new double[c];
      for (int col = 0; col < c; col++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += centred.unsafe_get(r, j) * basis.unsafe_get(j, col);
        }
        zi[col] = s;
      }
      z[rows[r]] = zi;
    }
    return new Compression(z, c, cosineSimilarities(z));
  }

  private static int[] rowsWithVector(float[][] vectors) {
    int count = 0;
    int[] rows = new int[vectors.length];
    int dim = -1;
    for (int i = 0; i < vectors.length; i++) {
      float[] e = vectors[i];
      if (e == null) {
        continue;
      }
      if (dim < 0) {
        dim = e.length;
      } else if (e.length != dim) {
        throw new IllegalArgumentException(
            "document vectors differ in dimension: " + dim + " and " + e.length);
      }
      if (!isZero(e)) {
        rows[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(rows, count);
  }

  static boolean isZero(float[] e) {
    for (float x : e) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static DMatrixRMaj centred(float[][] vectors, int[] rows, int d) {
    int m = rows.length;
    double[] mean = new double[d];
    for (int r : rows) {
      float[] e = vectors[r];
      for (int j = 0; j < d; j++) {
        mean[j] += e[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= m;
    }
    DMatrixRMaj x = new DMatrixRMaj(m, d);
    for (int r = 0; r < m; r++) {
      float[] e = vectors[rows[r]];
      for (int j = 0; j < d; j++) {
        x.unsafe_set(r, j, e[j] - mean[j]);
      }
    }
    return x;
  }

  /** The d x c matrix of the kept right singular vectors, descending, with deterministic signs. */
  private static DMatrixRMaj principalDirections(DMatrixRMaj centred, int dims) {
    int m = centred.numRows;
    int d = centred.numCols;
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(m, d, false, true, true);
    if (!svd.decompose(centred.copy())) {
      throw new IllegalStateException("SVD of the window's embeddings did not converge");
    }
    double[] sv = svd.getSingularValues().clone();
    int count = svd.numberOfSingularValues();
    DMatrixRMaj v = svd.getV(null, false);
    SingularOps_DDRM.descendingOrder(null, false, sv, count, v, false);
    int rank = 0;
    double largest = count == 0 ? 0 : sv[0];
    while (rank < count && sv[rank] > RANK_TOLERANCE * largest) {
      rank++;
    }
    int c = Math.min(dims, rank);
    DMatrixRMaj basis = new DMatrixRMaj(d, c);
    for (int col = 0; col < c; col++) {
      int arg = 0;
      for (int j = 1; j < d; j++) {
        if (Math.abs(v.unsafe_get(j, col)) > Math.abs(v.unsafe_get(arg, col))) {
          arg = j;
        }
      }
      double sign = v.unsafe_get(arg, col) < 0 ? -1 : 1;
      for (int j = 0; j < d; j++) {
        basis.unsafe_set(j, col, sign * v.unsafe_get(j, col));
      }
    }
    return basis;
  }

  private static double[] cosineSimilarities(double[][] z) {
    int n = z.length;
    double[] norm = new double[n];
    double maxNorm = 0;
    for (int i = 0; i < n; i++) {
      if (z[i] != null) {
        norm[i] = Math.sqrt(dot(z[i], z[i]));
        maxNorm = Math.max(maxNorm, norm[i]);
      }
    }
    double zero = ZERO_TOLERANCE * maxNorm;
    double[] sim = new double[n * n];
    for (int i = 0; i < n; i++) {
      if (z[i] == null || norm[i] <= zero) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if (z[j] == null || norm[j] <= zero) {
          continue;
        }
        double s = dot(z[i], z[j]) / (norm[i] * norm[j]);
        s = Math.min(1, Math.max(0, s));
        sim[i * n + j] = s;
        sim[j * n + i] = s;
      }
    }
    return sim;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
