package io.github.qrerank.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A hard cap: at most {@code max} selected documents may share any one group. {@code groupOf[i]} is
 * the group index of document i, or {@code -1} when the document has no value (it is not capped).
 * {@code groupNames[g]} is the readable value of group g (for reports and debug output).
 */
public final class Cap {
  private final String field;
  private final int max;
  private final int[] groupOf;
  private final String[] groupNames;

  public Cap(String field, int max, int[] groupOf, String[] groupNames) {
    this.field = Objects.requireNonNull(field, "field");
    if (max < 0) {
      throw new IllegalArgumentException("cap max must be >= 0: " + max);
    }
    this.max = max;
    this.groupOf = groupOf.clone();
    this.groupNames = groupNames.clone();
    for (int g : this.groupOf) {
      if (g < -1 || g >= this.groupNames.length) {
        throw new IllegalArgumentException("group index out of range: " + g);
      }
    }
  }

  public String field() {
    return field;
  }

  public int max() {
    return max;
  }

  /** Group of document i, or -1 when it has none. */
  public int groupOf(int i) {
    return groupOf[i];
  }

  public int groupCount() {
    return groupNames.length;
  }

  public String groupName(int g) {
    return groupNames[g];
  }

  int size() {
    return groupOf.length;
  }

  @Override
  public String toString() {
    return field + ":" + max + " " + Arrays.toString(groupNames);
  }
}
