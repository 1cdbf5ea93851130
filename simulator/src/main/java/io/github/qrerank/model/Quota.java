package io.github.qrerank.model;

import java.util.Objects;

/**
 * A quota: at least {@code min} selected documents must have {@code value} in {@code field}
 * ({@code member[i]} is true for those documents). When it cannot be met (too few eligible members,
 * or caps and k leave no room), solvers select as many members as they can and report it.
 */
public final class Quota {
  private final String field;
  private final String value;
  private final int min;
  private final boolean[] member;

  public Quota(String field, String value, int min, boolean[] member) {
    this.field = Objects.requireNonNull(field, "field");
    this.value = Objects.requireNonNull(value, "value");
    if (min < 0) {
      throw new IllegalArgumentException("quota min must be >= 0: " + min);
    }
    this.min = min;
    this.member = member.clone();
  }

  public String field() {
    return field;
  }

  public String value() {
    return value;
  }

  public int min() {
    return min;
  }

  public boolean isMember(int i) {
    return member[i];
  }

  int size() {
    return member.length;
  }

  @Override
  public String toString() {
    return field + "=" + value + ":" + min;
  }
}
