package io.github.qrerank.solr.search;

/**
 * The first-pass hits a shard collected for a distributed {@code {!qrerank}} request: docids of
 * this shard's index and their first-pass scores, in first-pass order. A shard does not re-rank;
 * it hands these (with their raw values) to the coordinator. Arrays are not copied: callers must
 * not modify them.
 */
public record FirstPass(int[] docs, float[] scores) {
  public FirstPass {
    if (docs.length != scores.length) {
      throw new IllegalArgumentException("docs and scores differ in length");
    }
  }

  /** How many hits. */
  public int size() {
    return docs.length;
  }
}
