package io.github.qrerank.solr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.solr.common.SolrInputDocument;

/**
 * A seeded product catalog for the tests: every document's values are known to the test, so the
 * values qrerank reads from the index can be checked against them. About one value in ten is left
 * out, so that missing values are exercised everywhere.
 */
final class Catalog {
  static final String[] WORDS = {
    "phone", "case", "charger", "cable", "screen", "wireless", "fast", "pro", "mini", "max"
  };
  static final String[] BRANDS = {"acme", "globex", "initech", "umbrella", "hooli", "stark"};
  static final String[] CATEGORIES = {"audio", "mobile", "computing", "home"};

  /** One document's values; null where the document has none. */
  record Product(
      String id,
      String title,
      String brand,
      String category,
      Float price,
      Float margin,
      Float popularity,
      Integer stock,
      Long views,
      Double rating,
      Boolean isNew,
      Boolean sponsored,
      float[] embedding,
      int[] embeddingByte) {

    SolrInputDocument toDoc() {
      SolrInputDocument d = new SolrInputDocument();
      d.addField("id", id);
      d.addField("title", title);
      addIfPresent(d, "brand", brand);
      addIfPresent(d, "category", category);
      addIfPresent(d, "price", price);
      addIfPresent(d, "margin", margin);
      addIfPresent(d, "popularity", popularity);
      addIfPresent(d, "stock", stock);
      addIfPresent(d, "views", views);
      addIfPresent(d, "rating", rating);
      addIfPresent(d, "is_new", isNew);
      addIfPresent(d, "sponsored", sponsored);
      if (embedding != null) {
        List<Float> v = new ArrayList<>();
        for (float f : embedding) {
          v.add(f);
        }
        d.addField("embedding", v);
      }
      if (embeddingByte != null) {
        List<Integer> v = new ArrayList<>();
        for (int b : embeddingByte) {
          v.add(b);
        }
        d.addField("embedding_byte", v);
      }
      return d;
    }

    private static void addIfPresent(SolrInputDocument d, String field, Object value) {
      if (value != null) {
        d.addField(field, value);
      }
    }
  }

  private final Map<String, Product> products = new LinkedHashMap<>();

  Catalog(long seed, int size) {
    Random r = new Random(seed);
    for (int i = 0; i < size; i++) {
      // Locale.ROOT: the ids must not depend on the default locale, which the Solr test classes
      // randomize (some locales format %d with non-ASCII digits) and which is whatever class's
      // locale first touches a shared catalog; tests address documents by literal ids ("p004").
      String id = String.format(Locale.ROOT, "p%03d", i);
      StringBuilder title = new StringBuilder();
      int words = 2 + r.nextInt(5);
      for (int w = 0; w < words; w++) {
        title.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
      }
      float[] embedding = null;
      if (r.nextInt(10) != 0) {
        embedding = new float[4];
        for (int d = 0; d < 4; d++) {
          embedding[d] = Math.round((r.nextFloat() * 2 - 1) * 1000) / 1000f;
        }
      }
      int[] embeddingByte = null;
      if (r.nextInt(10) != 0) {
        embeddingByte = new int[4];
        for (int d = 0; d < 4; d++) {
          embeddingByte[d] = r.nextInt(201) - 100;
        }
      }
      products.put(
          id,
          new Product(
              id,
              title.toString(),
              maybe(r, BRANDS[r.nextInt(BRANDS.length)]),
              maybe(r, CATEGORIES[r.nextInt(CATEGORIES.length)]),
              maybe(r, Math.round(r.nextFloat() * 50000) / 100f),
              maybe(r, Math.round(r.nextFloat() * 5000) / 10000f),
              maybe(r, r.nextFloat() * 100),
              maybe(r, r.nextInt(11)),
              maybe(r, 3_000_000_000L + r.nextInt(1_000_000)),
              maybe(r, 1 + r.nextDouble() * 4),
              maybe(r, r.nextBoolean()),
              maybe(r, r.nextInt(4) == 0),
              embedding,
              embeddingByte));
    }
  }

  private static <T> T maybe(Random r, T value) {
    return r.nextInt(10) == 0 ? null : value;
  }

  Product get(String id) {
    return products.get(id);
  }

  List<Product> all() {
    return new ArrayList<>(products.values());
  }
}
