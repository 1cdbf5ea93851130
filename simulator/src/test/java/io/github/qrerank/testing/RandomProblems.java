package io.github.qrerank.testing;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random {@link Problem}s that look like re-ranking windows, for tests and benchmarks (the
 * simulator's test-jar exports this class). The same arguments always give the same problem.
 *
 * <p>{@link #random}: documents come in first-pass order; utilities lie in [0, 3] and combine a
 * decaying first-pass score, a user affinity and a noisy numeric field; embeddings are drawn around
 * a few cluster centres (the larger n, the more clusters), centred over the window, and {@code
 * sim = max(0, cos)}; brands follow a Zipf-like law (about 10% of documents have none); a colour
 * field with four values is used by quotas.
 *
 * <p>{@link #discrete}: small-integer utilities and sims from {0, 0.5, 1}, to exercise exact ties.
 */
public final class RandomProblems {
  /** Redundancy weight of the generated problems. */
  public static final double LAMBDA = 0.5;

  /** Embedding dimension of {@link #random}. */
  public static final int DIM = 8;

  /** Field names used by the generated caps and quotas. */
  public static final String BRAND = "brand";

  public static final String COLOR = "color";

  private static final String[] COLORS = {"red", "green", "blue", "black"};

  private RandomProblems() {}

  /**
   * A realistic window problem.
   *
   * @param n window size
   * @param k documents to select
   * @param ineligibleShare probability that a document is not eligible (out of stock)
   * @param brands number of distinct brands (0: no brand field, no cap)
   * @param brandCap the cap on brand ({@code brand:brandCap}); 0 or less for no cap
   * @param quotas whether to add two quotas: the second most common brand (when brands ≥ 2) at
   *     least 1 or 2, and colour "red" at least 1 or 2
   */
  public static Problem random(
      long seed, int n, int k, double ineligibleShare, int brands, int brandCap, boolean quotas) {
    Random rng = new Random(seed);
    int clusters = Math.max(2, (int) Math.round(Math.sqrt(n)));
    double[][] centres = new double[clusters][DIM];
    for (double[] centre : centres) {
      for (int j = 0; j < DIM; j++) {
        centre[j] = rng.nextGaussian();
      }
    }
    double[] user = new double[DIM];
    for (int j = 0; j < DIM; j++) {
      user[j] = rng.nextGaussian();
    }
    double[][] e = new double[n][DIM];
    double[] utility = new double[n];
    for (int i = 0; i < n; i++) {
      double[] centre = centres[rng.nextInt(clusters)];
      for (int j = 0; j < DIM; j++) {
        e[i][j] = centre[j] + 0.5 * rng.nextGaussian();
      }
      double score = Math.exp(-3.0 * i / Math.max(1, n)) * (0.8 + 0.2 * rng.nextDouble());
      double affinity = (1 + cosine(user, e[i])) / 2;
      utility[i] = score + affinity + rng.nextDouble();
    }
    double[] sim = centredCosines(e);
    boolean[] eligible = new boolean[n];
    for (int i = 0; i < n; i++) {
      eligible[i] = rng.nextDouble() >= ineligibleShare;
    }
    List<Cap> caps = new ArrayList<>();
    List<Quota> quotaList = new ArrayList<>();
    int[] brand = new int[n];
    String[] brandNames = new String[Math.max(0, brands)];
    for (int b = 0; b < brandNames.length; b++) {
      brandNames[b] = "b" + b;
    }
    for (int i = 0; i < n; i++) {
      brand[i] = brands > 0 && rng.nextDouble() >= 0.1 ? zipf(rng, brands) : -1;
    }
    if (brands > 0 && brandCap > 0) {
      caps.add(new Cap(BRAND, brandCap, brand, brandNames));
    }
    if (quotas) {
      if (brands >= 2) {
        boolean[] member = new boolean[n];
        for (int i = 0; i < n; i++) {
          member[i] = brand[i] == 1;
        }
        quotaList.add(new Quota(BRAND, brandNames[1], 1 + rng.nextInt(2), member));
      }
      boolean[] red = new boolean[n];
      for (int i = 0; i < n; i++) {
        red[i] = COLORS[rng.nextInt(COLORS.length)].equals("red");
      }
      quotaList.add(new Quota(COLOR, "red", 1 + rng.nextInt(2), red));
    }
    return new Problem(utility, sim, LAMBDA, eligible, caps, quotaList, k);
  }

  /**
   * A problem full of exact ties: utilities in {1, 2, 3}, sims in {0, 0.5, 1}, lambda 1, brands
   * among {@code brands} values capped at {@code brandCap} (no cap when ≤ 0), and when {@code
   * quotaMin} > 0 one quota on brand "b0" with that minimum.
   */
  public static Problem discrete(
      long seed, int n, int k, double ineligibleShare, int brands, int brandCap, int quotaMin) {
    Random rng = new Random(seed);
    double[] utility = new double[n];
    double[] sim = new double[n * n];
    boolean[] eligible = new boolean[n];
    for (int i = 0; i < n; i++) {
      utility[i] = 1 + rng.nextInt(3);
      eligible[i] = rng.nextDouble() >= ineligibleShare;
      for (int j = 0; j < i; j++) {
        double s = rng.nextInt(3) / 2.0;
        sim[i * n + j] = s;
        sim[j * n + i] = s;
      }
    }
    List<Cap> caps = new ArrayList<>();
    List<Quota> quotas = new ArrayList<>();
    if (brands > 0) {
      int[] brand = new int[n];
      String[] names = new String[brands];
      for (int b = 0; b < brands; b++) {
        names[b] = "b" + b;
      }
      boolean[] member = new boolean[n];
      for (int i = 0; i < n; i++) {
        brand[i] = rng.nextInt(brands + 1) - 1;
        member[i] = brand[i] == 0;
      }
      if (brandCap > 0) {
        caps.add(new Cap(BRAND, brandCap, brand, names));
      }
      if (quotaMin > 0) {
        quotas.add(new Quota(BRAND, names[0], quotaMin, member));
      }
    }
    return new Problem(utility, sim, 1.0, eligible, caps, quotas, k);
  }

  /**
   * Like {@link #discrete} but with two group fields, brand (3 values) and colour (3 values), each
   * possibly missing, capped independently (no cap when ≤ 0), and quotas "brand=b0" and
   * "color=red" (none when the minimum is ≤ 0). A document can be in both quotas, and the caps
   * intersect, so neither is a single matroid.
   */
  public static Problem twoFields(
      long seed,
      int n,
      int k,
      double ineligibleShare,
      int brandCap,
      int colorCap,
      int brandQuota,
      int colorQuota) {
    Random rng = new Random(seed);
    double[] utility = new double[n];
    double[] sim = new double[n * n];
    boolean[] eligible = new boolean[n];
    int[] brand = new int[n];
    int[] color = new int[n];
    for (int i = 0; i < n; i++) {
      utility[i] = 1 + rng.nextInt(3) + 0.25 * rng.nextInt(2);
      eligible[i] = rng.nextDouble() >= ineligibleShare;
      brand[i] = rng.nextInt(4) - 1;
      color[i] = rng.nextInt(4) - 1;
      for (int j = 0; j < i; j++) {
        double s = rng.nextInt(3) / 2.0;
        sim[i * n + j] = s;
        sim[j * n + i] = s;
      }
    }
    String[] brands = {"b0", "b1", "b2"};
    String[] colors = {"red", "green", "blue"};
    List<Cap> caps = new ArrayList<>();
    if (brandCap > 0) {
      caps.add(new Cap(BRAND, brandCap, brand, brands));
    }
    if (colorCap > 0) {
      caps.add(new Cap(COLOR, colorCap, color, colors));
    }
    List<Quota> quotas = new ArrayList<>();
    if (brandQuota > 0) {
      boolean[] member = new boolean[n];
      for (int i = 0; i < n; i++) {
        member[i] = brand[i] == 0;
      }
      quotas.add(new Quota(BRAND, brands[0], brandQuota, member));
    }
    if (colorQuota > 0) {
      boolean[] member = new boolean[n];
      for (int i = 0; i < n; i++) {
        member[i] = color[i] == 0;
      }
      quotas.add(new Quota(COLOR, colors[0], colorQuota, member));
    }
    return new Problem(utility, sim, 0.75, eligible, caps, quotas, k);
  }

  /** Brand index with probability proportional to 1/(b+1). */
  private static int zipf(Random rng, int brands) {
    double total = 0;
    for (int b = 0; b < brands; b++) {
      total += 1.0 / (b + 1);
    }
    double x = rng.nextDouble() * total;
    for (int b = 0; b < brands; b++) {
      x -= 1.0 / (b + 1);
      if (x < 0) {
        return b;
      }
    }
    return brands - 1;
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < a.length; j++) {
      dot += a[j] * b[j];
      na += a[j] * a[j];
      nb += b[j] * b[j];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** max(0, cos) of the vectors centred by their mean, as a flat symmetric matrix. */
  private static double[] centredCosines(double[][] e) {
    int n = e.length;
    double[] mean = new double[DIM];
    for (double[] x : e) {
      for (int j = 0; j < DIM; j++) {
        mean[j] += x[j] / n;
      }
    }
    double[][] c = new double[n][DIM];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < DIM; j++) {
        c[i][j] = e[i][j] - mean[j];
      }
    }
    double[] sim = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = Math.min(1, Math.max(0, cosine(c[i], c[j])));
        sim[i * n + j] = s;
        sim[j * n + i] = s;
      }
    }
    return sim;
  }
}
