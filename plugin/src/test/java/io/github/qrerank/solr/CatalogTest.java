package io.github.qrerank.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The test catalog is the same whatever the JVM's default locale. The Solr test classes build the
 * shared catalog of {@link QRerankSearchTest} under whichever class's randomized locale touches it
 * first, and delete {@link QRerankSearchTest#DELETED} by literal ASCII ids; ids formatted with the
 * default locale (Arabic, Persian, Thai, Devanagari... digits) matched none of them.
 */
class CatalogTest {
  /** Locales whose default digits are not ASCII, and one whose are. */
  private static final List<String> LOCALES =
      List.of("en-US", "ar-EG", "fa-IR", "th-TH-u-nu-thai", "mr-IN", "my-MM", "bn-BD");

  @Test
  void idsDoNotDependOnTheDefaultLocale() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      expected.add("p" + (i < 10 ? "00" : "0") + i); // Integer.toString: ASCII digits always
    }
    for (String tag : LOCALES) {
      assertEquals(expected, ids(Locale.forLanguageTag(tag)), tag);
    }
  }

  @Test
  void theDeletedIdsAreInTheCatalogUnderAnyLocale() {
    for (String tag : LOCALES) {
      Catalog catalog = under(Locale.forLanguageTag(tag), () -> new Catalog(11L, 90));
      for (String id : QRerankSearchTest.DELETED) {
        assertNotNull(catalog.get(id), tag + ": " + id);
      }
    }
  }

  private static List<String> ids(Locale locale) {
    Catalog catalog = under(locale, () -> new Catalog(11L, 90));
    return catalog.all().stream().map(Catalog.Product::id).toList();
  }

  /** Runs {@code action} with {@code locale} as the default locale, restored afterwards. */
  private static <T> T under(Locale locale, Supplier<T> action) {
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    Locale display = Locale.getDefault(Locale.Category.DISPLAY);
    Locale general = Locale.getDefault();
    Locale.setDefault(locale);
    try {
      return action.get();
    } finally {
      Locale.setDefault(general);
      Locale.setDefault(Locale.Category.FORMAT, format);
      Locale.setDefault(Locale.Category.DISPLAY, display);
    }
  }
}
