package io.github.qrerank.bench;

import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import io.github.qrerank.it.demo.catalog.Categories;
import io.github.qrerank.it.demo.catalog.Category;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

  record BenchQuery(String text, String category, String brand, float[] userVector) {
    /** The vector in the {@code [f1,f2,...]} form of the {@code userVector} parameter. */
    String userVectorParam() {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < userVector.length; i++) {
        sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", userVector[i]));
      }
      return sb.append(']').toString();
    }
  }

  private SolrQuerySet() {}

  /** Every distinct query of the vocabulary, in a seeded order. */
  static List<BenchQuery> build(CatalogGenerator catalog, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String[]> candidates = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Category c : Categories.ALL) {
      List<String> brands = catalog.brandsOf(c.name());
      for (int b = 0; b < SHOPPER_BRANDS && b < brands.size(); b++) {
        add(candidates, seen, brands.get(b), c.name());
      }
      for (String qualifier : c.qualifiers()) {
        add(candidates, seen, qualifier, c.name());
      }
      for (String noun : c.products()) {
        add(candidates, seen, noun, c.name());
        for (String qualifier : c.qualifiers()) {
          add(candidates, seen, qualifier + " " + noun, c.name());
        }
        for (int b = 0; b < SHOPPER_BRANDS && b < brands.size(); b++) {
          add(candidates, seen, brands.get(b) + " " + noun, c.name());
        }
      }
    }
    for (int i = candidates.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String[] t = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, t);
    }
    List<BenchQuery> out = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      String text = candidates.get(i)[0];
      String category = candidates.get(i)[1];
      List<String> brands = catalog.brandsOf(category);
      String brand = brands.get(random.nextInt(Math.min(SHOPPER_BRANDS, brands.size())));
      out.add(new BenchQuery(text, category, brand, catalog.userVector(category, brand)));
    }
    return out;
  }

  private static void add(List<String[]> candidates, Set<String> seen, String text, String cat) {
    String key = text.toLowerCase(Locale.ROOT);
    if (seen.add(key)) {
      candidates.add(new String[] {key, cat});
    }
  }
}
