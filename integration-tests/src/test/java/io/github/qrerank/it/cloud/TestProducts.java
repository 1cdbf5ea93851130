package io.github.qrerank.it.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.solr.common.SolrInputDocument;

/**
 * A small seeded product catalog for the SolrCloud tests: few brands with a skewed distribution (so
 * that caps bind), four categories, a share out of stock, 32-dimensional embeddings clustered by
 * category, and some documents without a margin, a brand or a vector. Every popularity is distinct,
 * so that {@code q={!func}popularity} orders the documents the same way on any number of shards.
 */
final class TestProducts {
  static final int DIMENSION = 32;
  static final List<String> CATEGORIES = List.of("coffee", "tea", "cocoa", "juice");
  private static final String[] BRANDS = {"acme", "bolt", "cedar", "dune", "echo", "flint"};

  private TestProducts() {}

  static List<SolrInputDocument> generate(int count, long seed) {
    Random random = new Random(seed);
    float[][] centres = new float[CATEGORIES.size()][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = gaussian(random, 1.0);
    }
    List<SolrInputDocument> docs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int category = random.nextInt(CATEGORIES.size());
      SolrInputDocument doc = new SolrInputDocument();
      doc.addField("id", String.format(Locale.ROOT, "p%05d", i));
      doc.addField("title", CATEGORIES.get(category) + " product " + i);
      doc.addField("category", CATEGORIES.get(category));
      if (random.nextInt(20) != 0) {
        // skewed: acme is the most frequent brand
        int b = Math.min(BRANDS.length - 1, (int) Math.floor(-Math.log(random.nextDouble()) * 1.5));
        doc.addField("brand", BRANDS[b]);
      }
      // distinct popularities: a permutation of 0..count-1 scaled, plus a small random part
      doc.addField("popularity", (float) (((i * 7919L) % count) + random.nextFloat() * 0.5));
      doc.addField("price", 1f + random.nextInt(10_000) / 100f);
      if (random.nextInt(10) != 0) {
        doc.addField("margin", random.nextFloat());
      }
      doc.addField("conversion_rate", random.nextFloat() * 0.1f);
      doc.addField("stock", random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50));
      doc.addField("is_new", random.nextBoolean());
      doc.addField("sponsored", random.nextInt(8) == 0);
      if (random.nextInt(15) != 0) {
        float[] e = centres[category].clone();
        float[] noise = gaussian(random, 0.6);
        List<Float> vector = new ArrayList<>(DIMENSION);
        for (int d = 0; d < DIMENSION; d++) {
          vector.add(e[d] + noise[d]);
        }
        doc.addField("embedding", vector);
      }
      docs.add(doc);
    }
    return docs;
  }

  static String vector(Random random) {
    float[] v = gaussian(random, 1.0);
    StringBuilder sb = new StringBuilder("[");
    for (int d = 0; d < v.length; d++) {
      sb.append(d == 0 ? "" : ",").append(v[d]);
    }
    return sb.append(']').toString();
  }

  private static float[] gaussian(Random random, double sigma) {
    float[] v = new float[DIMENSION];
    for (int d = 0; d < DIMENSION; d++) {
      v[d] = (float) (random.nextGaussian() * sigma);
    }
    return v;
  }
}
