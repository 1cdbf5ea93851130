package io.github.qrerank.it.demo.catalog;

import java.util.List;

/**
 * One product category of the generated catalog and the words its titles and descriptions are made
 * of.
 *
 * @param name the {@code category} field value
 * @param types the category's product types, most frequent first (drawn Zipf-distributed)
 * @param qualifiers adjectives and specs put before the type in titles, most frequent first
 * @param variants colours, sizes, pack sizes and editions put after the type in titles
 * @param features description sentences about the category's products
 * @param medianPrice median of the category's log-normal price distribution
 * @param baseMargin typical margin (fraction of the price)
 * @param baseConversion typical conversion rate
 */
public record Category(
    String name,
    List<ProductType> types,
    List<String> qualifiers,
    List<String> variants,
    List<String> features,
    double medianPrice,
    double baseMargin,
    double baseConversion) {

  public Category {
    types = List.copyOf(types);
    qualifiers = List.copyOf(qualifiers);
    variants = List.copyOf(variants);
    features = List.copyOf(features);
    if (types.isEmpty() || qualifiers.isEmpty() || variants.isEmpty() || features.size() < 2) {
      throw new IllegalArgumentException("category " + name + " needs words of every kind");
    }
  }

  /** The names of {@link #types}, in the same order ("running shoes", "laptop", ...). */
  public List<String> products() {
    return types.stream().map(ProductType::name).toList();
  }
}
