package io.github.qrerank.solr.search;

/**
 * Switches the package-private test seam {@link QRerankPipeline#budgetSpentForTests}: while on,
 * every in-process solve of this JVM gets a budget that has already run out, so that the timeout
 * fallback is reached deterministically. Tests turn it off again in a {@code finally} or an
 * {@code @After}.
 */
public final class SpentBudget {
  private SpentBudget() {}

  public static void set(boolean spent) {
    QRerankPipeline.budgetSpentForTests = spent;
  }
}
