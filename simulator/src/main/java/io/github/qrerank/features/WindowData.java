package io.github.qrerank.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The raw values of a window, as read from the index: no normalisation, no Lucene types. This is
 * what a shard collects and what the problem builder consumes, so that building and solving can run
 * wherever the whole window is known (one core, or the SolrCloud coordinator).
 *
 * <p>Documents are in first-pass order (position 0 is the first-pass top hit). Per field:
 * numeric values ({@code NaN} when the document has no value) and group values (canonical strings,
 * {@code null} when missing). Vectors are {@code null} for documents without one.
 */
public final class WindowData {
  private final int size;
  private final Supplier<String[]> idSource;
  private String[] ids;
  private final double[] scores;
  private final Map<String, double[]> numeric;
  private final Map<String, String[]> groups;
  private final float[][] vectors;

  private WindowData(Builder b) {
    this.size = b.scores.length;
    this.idSource = b.idSource;
    this.ids = b.ids;
    this.scores = b.scores;
    this.numeric = Collections.unmodifiableMap(new LinkedHashMap<>(b.numeric));
    this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(b.groups));
    this.vectors = b.vectors;
  }

  public static Builder builder(String[] ids, double[] scores) {
    return new Builder(ids, scores);
  }

  /**
   * A builder whose ids are read only when first asked for: {@code ids} is called at most once, by
   * the first {@link #id(int)}, and must return one id per score. Reading ids can cost more than
   * the rest of the window (a unique key's terms), and only the debug output and the transformer
   * show them.
   */
  public static Builder builder(Supplier<String[]> ids, double[] scores) {
    return new Builder(Objects.requireNonNull(ids, "ids"), scores);
  }

  /** Window size n. */
  public int size() {
    return size;
  }

  /** The document's unique key (or another readable identifier). */
  public String id(int i) {
    return ids()[i];
  }

  private synchronized String[] ids() {
    if (ids == null) {
      String[] read = idSource.get();
      if (read.length != size) {
        throw new IllegalStateException("expected " + size + " ids, got " + read.length);
      }
      ids = read.clone();
    }
    return ids;
  }

  /** First-pass score of document i. */
  public double score(int i) {
    return scores[i];
  }

  /** Values of a numeric field, NaN where missing; throws if the field was not collected. */
  public double[] numeric(String field) {
    double[] v = numeric.get(field);
    if (v == null) {
      throw new IllegalArgumentException("numeric field not collected: " + field);
    }
    return v.clone();
  }

  /** Canonical string values of a group field, null where missing. */
  public String[] groups(String field) {
    String[] v = groups.get(field);
    if (v == null) {
      throw new IllegalArgumentException("group field not collected: " + field);
    }
    return v.clone();
  }

  public boolean hasNumeric(String field) {
    return numeric.containsKey(field);
  }

  public boolean hasGroups(String field) {
    return groups.containsKey(field);
  }

  /** The vector of document i, or null. Callers must not modify it. */
  public float[] vector(int i) {
    return vectors == null ? null : vectors[i];
  }

  public boolean hasVectors() {
    return vectors != null;
  }

  /** Builds a {@link WindowData}; arrays are copied. */
  public static final class Builder {
    private final String[] ids;
    private final Supplier<String[]> idSource;
    private final double[] scores;
    private final Map<String, double[]> numeric = new LinkedHashMap<>();
    private final Map<String, String[]> groups = new LinkedHashMap<>();
    private float[][] vectors;

    private Builder(String[] ids, double[] scores) {
      if (ids.length != scores.length) {
        throw new IllegalArgumentException("ids and scores differ in length");
      }
      this.ids = ids.clone();
      this.idSource = null;
      this.scores = scores.clone();
    }

    private Builder(Supplier<String[]> idSource, double[] scores) {
      this.ids = null;
      this.idSource = idSource;
      this.scores = scores.clone();
    }

    public Builder numeric(String field, double[] values) {
      check(values.length);
      numeric.put(Objects.requireNonNull(field), values.clone());
      return this;
    }

    public Builder groups(String field, String[] values) {
      check(values.length);
      groups.put(Objects.requireNonNull(field), values.clone());
      return this;
    }

    public Builder vectors(float[][] values) {
      check(values.length);
      float[][] copy = new float[values.length][];
      for (int i = 0; i < values.length; i++) {
        copy[i] = values[i] == null ? null : values[i].clone();
      }
      this.vectors = copy;
      return this;
    }

    private void check(int length) {
      if (length != scores.length) {
        throw new IllegalArgumentException("expected " + scores.length + " values, got " + length);
      }
    }

    public WindowData build() {
      return new WindowData(this);
    }
  }
}
