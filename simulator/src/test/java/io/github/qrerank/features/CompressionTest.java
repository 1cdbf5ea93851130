package io.github.qrerank.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The Gram shortcut of {@link Compression} against its QR and SVD path. */
class CompressionTest {

  /**
   * On clustered windows (documents around a few centres, as a query's top hits are), the Gram
   * path keeps the same number of components as the SVD path and gives the same z up to rounding.
   */
  @Test
  void gramPathMatchesSvdPathOnClusteredWindows() {
    int[][] shapes = {{100, 32, 8}, {100, 32, 32}, {40, 6, 3}, {12, 12, 5}};
    for (int[] shape : shapes) {
      for (int seed = 0; seed < 5; seed++) {
        int m = shape[0];
        int d = shape[1];
        int dims = shape[2];
        DMatrixRMaj x = centred(clustered(seed, m, d));
        double[][] gram = Compression.projectByGram(x, dims);
        assertNotNull(gram, m + "x" + d + " seed " + seed);
        double[][] svd = Compression.project(x, dims);
        assertEquals(svd[0].length, gram[0].length, "components");
        double scale = 0;
        for (double[] row : svd) {
          for (double v : row) {
            scale = Math.max(scale, Math.abs(v));
          }
        }
        for (int i = 0; i < m; i++) {
          for (int c = 0; c < svd[i].length; c++) {
            assertEquals(svd[i][c], gram[i][c], 1e-9 * scale, m + "x" + d + " z_" + i + "," + c);
          }
        }
      }
    }
  }

  /**
   * The blocked Gram product equals EJML's {@code multInner} on every shape, including sizes that
   * are not multiples of the 4 x 4 block, with both triangles filled.
   */
  @Test
  void blockedGramMatchesEjml() {
    int[][] shapes = {{100, 32}, {100, 6}, {7, 13}, {3, 1}, {50, 4}, {8, 100}, {1, 5}};
    Random rng = new Random(11);
    for (int[] shape : shapes) {
      DMatrixRMaj x = new DMatrixRMaj(shape[0], shape[1]);
      for (int i = 0; i < x.data.length; i++) {
        x.data[i] = rng.nextGaussian();
      }
      DMatrixRMaj expected =
          org.ejml.dense.row.CommonOps_DDRM.multInner(x, new DMatrixRMaj(shape[1], shape[1]));
      double[] g = Compression.gram(x.data, shape[0], shape[1]);
      for (int a = 0; a < shape[1]; a++) {
        for (int b = 0; b < shape[1]; b++) {
          assertEquals(
              expected.get(a, b),
              g[a * shape[1] + b],
              1e-12 * (1 + Math.abs(expected.get(a, b))),
              shape[0] + "x" + shape[1] + " at " + a + "," + b);
        }
      }
    }
  }

  /** Rank below dims: only the SVD path can tell the rank, so the shortcut declines. */
  @Test
  void gramPathDeclinesRankDeficientWindows() {
    float[][] vectors = clustered(7, 20, 8);
    for (int i = 10; i < 20; i++) {
      vectors[i] = vectors[i - 10].clone();
    }
    for (int i = 0; i < 20; i++) {
      for (int j = 4; j < 8; j++) {
        vectors[i][j] = vectors[i][j % 4];
      }
    }
    DMatrixRMaj x = centred(vectors);
    assertNull(Compression.projectByGram(x, 8));
    assertEquals(4, Compression.project(x, 8)[0].length);
  }

  /** Fewer documents than dimensions: the SVD path works on the transpose instead. */
  @Test
  void gramPathDeclinesWideWindows() {
    DMatrixRMaj x = centred(clustered(3, 10, 32));
    assertNull(Compression.projectByGram(x, 4));
    assertEquals(4, Compression.project(x, 4)[0].length);
  }

  private static DMatrixRMaj centred(float[][] vectors) {
    int[] rows = new int[vectors.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    return Compression.centred(vectors, rows, vectors[0].length);
  }

  private static float[][] clustered(long seed, int m, int d) {
    Random rng = new Random(seed);
    int centres = 4;
    float[][] centre = new float[centres][d];
    for (float[] c : centre) {
      for (int j = 0; j < d; j++) {
        c[j] = (float) rng.nextGaussian();
      }
    }
    float[][] out = new float[m][d];
    for (int i = 0; i < m; i++) {
      float[] c = centre[rng.nextInt(centres)];
      for (int j = 0; j < d; j++) {
        out[i][j] = c[j] + 0.3f * (float) rng.nextGaussian();
      }
    }
    return out;
  }
}
