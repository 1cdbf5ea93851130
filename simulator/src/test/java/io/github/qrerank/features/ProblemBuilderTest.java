package io.github.qrerank.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProblemBuilderTest {
  private static final double EPS = 1e-12;

  private static ModelSpec spec(
      int k,
      double scoreWeight,
      double affinityWeight,
      Map<String, Double> utility,
      float[] user,
      int dims) {
    return new ModelSpec(
        k, scoreWeight, affinityWeight, utility, user, dims, 0.5, null, 1, List.of(), List.of());
  }

  private static ModelSpec plain(int dims) {
    return spec(2, 1, 1, Map.of(), null, dims);
  }

  private static String[] ids(int n) {
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "d" + i;
    }
    return ids;
  }

  @Test
  void scoresAreMinMaxNormalised() {
    WindowData w = WindowData.builder(ids(3), new double[] {3, 1, 2}).build();
    BuiltProblem b = ProblemBuilder.build(w, plain(8));
    assertArrayEquals(new double[] {1, 0, 0.5}, b.normalizedScores(), EPS);
    // No vectors: affinity 0, utility = score weight * ŝ.
    assertArrayEquals(new double[] {0, 0, 0}, b.affinities(), 0);
    assertEquals(0.5, b.problem().utility(2), EPS);
  }

  @Test
  void equalScoresNormaliseToOne() {
    WindowData w = WindowData.builder(ids(3), new double[] {2.5, 2.5, 2.5}).build();
    assertArrayEquals(new double[] {1, 1, 1}, ProblemBuilder.build(w, plain(8)).normalizedScores());
  }

  @Test
  void missingNumericValuesCountAsTheWindowMinimum() {
    WindowData w =
        WindowData.builder(ids(4), new double[] {4, 3, 2, 1})
            .numeric("price", new double[] {Double.NaN, 10, 20, 15})
            .numeric("none", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN})
            .numeric("flat", new double[] {7, Double.NaN, 7, 7})
            .build();
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("price", 2.0);
    weights.put("none", 5.0);
    weights.put("flat", 0.25);
    BuiltProblem b = ProblemBuilder.build(w, spec(2, 0.5, 1, weights, null, 8));
    assertArrayEquals(new double[] {0, 0, 1, 0.5}, b.normalizedUtility("price"), EPS);
    assertArrayEquals(new double[] {0, 0, 0, 0}, b.normalizedUtility("none"), 0);
    assertArrayEquals(new double[] {1, 1, 1, 1}, b.normalizedUtility("flat"), 0);
    // v = 0.5·ŝ + 2·price + 5·none + 0.25·flat, ŝ = (1, 2/3, 1/3, 0)
    double[] expected = {0.5 + 0.25, 0.5 * 2 / 3.0 + 0.25, 0.5 / 3 + 2 + 0.25, 1 + 0.25};
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], b.problem().utility(i), EPS, "v_" + i);
    }
    assertThrows(IllegalArgumentException.class, () -> b.normalizedUtility("other"));
  }

  @Test
  void uncollectedFieldsAreRejected() {
    WindowData w = WindowData.builder(ids(2), new double[] {1, 2}).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProblemBuilder.build(w, spec(1, 1, 1, Map.of("missing", 1.0), null, 8)));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void infiniteValuesAreClampedToTheWindowsFiniteExtremes() {
    // scores: +Inf counts as the largest finite score (4), NaN and -Inf as the smallest (1).
    // field: +Inf counts as 10, -Inf as 2, NaN is missing and so the minimum 2 as well.
    double inf = Double.POSITIVE_INFINITY;
    WindowData w =
        WindowData.builder(ids(5), new double[] {inf, 4, 1, Double.NaN, -inf})
            .numeric("f", new double[] {inf, 10, 2, Double.NaN, -inf})
            .build();
    BuiltProblem b = ProblemBuilder.build(w, spec(1, 1, 0, Map.of("f", 1.0), null, 8));
    assertArrayEquals(new double[] {1, 1, 0, 0, 0}, b.normalizedScores(), EPS);
    assertArrayEquals(new double[] {1, 1, 0, 0, 0}, b.normalizedUtility("f"), EPS);
    assertArrayEquals(new double[] {2, 2, 0, 0, 0}, utilities(b), EPS);

    WindowData allInfinite =
        WindowData.builder(ids(2), new double[] {inf, -inf})
            .numeric("f", new double[] {inf, inf})
            .build();
    BuiltProblem c = ProblemBuilder.build(allInfinite, spec(1, 1, 0, Map.of("f", 1.0), null, 8));
    assertArrayEquals(new double[] {1, 1}, c.normalizedScores(), EPS);
    assertArrayEquals(new double[] {1, 1}, c.normalizedUtility("f"), EPS);
  }

  private static double[] utilities(BuiltProblem b) {
    double[] v = new double[b.problem().size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.problem().utility(i);
    }
    return v;
  }

  @Test
  void affinityIsTheCosineWithTheUserVector() {
    float[][] vectors = {{2, 0}, {0, 3}, {-1, 0}, null, {0, 0}, {1, 1}};
    WindowData w =
        WindowData.builder(ids(6), new double[] {6, 5, 4, 3, 2, 1}).vectors(vectors).build();
    BuiltProblem b = ProblemBuilder.build(w, spec(2, 0, 2, Map.of(), new float[] {1, 0}, 8));
    double[] a = b.affinities();
    assertArrayEquals(new double[] {1, 0, -1, 0, 0, Math.sqrt(0.5)}, a, EPS);
    for (int i = 0; i < 6; i++) {
      assertEquals(2 * a[i], b.problem().utility(i), EPS);
    }
    // Without a user vector, or with a zero one, every affinity is 0.
    assertArrayEquals(new double[6], ProblemBuilder.build(w, plain(8)).affinities(), 0);
    assertArrayEquals(
        new double[6],
        ProblemBuilder.build(w, spec(2, 0, 2, Map.of(), new float[] {0, 0}, 8)).affinities(),
        0);
  }

  @Test
  void mismatchedDimensionsAreRejected() {
    WindowData w =
        WindowData.builder(ids(2), new double[] {2, 1})
            .vectors(new float[][] {{1, 0}, {0, 1}})
            .build();
    assertThrows(
        IllegalArgumentException.class,
        () -> ProblemBuilder.build(w, spec(1, 1, 1, Map.of(), new float[] {1, 0, 0}, 8)));
    WindowData mixed =
        WindowData.builder(ids(2), new double[] {2, 1})
            .vectors(new float[][] {{1, 0}, {0, 1, 0}})
            .build();
    assertThrows(IllegalArgumentException.class, () -> ProblemBuilder.build(mixed, plain(8)));
  }

  /**
   * Worked example. e = (2,1), (4,1), (0,1), (2,5); mean (2,2); centred c = (0,-1), (2,-1),
   * (-2,-1), (0,3). X^T X = [[8,0],[0,12]]: singular values √12 along (0,1) and √8 along (1,0),
   * both signed so their largest entry is positive. z_i = (c_i·(0,1), c_i·(1,0)) = (-1,0), (-1,2),
   * (-1,-2), (3,0).
   *
   * <p>dims = 2: cos(z1,z2) = cos(z1,z3) = 1/√5; cos(z2,z3) = (1-4)/5 < 0 and every pair with z4
   * has a negative cosine, so those sims are 0.
   *
   * <p>dims = 1: z = -1, -1, -1, 3: documents 1-3 are identical (sim 1), document 4 opposite (0).
   */
  @Test
  void pcaWorkedExample() {
    float[][] vectors = {{2, 1}, {4, 1}, {0, 1}, {2, 5}};
    WindowData w = WindowData.builder(ids(4), new double[] {4, 3, 2, 1}).vectors(vectors).build();

    BuiltProblem full = ProblemBuilder.build(w, plain(2));
    assertEquals(2, full.componentsKept());
    double[][] z = {{-1, 0}, {-1, 2}, {-1, -2}, {3, 0}};
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(z[i], full.compressed(i), 1e-9, "z_" + i);
    }
    Problem p = full.problem();
    double s = 1 / Math.sqrt(5);
    double[][] sim = {{0, s, s, 0}, {s, 0, 0, 0}, {s, 0, 0, 0}, {0, 0, 0, 0}};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(sim[i][j], p.sim(i, j), 1e-9, "sim " + i + "," + j);
      }
    }

    BuiltProblem one = ProblemBuilder.build(w, plain(1));
    assertEquals(1, one.componentsKept());
    double[] z1 = {-1, -1, -1, 3};
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(new double[] {z1[i]}, one.compressed(i), 1e-9);
    }
    double[][] sim1 = {{0, 1, 1, 0}, {1, 0, 1, 0}, {1, 1, 0, 0}, {0, 0, 0, 0}};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(sim1[i][j], one.problem().sim(i, j), 1e-9, "sim1 " + i + "," + j);
      }
    }
  }

  @Test
  void componentsStopAtTheRank() {
    // The same points lifted into 3-D with a constant third coordinate: the rank stays 2.
    float[][] vectors = {{2, 1, 7}, {4, 1, 7}, {0, 1, 7}, {2, 5, 7}};
    WindowData w = WindowData.builder(ids(4), new double[] {4, 3, 2, 1}).vectors(vectors).build();
    BuiltProblem b = ProblemBuilder.build(w, plain(8));
    assertEquals(2, b.componentsKept());
    assertArrayEquals(new double[] {-1, 2}, b.compressed(1), 1e-9);
  }

  @Test
  void withoutTruncationSimsAreCosinesOfCentredVectors() {
    // Tall (more documents than dimensions) and wide windows take different SVD paths.
    assertSimsAreCentredCosines(20, 6, false);
    assertSimsAreCentredCosines(5, 12, false);
    // Exact duplicates make the centred matrix rank deficient.
    assertSimsAreCentredCosines(12, 6, true);
    assertSimsAreCentredCosines(6, 12, true);
  }

  private static void assertSimsAreCentredCosines(int n, int d, boolean duplicates) {
    Random rng = new Random(3L * n + d);
    float[][] vectors = new float[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        vectors[i][j] = duplicates && i % 2 == 1 ? vectors[i - 1][j] : (float) rng.nextGaussian();
      }
    }
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = n - i;
    }
    WindowData w = WindowData.builder(ids(n), scores).vectors(vectors).build();
    BuiltProblem full = ProblemBuilder.build(w, plain(d));
    int distinct = duplicates ? (n + 1) / 2 : n;
    assertEquals(Math.min(distinct - 1, d), full.componentsKept(), n + "x" + d);
    double[] mean = new double[d];
    for (float[] e : vectors) {
      for (int j = 0; j < d; j++) {
        mean[j] += e[j] / (double) n;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double expected = 0;
        if (i != j) {
          double dot = 0;
          double ni = 0;
          double nj = 0;
          for (int t = 0; t < d; t++) {
            double a = vectors[i][t] - mean[t];
            double c = vectors[j][t] - mean[t];
            dot += a * c;
            ni += a * a;
            nj += c * c;
          }
          expected = Math.max(0, dot / Math.sqrt(ni * nj));
        }
        assertEquals(expected, full.problem().sim(i, j), 1e-9, n + "x" + d + ": " + i + "," + j);
      }
    }
    // One component: z is a scalar, so every sim is 1 (same sign) or 0.
    BuiltProblem one = ProblemBuilder.build(w, plain(1));
    assertEquals(1, one.componentsKept());
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double zi = one.compressed(i)[0];
        double zj = one.compressed(j)[0];
        double expected = i != j && zi * zj > 0 ? 1 : 0;
        assertEquals(expected, one.problem().sim(i, j), 1e-12);
      }
    }
  }

  @Test
  void missingAndZeroVectorsHaveNoRedundancy() {
    float[][] vectors = {{1, 0}, null, {0, 0}, {1, 0.1f}, {0.9f, 0}};
    WindowData w =
        WindowData.builder(ids(5), new double[] {5, 4, 3, 2, 1}).vectors(vectors).build();
    BuiltProblem b = ProblemBuilder.build(w, plain(8));
    assertNull(b.compressed(1));
    assertNull(b.compressed(2));
    Problem p = b.problem();
    for (int j = 0; j < 5; j++) {
      assertEquals(0, p.sim(1, j), 0);
      assertEquals(0, p.sim(2, j), 0);
    }
    // The three real vectors are centred by their own mean, not the zero vector's.
    assertTrue(b.compressed(0) != null && b.compressed(3) != null && b.compressed(4) != null);
  }

  @Test
  void singleVectorGivesAZeroEmbedding() {
    float[][] vectors = {{1, 2}, null};
    WindowData w = WindowData.builder(ids(2), new double[] {2, 1}).vectors(vectors).build();
    BuiltProblem b = ProblemBuilder.build(w, plain(8));
    assertEquals(0, b.componentsKept());
    assertArrayEquals(new double[0], b.compressed(0));
    assertEquals(0, b.problem().sim(0, 1), 0);
  }

  @Test
  void eligibilityCountsMissingStockAsZero() {
    WindowData w =
        WindowData.builder(ids(4), new double[] {4, 3, 2, 1})
            .numeric("stock", new double[] {5, Double.NaN, 0, 1})
            .build();
    Problem p = build(w, "stock", 1, List.of(), List.of());
    assertTrue(p.isEligible(0));
    assertFalse(p.isEligible(1));
    assertFalse(p.isEligible(2));
    assertTrue(p.isEligible(3));
    Problem zero = build(w, "stock", 0, List.of(), List.of());
    for (int i = 0; i < 4; i++) {
      assertTrue(zero.isEligible(i), "minStock 0 admits missing stock");
    }
    Problem none = build(w, null, 1, List.of(), List.of());
    for (int i = 0; i < 4; i++) {
      assertTrue(none.isEligible(i), "no stock field: all eligible");
    }
  }

  @Test
  void capsAndQuotasMapGroupValues() {
    WindowData w =
        WindowData.builder(ids(5), new double[] {5, 4, 3, 2, 1})
            .groups("brand", new String[] {"acme", null, "zen", "acme", "orbit"})
            .groups("color", new String[] {"red", "red", null, "blue", "red"})
            .build();
    Problem p =
        build(
            w,
            null,
            1,
            List.of(new ModelSpec.CapSpec("brand", 1)),
            List.of(
                new ModelSpec.QuotaSpec("color", "red", 2),
                new ModelSpec.QuotaSpec("brand", "zen", 1)));
    Cap cap = p.caps().get(0);
    assertEquals("brand", cap.field());
    assertEquals(1, cap.max());
    assertEquals(3, cap.groupCount());
    assertEquals("acme", cap.groupName(0));
    assertEquals("zen", cap.groupName(1));
    assertEquals("orbit", cap.groupName(2));
    int[] groups = {0, -1, 1, 0, 2};
    for (int i = 0; i < 5; i++) {
      assertEquals(groups[i], cap.groupOf(i));
    }
    Quota red = p.quotas().get(0);
    assertEquals(2, red.min());
    boolean[] redMembers = {true, true, false, false, true};
    Quota zen = p.quotas().get(1);
    boolean[] zenMembers = {false, false, true, false, false};
    for (int i = 0; i < 5; i++) {
      assertEquals(redMembers[i], red.isMember(i));
      assertEquals(zenMembers[i], zen.isMember(i));
    }
  }

  @Test
  void reportsTimingsAndKeepsK() {
    WindowData w = WindowData.builder(ids(3), new double[] {3, 2, 1}).build();
    BuiltProblem b = ProblemBuilder.build(w, plain(8));
    assertEquals(2, b.problem().k());
    assertEquals(0.5, b.problem().lambda());
    assertTrue(b.featureNanos() >= 0 && b.compressionNanos() >= 0);
  }

  private static Problem build(
      WindowData w,
      String stockField,
      double minStock,
      List<ModelSpec.CapSpec> caps,
      List<ModelSpec.QuotaSpec> quotas) {
    ModelSpec spec =
        new ModelSpec(2, 1, 1, Map.of(), null, 8, 0.5, stockField, minStock, caps, quotas);
    return ProblemBuilder.build(w, spec).problem();
  }
}
