package io.github.qrerank.it.demo.catalog;

/** One generated product, with the fields of the products configset's schema. */
public record Product(
    String id,
    String title,
    String description,
    String brand,
    String category,
    float price,
    float conversionRate,
    float margin,
    float popularity,
    int stock,
    boolean isNew,
    boolean sponsored,
    float[] embedding) {}
