package io.github.qrerank.it.demo.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes a product's title and description so that text relevance varies as in a real catalog:
 * titles of 2-9 words (brand, 0-5 qualifiers and variants, the product type by its name or a
 * synonym), descriptions of 10-80 words that name the product type 0-4 times among sentences about
 * the category and about shopping. Query words thus occur a varying number of times in fields of
 * varying length, in the title, in the description only, or in both, which spreads BM25 scores.
 */
final class TextGenerator {

  static final int MIN_TITLE_WORDS = 2;
  static final int MAX_TITLE_WORDS = 9;
  static final int MAX_MODIFIERS = 5;
  static final int MIN_DESCRIPTION_WORDS = 10;
  static final int MAX_DESCRIPTION_WORDS = 80;
  static final int MAX_TYPE_MENTIONS = 4;

  /** Share of titles naming the product type by a synonym (when it has one). */
  static final double TITLE_SYNONYM_SHARE = 0.3;

  /** Share of description mentions naming the product type by a synonym (when it has one). */
  static final double MENTION_SYNONYM_SHARE = 0.2;

  /** Share of title modifiers that are qualifiers (before the type) rather than variants. */
  static final double QUALIFIER_SHARE = 0.65;

  /** Share of filler sentences taken from the category's features rather than shop sentences. */
  static final double FEATURE_SHARE = 0.7;

  /** P(0..5 modifiers in a title). */
  private static final Discrete MODIFIER_COUNT = new Discrete(3, 20, 27, 23, 15, 12);

  /** P(0..4 description sentences naming the type). */
  private static final Discrete MENTION_COUNT = new Discrete(12, 33, 27, 17, 11);

  /** Sentences naming the type: {brand}, {type} and {q} (a qualifier) are filled in. */
  private static final List<String> MENTIONS =
      List.of(
          "Built for everyday use: the {brand} {type}.",
          "{type} from {brand}, {q} and made to last.",
          "Looking for {q} {type}? Start here.",
          "Shop the full {brand} {type} range.",
          "Best-selling {type} of the season.",
          "Every {type} order ships free.",
          "A favourite {type} pick among reviewers.",
          "Compare our {type} models side by side.",
          "Not sure which {type} to choose? Read our buying guide.",
          "{q} {type}, designed by {brand}.");

  /** Sentences any product's description may use. */
  private static final List<String> SHOP_SENTENCES =
      List.of(
          "Free delivery on orders over 50.",
          "Returns accepted within 30 days.",
          "Backed by a two-year manufacturer warranty.",
          "Ships in plastic-free packaging.",
          "Rated 4.6 out of 5 by verified buyers.",
          "Designed in Europe, made to last.",
          "Part of our best-selling range.",
          "Order before 2 pm for next-day dispatch.",
          "Gift wrapping available at checkout.",
          "Questions? Our support team replies within a day.",
          "Join our rewards club and earn points on every order.",
          "Stock is limited, so order soon.");

  /** Words titleCase capitalises: lower-case letters up to the first hyphen, if any. */
  private static final Pattern PLAIN_WORD = Pattern.compile("[a-z][a-z'.]*(-.*)?");

  private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s-]+");

  /** Words titleCase leaves in lower case inside a title: small words and units. */
  private static final List<String> SMALL_WORDS =
      List.of("with", "and", "of", "for", "mm", "g", "kg", "lb", "oz");

  private final Discrete[] qualifierRanks;

  TextGenerator(double qualifierExponent) {
    qualifierRanks = new Discrete[Categories.ALL.size()];
    for (int c = 0; c < qualifierRanks.length; c++) {
      qualifierRanks[c] =
          Discrete.zipf(Categories.ALL.get(c).qualifiers().size(), qualifierExponent);
    }
  }

  /** Title and description of a product of category {@code c}, type {@code type}, by brand. */
  ProductText write(int c, ProductType type, String brand, SplittableRandom random) {
    Category category = Categories.ALL.get(c);
    String titleType =
        !type.synonyms().isEmpty() && random.nextDouble() < TITLE_SYNONYM_SHARE
            ? pick(type.synonyms(), random)
            : type.name();
    List<String> qualifiers = new ArrayList<>();
    List<String> variants = new ArrayList<>();
    int modifiers = MODIFIER_COUNT.sample(random);
    int words = 1 + wordCount(titleType);
    for (int attempt = 0;
        attempt < 4 * MAX_MODIFIERS && qualifiers.size() + variants.size() < modifiers;
        attempt++) {
      boolean qualifier = random.nextDouble() < QUALIFIER_SHARE;
      String m =
          qualifier
              ? category.qualifiers().get(qualifierRanks[c].sample(random))
              : pick(category.variants(), random);
      if (words + wordCount(m) > MAX_TITLE_WORDS
          || sharesWord(m, titleType)
          || conflicts(m, qualifiers, false)
          || conflicts(m, variants, !qualifier)) {
        continue;
      }
      (qualifier ? qualifiers : variants).add(m);
      words += wordCount(m);
    }
    StringBuilder title = new StringBuilder(brand);
    for (String q : qualifiers) {
      title.append(' ').append(titleCase(q));
    }
    title.append(' ').append(titleCase(titleType));
    for (String v : variants) {
      title.append(", ").append(titleCase(v));
    }
    int mentions = MENTION_COUNT.sample(random);
    String description = description(c, type, brand, mentions, random);
    return new ProductText(title.toString(), description, qualifiers, mentions);
  }

  private String description(
      int c, ProductType type, String brand, int mentions, SplittableRandom random) {
    Category category = Categories.ALL.get(c);
    double logMin = Math.log(MIN_DESCRIPTION_WORDS);
    double logMax = Math.log(MAX_DESCRIPTION_WORDS);
    int target = (int) Math.round(Math.exp(logMin + random.nextDouble() * (logMax - logMin)));
    List<String> sentences = new ArrayList<>();
    int words = 0;
    List<String> templates = shuffled(MENTIONS, random);
    for (int i = 0; i < mentions; i++) {
      String name =
          !type.synonyms().isEmpty() && random.nextDouble() < MENTION_SYNONYM_SHARE
              ? pick(type.synonyms(), random)
              : type.name();
      String q = category.qualifiers().get(qualifierRanks[c].sample(random));
      String sentence =
          capitalise(
              templates.get(i).replace("{brand}", brand).replace("{type}", name).replace("{q}", q));
      sentences.add(sentence);
      words += wordCount(sentence);
    }
    List<String> features = shuffled(category.features(), random);
    List<String> shop = shuffled(SHOP_SENTENCES, random);
    int f = 0;
    int s = 0;
    while ((words < target || words < MIN_DESCRIPTION_WORDS)
        && (f < features.size() || s < shop.size())) {
      boolean feature =
          s >= shop.size() || (f < features.size() && random.nextDouble() < FEATURE_SHARE);
      String sentence = feature ? features.get(f++) : shop.get(s++);
      if (words + wordCount(sentence) <= MAX_DESCRIPTION_WORDS) {
        sentences.add(sentence);
        words += wordCount(sentence);
      }
    }
    return String.join(" ", shuffled(sentences, random));
  }

  /** The number of space-separated words of {@code text}. */
  static int wordCount(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /** True when {@code modifier} repeats a word of the type, e.g. "GPS" for "GPS watch". */
  private static boolean sharesWord(String modifier, String type) {
    for (String w : words(modifier)) {
      for (String t : words(type)) {
        if (w.equals(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when {@code modifier} would contradict or repeat one of {@code chosen}: the same last word
   * ("14-inch" and "16-inch", "dark roast" and "light roast"), the same first word of two
   * multi-word modifiers ("Size 9" and "Size 10"), two possessives ("men's", "women's") or, among
   * variants, two one-word ones ("Black", "Navy", "XL").
   */
  private static boolean conflicts(String modifier, List<String> chosen, boolean variants) {
    List<String> mw = words(modifier);
    for (String other : chosen) {
      List<String> ow = words(other);
      boolean sameLast = mw.get(mw.size() - 1).equals(ow.get(ow.size() - 1));
      boolean sameFirst = mw.size() > 1 && ow.size() > 1 && mw.get(0).equals(ow.get(0));
      boolean possessives = possessive(modifier) && possessive(other);
      boolean oneWordVariants = variants && !modifier.contains(" ") && !other.contains(" ");
      if (sameLast || sameFirst || possessives || oneWordVariants) {
        return true;
      }
    }
    return false;
  }

  private static boolean possessive(String word) {
    return word.endsWith("'s") || word.endsWith("s'");
  }

  /** Lower-case words of {@code text}, split at spaces and hyphens. */
  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static <T> List<T> shuffled(List<T> list, SplittableRandom random) {
    List<T> out = new ArrayList<>(list);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }

  private static String pick(List<String> words, SplittableRandom random) {
    return words.get(random.nextInt(words.size()));
  }

  private static String capitalise(String sentence) {
    return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }

  /**
   * Upper-cases the first letter of every word that starts in lower case up to its first hyphen
   * ("cushioned", "men's", "dual-SIM"), leaving small words and units ("with", "of", "mm", "kg")
   * inside a title and words such as "i7", "eSIM" or "15.6-inch" as they are.
   */
  static String titleCase(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (i > 0) {
        sb.append(' ');
      }
      boolean small = i > 0 && SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT));
      boolean plain = PLAIN_WORD.matcher(w).matches();
      sb.append(small ? w.toLowerCase(Locale.ROOT) : plain ? capitalise(w) : w);
    }
    return sb.toString();
  }
}
