package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SolrQuerySetTest {
  private final CatalogGenerator catalog = new CatalogGenerator(42);

  @Test
  void queriesAreDistinctAndCarryAShopperVectorOfTheCatalogsDimension() {
    List<SolrQuerySet.BenchQuery> queries = SolrQuerySet.build(catalog, 7);
    assertTrue(queries.size() > 400, "vocabulary too small: " + queries.size());
    long namingBrand = queries.stream().filter(SolrQuerySet.BenchQuery::namesBrand).count();
    assertTrue(namingBrand > 0 && namingBrand < queries.size(), "brand queries: " + namingBrand);
    Set<String> texts = new HashSet<>();
    for (SolrQuerySet.BenchQuery q : queries) {
      assertTrue(texts.add(q.text()), "repeated query " + q.text());
      assertEquals(CatalogGenerator.DIMENSION, q.userVector().length);
      assertTrue(catalog.brandsOf(q.category()).contains(q.brand()), q.toString());
      // Whole words: "insulated hoodie" does not name a brand whose name is a prefix of "hoodie".
      String padded = " " + q.text() + " ";
      boolean hasBrandWord =
          catalog.brandsOf(q.category()).stream()
              .anyMatch(b -> padded.contains(" " + b.toLowerCase(java.util.Locale.ROOT) + " "));
      assertEquals(hasBrandWord, q.namesBrand(), q.text());
      String param = q.userVectorParam();
      assertTrue(param.startsWith("[") && param.endsWith("]"), param);
      assertEquals(CatalogGenerator.DIMENSION, param.split(",").length, param);
    }
  }

  @Test
  void theOrderIsSeeded() {
    List<SolrQuerySet.BenchQuery> a = SolrQuerySet.build(catalog, 7);
    List<SolrQuerySet.BenchQuery> b = SolrQuerySet.build(catalog, 7);
    List<SolrQuerySet.BenchQuery> c = SolrQuerySet.build(catalog, 8);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).text(), b.get(i).text());
      assertArrayEquals(a.get(i).userVector(), b.get(i).userVector());
    }
    assertNotEquals(
        a.stream().map(SolrQuerySet.BenchQuery::text).toList(),
        c.stream().map(SolrQuerySet.BenchQuery::text).toList());
  }
}
