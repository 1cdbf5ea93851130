package io.github.qrerank.it.demo.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded, synthetic product catalog. Categories are Zipf-distributed (see {@link Categories}),
 * each category sells a Zipf-distributed subset of a shared brand pool, and within a category the
 * product types and title qualifiers are Zipf-distributed too. Titles and descriptions vary in
 * length and in how often they name the product type (see {@link TextGenerator}), so BM25 scores
 * spread as in a real catalog. A share of the products is out of stock, prices are log-normal
 * around the category's median, and the 32-dimensional embeddings cluster by category, then by
 * product type and brand, and lean mildly towards the title's qualifiers.
 *
 * <p>Product {@code i} depends only on the seed and {@code i}, so any range of products can be
 * generated independently and in any order.
 */
public final class CatalogGenerator {

  /** The dimension of {@code embedding} in the products configset. */
  public static final int DIMENSION = 32;

  static final double CATEGORY_EXPONENT = 0.8;
  static final double BRAND_EXPONENT = 1.1;
  static final double TYPE_EXPONENT = 0.6;
  static final double QUALIFIER_EXPONENT = 0.7;
  static final int BRAND_POOL_SIZE = 60;
  static final int BRANDS_PER_CATEGORY = 14;
  static final double OUT_OF_STOCK_SHARE = 0.15;
  static final double NEW_SHARE = 0.12;
  static final double SPONSORED_SHARE = 0.06;
  static final double MEAN_STOCK = 40;
  static final int MAX_STOCK = 999;

  private static final double BRAND_WEIGHT = 0.55;
  private static final double PRODUCT_WEIGHT = 0.5;
  private static final double QUALIFIER_WEIGHT = 0.3;
  private static final double NOISE_WEIGHT = 0.45;
  private static final double USER_BRAND_WEIGHT = 0.8;

  private static final String[] HEADS = {
    "Al", "Bor", "Cal", "Del", "Ev", "Fen", "Gal", "Hal", "Ir", "Jun", "Kor", "Lum", "Mar", "Nor",
    "Or", "Pax", "Quin", "Ro", "Sol", "Tor", "Ul", "Ven", "Wex", "Zen", "Ash", "Brio", "Cor", "Dun"
  };
  private static final String[] TAILS = {
    "a", "o", "ex", "ia", "on", "ix", "us", "era", "ora", "ant", "ine", "is", "um", "ell"
  };

  private final long seed;
  private final Discrete categoryRanks = Discrete.zipf(Categories.ALL.size(), CATEGORY_EXPONENT);
  private final Discrete brandRanks = Discrete.zipf(BRANDS_PER_CATEGORY, BRAND_EXPONENT);
  private final Discrete[] typeRanks = new Discrete[Categories.ALL.size()];
  private final TextGenerator text = new TextGenerator(QUALIFIER_EXPONENT);
  private final List<List<String>> brandsByCategory = new ArrayList<>();
  private final float[][] categoryDirections;
  private final float[][][] productDirections;
  private final Map<String, float[]> brandDirections = new HashMap<>();
  private final Map<String, float[]> qualifierDirections = new HashMap<>();

  public CatalogGenerator(long seed) {
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    List<String> pool = brandPool(random);
    for (int c = 0; c < Categories.ALL.size(); c++) {
      List<String> shuffled = new ArrayList<>(pool);
      shuffle(shuffled, random);
      brandsByCategory.add(List.copyOf(shuffled.subList(0, BRANDS_PER_CATEGORY)));
    }
    for (String brand : pool) {
      brandDirections.put(brand, unitGaussian(random));
    }
    categoryDirections = new float[Categories.ALL.size()][];
    productDirections = new float[Categories.ALL.size()][][];
    for (int c = 0; c < Categories.ALL.size(); c++) {
      Category category = Categories.ALL.get(c);
      categoryDirections[c] = unitGaussian(random);
      int types = category.types().size();
      typeRanks[c] = Discrete.zipf(types, TYPE_EXPONENT);
      productDirections[c] = new float[types][];
      for (int p = 0; p < types; p++) {
        productDirections[c][p] = unitGaussian(random);
      }
      for (String qualifier : category.qualifiers()) {
        // A qualifier shared by categories ("lightweight") keeps its first direction.
        float[] direction = unitGaussian(random);
        qualifierDirections.putIfAbsent(qualifier, direction);
      }
    }
  }

  /** The brands of {@code category}, most frequent first. */
  public List<String> brandsOf(String category) {
    return brandsByCategory.get(categoryIndex(category));
  }

  /**
   * A shopper's vector: close to the products of {@code category}, and closest to those of {@code
   * brand}.
   */
  public float[] userVector(String category, String brand) {
    int c = categoryIndex(category);
    float[] brandDirection = brandDirections.get(brand);
    if (brandDirection == null) {
      throw new IllegalArgumentException("unknown brand: " + brand);
    }
    float[] v = new float[DIMENSION];
    for (int d = 0; d < DIMENSION; d++) {
      v[d] = categoryDirections[c][d] + (float) USER_BRAND_WEIGHT * brandDirection[d];
    }
    return normalise(v);
  }

  /** The unit direction a title qualifier adds to a product's embedding (for tests). */
  float[] qualifierDirection(String qualifier) {
    float[] direction = qualifierDirections.get(qualifier);
    if (direction == null) {
      throw new IllegalArgumentException("unknown qualifier: " + qualifier);
    }
    return direction.clone();
  }

  /** Product {@code index} (0-based) of the catalog. */
  public Product product(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    SplittableRandom random =
        new SplittableRandom(new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L)).nextLong());
    int c = categoryRanks.sample(random);
    Category category = Categories.ALL.get(c);
    int brandRank = brandRanks.sample(random);
    String brand = brandsByCategory.get(c).get(brandRank);
    int p = typeRanks[c].sample(random);
    ProductText words = text.write(c, category.types().get(p), brand, random);

    float price = price(category.medianPrice() * Math.exp(0.5 * random.nextGaussian()));
    float margin = (float) clamp(category.baseMargin() + 0.08 * random.nextGaussian(), 0.02, 0.7);
    double brandAppeal = 1.0 + 0.5 / (1 + brandRank);
    double rawConversion =
        category.baseConversion() * brandAppeal * Math.exp(0.5 * random.nextGaussian());
    float conversion = (float) clamp(rawConversion, 0.001, 0.3);
    double rawPopularity = 100 * brandAppeal * Math.exp(0.9 * random.nextGaussian());
    float popularity = (float) (Math.round(rawPopularity * 10) / 10.0);
    int stock = stock(random);
    boolean isNew = random.nextDouble() < NEW_SHARE;
    boolean sponsored = random.nextDouble() < SPONSORED_SHARE;
    float[] embedding = embedding(c, p, brand, words.qualifiers(), random);
    return new Product(
        String.format(Locale.ROOT, "P%07d", index + 1),
        words.title(),
        words.description(),
        brand,
        category.name(),
        price,
        conversion,
        margin,
        popularity,
        stock,
        isNew,
        sponsored,
        embedding);
  }

  /** 0 for a share of the products, otherwise exponential around {@link #MEAN_STOCK}. */
  private static int stock(SplittableRandom random) {
    if (random.nextDouble() < OUT_OF_STOCK_SHARE) {
      return 0;
    }
    double units = 1 + Math.floor(-MEAN_STOCK * Math.log(1 - random.nextDouble()));
    return (int) Math.min(MAX_STOCK, units);
  }

  private float[] embedding(
      int c, int p, String brand, List<String> qualifiers, SplittableRandom random) {
    float[] brandDirection = brandDirections.get(brand);
    float[] v = new float[DIMENSION];
    double noiseScale = NOISE_WEIGHT / Math.sqrt(DIMENSION);
    for (int d = 0; d < DIMENSION; d++) {
      double x =
          categoryDirections[c][d]
              + PRODUCT_WEIGHT * productDirections[c][p][d]
              + BRAND_WEIGHT * brandDirection[d]
              + noiseScale * random.nextGaussian();
      for (String q : qualifiers) {
        x += QUALIFIER_WEIGHT * qualifierDirections.get(q)[d];
      }
      v[d] = (float) x;
    }
    return normalise(v);
  }

  private static int categoryIndex(String category) {
    for (int c = 0; c < Categories.ALL.size(); c++) {
      if (Categories.ALL.get(c).name().equals(category)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown category: " + category);
  }

  private static List<String> brandPool(SplittableRandom random) {
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < BRAND_POOL_SIZE) {
      names.add(HEADS[random.nextInt(HEADS.length)] + TAILS[random.nextInt(TAILS.length)]);
    }
    return List.copyOf(names);
  }

  private static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  private static float[] unitGaussian(SplittableRandom random) {
    float[] v = new float[DIMENSION];
    for (int d = 0; d < DIMENSION; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return normalise(v);
  }

  private static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) (v[d] / norm);
    }
    return v;
  }

  private static float price(double raw) {
    if (raw >= 20) {
      return (float) (Math.floor(raw) + 0.99);
    }
    return (float) Math.max(0.99, Math.round(raw * 100) / 100.0);
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
