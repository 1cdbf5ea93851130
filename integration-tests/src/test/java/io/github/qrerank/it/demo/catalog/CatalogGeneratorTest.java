package io.github.qrerank.it.demo.catalog;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

public class CatalogGeneratorTest {

  private static final int N = 5_000;

  @Test
  public void sameSeedSameCatalogInAnyOrder() {
    CatalogGenerator a = new CatalogGenerator(7);
    CatalogGenerator b = new CatalogGenerator(7);
    for (int i = N - 1; i >= 0; i -= 97) {
      Product p = a.product(i);
      Product q = b.product(i);
      assertEquals(p.title(), q.title());
      assertEquals(p.stock(), q.stock());
      assertArrayEquals(p.embedding(), q.embedding(), 0f);
    }
    assertNotEquals(a.product(3).title(), new CatalogGenerator(8).product(3).title());
  }

  @Test
  public void categoriesAndBrandsAreZipfDistributed() {
    CatalogGenerator g = new CatalogGenerator(42);
    Map<String, Integer> categories = new HashMap<>();
    Map<String, Integer> shoeBrands = new HashMap<>();
    for (int i = 0; i < N; i++) {
      Product p = g.product(i);
      categories.merge(p.category(), 1, Integer::sum);
      if (p.category().equals("shoes")) {
        shoeBrands.merge(p.brand(), 1, Integer::sum);
      }
    }
    List<Category> all = Categories.ALL;
    assertEquals(all.size(), categories.size());
    int first = categories.get(all.get(0).name());
    int last = categories.get(all.get(all.size() - 1).name());
    assertTrue(categories.toString(), first > 4 * last);
    List<String> brands = g.brandsOf("shoes");
    assertTrue(
        shoeBrands.toString(),
        shoeBrands.get(brands.get(0)) > 4 * shoeBrands.get(brands.get(brands.size() - 1)));
  }

  @Test
  public void aShareIsOutOfStockAndValuesArePlausible() {
    CatalogGenerator g = new CatalogGenerator(42);
    int outOfStock = 0;
    int isNew = 0;
    int sponsored = 0;
    for (int i = 0; i < N; i++) {
      Product p = g.product(i);
      outOfStock += p.stock() == 0 ? 1 : 0;
      isNew += p.isNew() ? 1 : 0;
      sponsored += p.sponsored() ? 1 : 0;
      assertTrue(p.toString(), p.price() >= 0.99f && p.price() < 100_000f);
      assertTrue(p.toString(), p.margin() > 0 && p.margin() < 1);
      assertTrue(p.toString(), p.conversionRate() > 0 && p.conversionRate() < 1);
      assertTrue(p.toString(), p.popularity() >= 0);
      assertTrue(p.toString(), p.stock() >= 0 && p.stock() <= CatalogGenerator.MAX_STOCK);
      assertTrue(p.toString(), p.title().contains(p.brand()));
    }
    assertEquals(CatalogGenerator.OUT_OF_STOCK_SHARE, outOfStock / (double) N, 0.02);
    assertEquals(CatalogGenerator.NEW_SHARE, isNew / (double) N, 0.02);
    assertEquals(CatalogGenerator.SPONSORED_SHARE, sponsored / (double) N, 0.02);
  }

  @Test
  public void embeddingsAreUnitVectorsClusteredByCategory() {
    CatalogGenerator g = new CatalogGenerator(42);
    double same = 0;
    double other = 0;
    int nSame = 0;
    int nOther = 0;
    for (int i = 0; i + 1 < 2_000; i++) {
      Product a = g.product(i);
      Product b = g.product(i + 1);
      assertEquals(CatalogGenerator.DIMENSION, a.embedding().length);
      assertEquals(1.0, dot(a.embedding(), a.embedding()), 1e-5);
      if (a.category().equals(b.category())) {
        same += dot(a.embedding(), b.embedding());
        nSame++;
      } else {
        other += dot(a.embedding(), b.embedding());
        nOther++;
      }
    }
    assertTrue(
        "same " + same / nSame + " other " + other / nOther,
        same / nSame > 0.4 && Math.abs(other / nOther) < 0.2);
  }

  @Test
  public void userVectorIsClosestToItsBrandInItsCategory() {
    CatalogGenerator g = new CatalogGenerator(42);
    String brand = g.brandsOf("shoes").get(2);
    float[] user = g.userVector("shoes", brand);
    double liked = 0;
    double others = 0;
    int nLiked = 0;
    int nOthers = 0;
    for (int i = 0; i < N; i++) {
      Product p = g.product(i);
      if (p.category().equals("shoes")) {
        if (p.brand().equals(brand)) {
          liked += dot(user, p.embedding());
          nLiked++;
        } else {
          others += dot(user, p.embedding());
          nOthers++;
        }
      }
    }
    assertTrue(liked / nLiked + " vs " + others / nOthers, liked / nLiked > others / nOthers + 0.2);
  }

  @Test
  public void embeddingsLeanTowardsTheTitlesQualifiers() {
    CatalogGenerator g = new CatalogGenerator(42);
    for (String qualifier : List.of("lightweight", "cushioned", "waterproof")) {
      float[] direction = g.qualifierDirection(qualifier);
      double with = 0;
      double without = 0;
      int nWith = 0;
      int nWithout = 0;
      for (int i = 0; i < N; i++) {
        Product p = g.product(i);
        if (p.category().equals("shoes")) {
          double projection = dot(direction, p.embedding());
          if (p.title().toLowerCase(Locale.ROOT).contains(qualifier)) {
            with += projection;
            nWith++;
          } else {
            without += projection;
            nWithout++;
          }
        }
      }
      assertTrue(qualifier + " never in a title", nWith > 20);
      assertTrue(
          qualifier + ": " + with / nWith + " vs " + without / nWithout,
          with / nWith > without / nWithout + 0.1);
    }
  }

  @Test
  public void demoQueryWordsOccurInTitlesAndDescriptionsAVaryingNumberOfTimes() {
    CatalogGenerator g = new CatalogGenerator(42);
    for (String word : List.of("running", "laptop", "coffee")) {
      Pattern pattern = Pattern.compile("\\b" + word + "\\b", Pattern.CASE_INSENSITIVE);
      int inTitle = 0;
      int onlyInDescription = 0;
      int[] descriptionCounts = new int[6];
      // What BM25 sees of a title match: title length, counts and length of the description.
      Set<List<Integer>> scoreInputs = new HashSet<>();
      for (int i = 0; i < N; i++) {
        Product p = g.product(i);
        int t = count(pattern, p.title());
        int d = count(pattern, p.description());
        if (t > 0) {
          inTitle++;
          scoreInputs.add(
              List.of(
                  TextGenerator.wordCount(p.title()),
                  t,
                  d,
                  TextGenerator.wordCount(p.description())));
        } else if (d > 0) {
          onlyInDescription++;
        }
        if (t > 0 || d > 0) {
          descriptionCounts[Math.min(d, descriptionCounts.length - 1)]++;
        }
      }
      String stats =
          word
              + ": "
              + inTitle
              + " in titles, "
              + onlyInDescription
              + " only in "
              + "descriptions, description counts "
              + Arrays.toString(descriptionCounts);
      assertTrue(stats, inTitle > N / 20);
      assertTrue(stats, onlyInDescription > N / 100);
      for (int c = 0; c <= TextGenerator.MAX_TYPE_MENTIONS; c++) {
        assertTrue(stats, descriptionCounts[c] > 0);
      }
      assertTrue(stats + ", distinct score inputs " + scoreInputs.size(), scoreInputs.size() > 150);
    }
  }

  private static int count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
