package io.github.qrerank.it.demo.catalog;

import java.util.List;

/**
 * A kind of product within a category, e.g. "running shoes", and the other names shops use for it
 * ("running trainers", "road runners"). A title names the type either way; descriptions mostly use
 * {@link #name}, so a product titled with a synonym can still match the type's name in its
 * description only.
 *
 * @param name the type's usual name, lower case
 * @param synonyms other names for the same type, lower case; may be empty
 */
public record ProductType(String name, List<String> synonyms) {

  public ProductType {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a product type needs a name");
    }
    synonyms = List.copyOf(synonyms);
  }
}
