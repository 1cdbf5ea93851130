package io.github.qrerank.features;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * PCA compression of a window's embeddings and the redundancy matrix computed from it.
 *
 * <p>Documents with a non-zero vector are centred by their mean; the principal directions come
 * from the eigenvectors of the centred matrix's Gram matrix when its kept singular values are
 * well above zero ({@link #projectByGram}), else from a thin SVD of the centred matrix (EJML,
 * {@link #project}). {@code c = min(dims, rank)} directions are kept, where
 * the rank counts singular values above {@link #RANK_TOLERANCE} times the largest. Each kept
 * direction is signed so that its largest-magnitude entry (first one on ties) is positive, which
 * makes z_i deterministic. Then {@code z_i = (e_i - mean) V_c}, and {@code sim_ij = max(0, cos(z_i, z_j))},
 * 0 when either z is absent or numerically zero (norm at most {@link #ZERO_TOLERANCE} times the
 * largest norm).
 */
final class Compression {
  /** Singular values at most this fraction of the largest count as zero (numerical rank). */
  static final double RANK_TOLERANCE = 1e-9;

  /** A z_i whose norm is at most this fraction of the largest z norm counts as zero. */
  static final double ZERO_TOLERANCE = 1e-9;

  /**
   * The Gram shortcut of {@link #projectByGram} applies when the c-th eigenvalue of {@code X^T X}
   * exceeds this fraction of the largest (the c-th singular value exceeds 1% of the largest).
   */
  static final double GRAM_GUARD = 1e-4;

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
    double[][] kept = projectByGram(centred, dims);
    if (kept == null) {
      kept = project(centred, dims);
    }
    for (int r = 0; r < m; r++) {
      z[rows[r]] = kept[r];
    }
    return new Compression(z, kept[0].length, cosineSimilarities(z));
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

  static DMatrixRMaj centred(float[][] vectors, int[] rows, int d) {
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

  /**
   * The rows of {@code X V_c} from the eigenvectors of the d x d Gram matrix {@code X^T X} (whose
   * eigenvalues are the squared singular values of X), or null when this shortcut does not apply:
   * X is wide, or its {@code min(dims, d)}-th eigenvalue is at most {@link #GRAM_GUARD} times the
   * largest. Above that guard the {@code c = min(dims, d)} leading singular values are certainly
   * above the rank tolerance (the eigenvalues' rounding errors are about d·ε times the largest),
   * so c components are kept, as {@link #project} would, along the same directions up to
   * rounding: squaring X only squares the condition of the small singular values, which the
   * guard keeps out, while the leading directions are as well determined as by the SVD (when the
   * c-th and (c+1)-th singular values nearly coincide, neither method determines the c-th
   * direction). Signs follow the same rule. Cheaper than {@link #project} on a 100 x 32 window: a
   * d x d Gram product ({@link #gram}, about 11 µs) and one symmetric eigensolve (EJML, about 75
   * µs, most of the cost) instead of a QR of X and an SVD of R with its singular vectors.
   */
  static double[][] projectByGram(DMatrixRMaj x, int dims) {
    int m = x.numRows;
    int d = x.numCols;
    if (m < d) {
      return null;
    }
    double[] xs = x.data;
    DMatrixRMaj gram = DMatrixRMaj.wrap(d, d, gram(xs, m, d));
    // EJML's symmetric QR algorithm, eigenvectors accumulated while the eigenvalues converge rather
    // than in a second QR pass with the eigenvalues as known shifts (its default): about 15% less
    // time on a 32 x 32 Gram matrix, eigenvectors as accurate (CompressionTest, against the SVD).
    SymmetricQRAlgorithmDecomposition_DDRM eig = new SymmetricQRAlgorithmDecomposition_DDRM(true);
    eig.setComputeVectorsWithValues(true);
    if (!eig.decompose(gram)) {
      return null;
    }
    Integer[] order = new Integer[d];
    double[] lambda = new double[d];
    for (int a = 0; a < d; a++) {
      order[a] = a;
      lambda[a] = eig.getEigenvalue(a).real;
    }
    java.util.Arrays.sort(order, (p, q) -> Double.compare(lambda[q], lambda[p]));
    int c = Math.min(dims, d);
    double top = lambda[order[0]];
    if (!(top > 0) || !(lambda[order[c - 1]] > GRAM_GUARD * top)) {
      return null;
    }
    // vs[j * c + col]: entry j of the col-th leading eigenvector, normalised and signed so that
    // its largest-magnitude entry (first one on ties) is positive.
    double[] vs = new double[d * c];
    for (int col = 0; col < c; col++) {
      double[] vector = eig.getEigenVector(order[col]).data;
      double scale = sign(vector) / Math.sqrt(dot(vector, vector));
      for (int j = 0; j < d; j++) {
        vs[j * c + col] = scale * vector[j];
      }
    }
    // z_i = x_i V_c, the c sums of a row side by side (each adds j = 0..d-1 in order).
    double[][] z = new double[m][c];
    for (int i = 0; i < m; i++) {
      double[] zi = z[i];
      int row = i * d;
      for (int j = 0; j < d; j++) {
        double xij = xs[row + j];
        int base = j * c;
        for (int col = 0; col < c; col++) {
          zi[col] += xij * vs[base + col];
        }
      }
    }
    return z;
  }

  /**
   * The d x d Gram matrix {@code X^T X} of the row-major m x d matrix {@code x}, both triangles
   * filled. Computed in 4 x 4 blocks of the upper triangle, each block's 16 sums kept in registers
   * over the m rows (every row of a block is read once per block): about 4x faster than EJML's
   * {@code CommonOps_DDRM.multInner} on a 100 x 32 window, whose inner loop strides down columns.
   * Each entry is the sum over rows in row order, like a plain dot product.
   */
  static double[] gram(double[] x, int m, int d) {
    double[] g = new double[d * d];
    for (int p = 0; p < d; p += 4) {
      for (int q = p; q < d; q += 4) {
        if (p + 4 <= d && q + 4 <= d) {
          block4(x, m, d, p, q, g);
        } else {
          for (int a = p; a < Math.min(p + 4, d); a++) {
            for (int b = Math.max(a, q); b < Math.min(q + 4, d); b++) {
              double sum = 0;
              for (int o = 0; o < m * d; o += d) {
                sum += x[o + a] * x[o + b];
              }
              g[a * d + b] = sum;
            }
          }
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a + 1; b < d; b++) {
        g[b * d + a] = g[a * d + b];
      }
    }
    return g;
  }

  /** The 4 x 4 block of {@code X^T X} at rows p..p+3, columns q..q+3 (q >= p). */
  private static void block4(double[] x, int m, int d, int p, int q, double[] g) {
    double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
    double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
    for (int r = 0, o = 0; r < m; r++, o += d) {
      double a0 = x[o + p], a1 = x[o + p + 1], a2 = x[o + p + 2], a3 = x[o + p + 3];
      double b0 = x[o + q], b1 = x[o + q + 1], b2 = x[o + q + 2], b3 = x[o + q + 3];
      s00 += a0 * b0;
      s01 += a0 * b1;
      s02 += a0 * b2;
      s03 += a0 * b3;
      s10 += a1 * b0;
      s11 += a1 * b1;
      s12 += a1 * b2;
      s13 += a1 * b3;
      s20 += a2 * b0;
      s21 += a2 * b1;
      s22 += a2 * b2;
      s23 += a2 * b3;
      s30 += a3 * b0;
      s31 += a3 * b1;
      s32 += a3 * b2;
      s33 += a3 * b3;
    }
    int b = p * d + q;
    g[b] = s00;
    g[b + 1] = s01;
    g[b + 2] = s02;
    g[b + 3] = s03;
    g[b + d] = s10;
    g[b + d + 1] = s11;
    g[b + d + 2] = s12;
    g[b + d + 3] = s13;
    g[b + 2 * d] = s20;
    g[b + 2 * d + 1] = s21;
    g[b + 2 * d + 2] = s22;
    g[b + 2 * d + 3] = s23;
    g[b + 3 * d] = s30;
    g[b + 3 * d + 1] = s31;
    g[b + 3 * d + 2] = s32;
    g[b + 3 * d + 3] = s33;
  }

  /**
   * The rows of {@code X V_c} for the centred m x d matrix X. Let T be X or its transpose,
   * whichever is tall, and T = Q R its thin QR decomposition (R is s x s, s = min(m, d)). The SVD
   * of the small R = U_R Σ V_R^T has the singular values of X, and V_R holds the right singular
   * vectors of T: those of X when X is tall, else its left ones. Then {@code X V_c = U_c Σ_c} and
   * {@code v_j = X^T u_j / σ_j}. Cost O(max(m,d)·s²); no d x d or m x m factor of X is formed.
   */
  static double[][] project(DMatrixRMaj x, int dims) {
    int m = x.numRows;
    int d = x.numCols;
    boolean wide = m < d;
    // x is read again below: copy it only for a decomposition that may overwrite its input.
    DMatrixRMaj tall = wide ? CommonOps_DDRM.transpose(x, null) : x;
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(tall.numRows, tall.numCols);
    // EJML's Householder QR reports failure on an exactly zero column (e.g. duplicate vectors or
    // a constant coordinate); the SVD of T itself then gives the same factors, only slower.
    DMatrixRMaj small =
        qr.decompose(qr.inputModified() ? tall.copy() : tall) ? qr.getR(null, true) : tall.copy();
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(small.numRows, small.numCols, false, true, true);
    if (!svd.decompose(small)) {
      throw new IllegalStateException("SVD of the window's embeddings did not converge");
    }
    int count = svd.numberOfSingularValues();
    double[] sv = svd.getSingularValues().clone();
    // Right singular vectors of T: those of X when X is tall, else its left ones.
    DMatrixRMaj vt = svd.getV(null, false);
    SingularOps_DDRM.descendingOrder(null, false, sv, count, vt, false);
    int rank = 0;
    while (rank < count && sv[rank] > RANK_TOLERANCE * sv[0]) {
      rank++;
    }
    int c = Math.min(dims, rank);
    double[][] z = new double[m][c];
    double[] v = new double[d];
    for (int col = 0; col < c; col++) {
      // v = the col-th right singular vector of X, to fix the sign.
      for (int j = 0; j < d; j++) {
        if (wide) {
          double s = 0;
          for (int i = 0; i < m; i++) {
            s += x.unsafe_get(i, j) * vt.unsafe_get(i, col);
          }
          v[j] = s / sv[col];
        } else {
          v[j] = vt.unsafe_get(j, col);
        }
      }
      double sign = sign(v);
      for (int i = 0; i < m; i++) {
        double zi;
        if (wide) {
          zi = vt.unsafe_get(i, col) * sv[col];
        } else {
          zi = 0;
          for (int j = 0; j < d; j++) {
            zi += x.unsafe_get(i, j) * v[j];
          }
        }
        z[i][col] = sign * zi;
      }
    }
    return z;
  }

  /**
   * The sign that makes a direction deterministic: +1 when the largest-magnitude entry of {@code v}
   * (the first one on ties) is non-negative, else −1.
   */
  static double sign(double[] v) {
    int arg = 0;
    for (int j = 1; j < v.length; j++) {
      if (Math.abs(v[j]) > Math.abs(v[arg])) {
        arg = j;
      }
    }
    return v[arg] < 0 ? -1 : 1;
  }

  /**
   * {@code sim_ij = max(0, cos(z_i, z_j))}, flat n x n. The usable z are scaled to unit length and
   * laid out as the columns of a c x count matrix U, whose Gram matrix {@code U^T U} ({@link
   * #gram}) holds every pair's cosine: the blocked product runs about 4x faster than one dot product
   * per pair, whose additions form a chain the processor cannot overlap.
   */
  private static double[] cosineSimilarities(double[][] z) {
    int n = z.length;
    double[] norm = new double[n];
    double maxNorm = 0;
    int c = 0;
    for (int i = 0; i < n; i++) {
      if (z[i] != null) {
        norm[i] = Math.sqrt(dot(z[i], z[i]));
        maxNorm = Math.max(maxNorm, norm[i]);
        c = z[i].length;
      }
    }
    double zero = ZERO_TOLERANCE * maxNorm;
    int[] usable = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (z[i] != null && norm[i] > zero) {
        usable[count++] = i;
      }
    }
    double[] columns = new double[c * count];
    for (int a = 0; a < count; a++) {
      double[] zi = z[usable[a]];
      double scale = norm[usable[a]];
      for (int k = 0; k < c; k++) {
        columns[k * count + a] = zi[k] / scale;
      }
    }
    double[] cos = gram(columns, c, count);
    double[] sim = new double[n * n];
    for (int a = 0; a < count; a++) {
      int i = usable[a];
      for (int b = a + 1; b < count; b++) {
        int j = usable[b];
        double s = Math.min(1, Math.max(0, cos[a * count + b]));
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
