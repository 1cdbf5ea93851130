package io.github.qrerank.it.demo.catalog;

import java.util.List;

/**
 * A product's generated text and how it was made.
 *
 * @param title brand, 0-5 modifiers and the product type (its name or a synonym)
 * @param description sentences about the product, some naming its type
 * @param qualifiers the qualifiers (adjectives, specs) in the title, in title order
 * @param typeMentions how many description sentences name the product type (by its name or a
 *     synonym)
 */
record ProductText(String title, String description, List<String> qualifiers, int typeMentions) {

  ProductText {
    qualifiers = List.copyOf(qualifiers);
  }
}
