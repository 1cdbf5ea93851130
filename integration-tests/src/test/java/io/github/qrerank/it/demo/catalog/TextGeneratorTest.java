package io.github.qrerank.it.demo.catalog;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.Test;

public class TextGeneratorTest {

  private static final int N = 4_000;
  private static final String BRAND = "Boron";

  private final TextGenerator text = new TextGenerator(CatalogGenerator.QUALIFIER_EXPONENT);

  @Test
  public void titlesNameBrandThenTypeOrSynonymWithinTheWordLimits() {
    SplittableRandom random = new SplittableRandom(1);
    int[] modifiers = new int[TextGenerator.MAX_MODIFIERS + 1];
    int bySynonym = 0;
    int withSynonyms = 0;
    for (int i = 0; i < N; i++) {
      int c = i % Categories.ALL.size();
      Category category = Categories.ALL.get(c);
      ProductType type = category.types().get(random.nextInt(category.types().size()));
      ProductText t = text.write(c, type, BRAND, random);
      String title = t.title().toLowerCase(Locale.ROOT);
      int words = TextGenerator.wordCount(t.title());
      assertTrue(t.title(), words >= TextGenerator.MIN_TITLE_WORDS);
      assertTrue(t.title(), words <= TextGenerator.MAX_TITLE_WORDS);
      assertTrue(t.title(), t.title().startsWith(BRAND + " "));
      boolean byName = title.contains(type.name().toLowerCase(Locale.ROOT));
      boolean synonym =
          type.synonyms().stream().anyMatch(s -> title.contains(s.toLowerCase(Locale.ROOT)));
      assertTrue(t.title() + " names neither " + type, byName || synonym);
      for (String q : t.qualifiers()) {
        assertTrue(q + " in " + t.title(), category.qualifiers().contains(q));
        assertTrue(q + " in " + t.title(), title.contains(q.toLowerCase(Locale.ROOT)));
      }
      int variants = t.title().split(", ").length - 1;
      modifiers[t.qualifiers().size() + variants]++;
      if (!type.synonyms().isEmpty()) {
        withSynonyms++;
        bySynonym += byName ? 0 : 1;
      }
    }
    for (int m = 0; m <= TextGenerator.MAX_MODIFIERS; m++) {
      assertTrue(m + " modifiers never drawn", modifiers[m] > 0);
    }
    assertEquals(TextGenerator.TITLE_SYNONYM_SHARE, bySynonym / (double) withSynonyms, 0.05);
  }

  @Test
  public void descriptionsVaryInLengthAndNameTheTypeUpToFourTimes() {
    SplittableRandom random = new SplittableRandom(2);
    int[] mentions = new int[TextGenerator.MAX_TYPE_MENTIONS + 1];
    boolean[] lengths = new boolean[TextGenerator.MAX_DESCRIPTION_WORDS + 1];
    for (int i = 0; i < N; i++) {
      int c = i % Categories.ALL.size();
      Category category = Categories.ALL.get(c);
      ProductType type = category.types().get(random.nextInt(category.types().size()));
      ProductText t = text.write(c, type, BRAND, random);
      int words = TextGenerator.wordCount(t.description());
      assertTrue(t.description(), words >= TextGenerator.MIN_DESCRIPTION_WORDS);
      assertTrue(t.description(), words <= TextGenerator.MAX_DESCRIPTION_WORDS);
      lengths[words] = true;
      mentions[t.typeMentions()]++;
      int named = occurrences(t.description(), type.name());
      for (String synonym : type.synonyms()) {
        named += occurrences(t.description(), synonym);
      }
      assertTrue(t.typeMentions() + " mentions of " + type + ": " + t, named >= t.typeMentions());
    }
    for (int m = 0; m <= TextGenerator.MAX_TYPE_MENTIONS; m++) {
      assertTrue(m + " mentions never drawn", mentions[m] > 0);
    }
    int distinctLengths = 0;
    for (boolean seen : lengths) {
      distinctLengths += seen ? 1 : 0;
    }
    assertTrue("description lengths: " + distinctLengths, distinctLengths >= 60);
  }

  @Test
  public void titleCaseKeepsSpecsAndSmallWords() {
    assertEquals("Men's Lightweight", TextGenerator.titleCase("men's lightweight"));
    assertEquals("Core i7 16GB RAM", TextGenerator.titleCase("Core i7 16GB RAM"));
    assertEquals("15.6-inch Quick-dry", TextGenerator.titleCase("15.6-inch quick-dry"));
    assertEquals("With 18-55 mm Lens", TextGenerator.titleCase("with 18-55 mm Lens"));
    assertEquals("Pack of 2", TextGenerator.titleCase("Pack of 2"));
    assertEquals("Dual-SIM eSIM", TextGenerator.titleCase("dual-SIM eSIM"));
  }

  @Test
  public void wordCountCountsSpaceSeparatedWords() {
    assertEquals(0, TextGenerator.wordCount("  "));
    assertEquals(3, TextGenerator.wordCount(" Boron  Running Shoes "));
    assertEquals(4, TextGenerator.wordCount("Sharp, bright.\tFast  charging."));
  }

  private static int occurrences(String text, String phrase) {
    String t = text.toLowerCase(Locale.ROOT);
    String p = phrase.toLowerCase(Locale.ROOT);
    int n = 0;
    for (int i = t.indexOf(p); i >= 0; i = t.indexOf(p, i + p.length())) {
      n++;
    }
    return n;
  }
}
