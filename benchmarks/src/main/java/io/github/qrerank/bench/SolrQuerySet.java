package io.github.qrerank.bench;

import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import io.github.qrerank.it.demo.catalog.Categories;
import io.github.qrerank.it.demo.catalog.Category;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Distinct text queries from the demo catalog's own vocabulary (for every category: its product
 * nouns, "qualifier noun", "brand noun", and its qualifiers and top brands alone), each with a
 * shopper vector from {@link CatalogGenerator#userVector} for a brand of that category. Seeded; no
 * query text repeats, so no measured request can be answered from a result cache filled by an
 * earlier one.
 */
final class SolrQuerySet {
  /** Brands per category a shopper's vector is drawn from (the most frequent ones). */
  private static final int SHOPPER_BRANDS = 5;

  /**
   * @param namesBrand the text contains a brand name: its hits are mostly that one brand, so a
   *     brand cap leaves fewer than k to select
   */
  record BenchQuery(
      String text, String category, boolean namesBrand, String brand, float[] userVector) {
    /** The vector in the {@code [f1,f2,...]} form of the {@code userVector} parameter. */
    String userVectorParam() {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < userVector.length; i++) {
        sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", userVector[i]));
      }
      return sb.append(']').toString();
    }

    /**
     * The same query with the shopper vector's first coordinate moved by {@code round}·10⁻⁵ (the
     * last digit {@link #userVectorParam} writes): the same first pass, window and work, but
     * another rank query, so Solr's query result cache (whose key includes the rank query) cannot
     * answer a repeated warm-up request.
     */
    BenchQuery nudged(int round) {
      float[] moved = userVector.clone();
      moved[0] += round * 1e-5f;
      return new BenchQuery(text, category, namesBrand, brand, moved);
    }
  }

  private record Candidate(String text, String category, boolean namesBrand) {}

  private SolrQuerySet() {}

  /** Every distinct query of the vocabulary, in a seeded order. */
  static List<BenchQuery> build(CatalogGenerator catalog, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Candidate> candidates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Category c : Categories.ALL) {
      List<String> brands = catalog.brandsOf(c.name());
      int shopperBrands = Math.min(SHOPPER_BRANDS, brands.size());
      for (int b = 0; b < shopperBrands; b++) {
        add(candidates, seen, new Candidate(brands.get(b), c.name(), true));
      }
      for (String qualifier : c.qualifiers()) {
        add(candidates, seen, new Candidate(qualifier, c.name(), false));
      }
      for (String noun : c.products()) {
        add(candidates, seen, new Candidate(noun, c.name(), false));
        for (String qualifier : c.qualifiers()) {
          add(candidates, seen, new Candidate(qualifier + " " + noun, c.name(), false));
        }
        for (int b = 0; b < shopperBrands; b++) {
          add(candidates, seen, new Candidate(brands.get(b) + " " + noun, c.name(), true));
        }
      }
    }
    for (int i = candidates.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Candidate t = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, t);
    }
    List<BenchQuery> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      List<String> brands = catalog.brandsOf(c.category());
      String brand = brands.get(random.nextInt(Math.min(SHOPPER_BRANDS, brands.size())));
      out.add(
          new BenchQuery(
              c.text(),
              c.category(),
              c.namesBrand(),
              brand,
              catalog.userVector(c.category(), brand)));
    }
    return out;
  }

  private static void add(List<Candidate> candidates, Set<String> seen, Candidate c) {
    String key = c.text().toLowerCase(Locale.ROOT);
    if (seen.add(key)) {
      candidates.add(new Candidate(key, c.category(), c.namesBrand()));
    }
  }
}
