package io.github.qrerank.it.demo.catalog;

import java.util.List;

/**
 * One product category of the generated catalog and the words its titles and descriptions are made
 * of.
 *
 * @param name the {@code category} field value
 * @param products product nouns ("running shoes", "laptop", ...), one per title
 * @param qualifiers adjectives put before the noun in some titles
 * @param features description sentences
 * @param medianPrice median of the category's log-normal price distribution
 * @param baseMargin typical margin (fraction of the price)
 * @param baseConversion typical conversion rate
 */
public record Category(
    String name,
    List<String> products,
    List<String> qualifiers,
    List<String> features,
    double medianPrice,
    double baseMargin,
    double baseConversion) {

  public Category {
    products = List.copyOf(products);
    qualifiers = List.copyOf(qualifiers);
    features = List.copyOf(features);
    if (products.isEmpty() || qualifiers.isEmpty() || features.isEmpty()) {
      throw new IllegalArgumentException("category " + name + " needs words of every kind");
    }
  }
}
