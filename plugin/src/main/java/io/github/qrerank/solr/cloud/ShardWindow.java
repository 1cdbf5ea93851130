package io.github.qrerank.solr.cloud;

import io.github.qrerank.features.WindowData;
import io.github.qrerank.solr.feature.ExtractionPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;

/**
 * What one shard sends the coordinator for a distributed {@code {!qrerank}} request, under the key
 * {@value #KEY} of its response: its candidates in first-pass order and, for the first {@code
 * min(reRankDocs, candidates)} of them (the only ones that can be in the global window), the raw
 * values the model needs. Nothing here is normalised or selected: that happens once, at the
 * coordinator, over the global window.
 *
 * <p>Layout (all numbers little-endian binary, see {@link PackedValues}):
 *
 * <ul>
 *   <li>{@code v}: format version ({@value #VERSION});
 *   <li>{@code ids}: unique keys of the candidates (strings); {@code scores}: their first-pass
 *       scores (float32);
 *   <li>{@code sortValues}: when the request sorts by a field, each such field's marshalled sort
 *       values of the candidates, as Solr's own {@code sort_values};
 *   <li>{@code window}: how many candidates carry raw values;
 *   <li>{@code numeric}: per utility or stock field, float64 values (NaN where missing);
 *   <li>{@code groups}: per cap or quota field, its distinct values and an int32 code per document
 *       (-1 where missing);
 *   <li>{@code vectorDims}, {@code hasVector} (one bit per document) and {@code vectors}: float32
 *       vectors of the documents that have one;
 *   <li>{@code extractNanos}: the shard's time reading the values.
 * </ul>
 *
 * The size is bounded by {@code reRankDocs × (8·fields + 4·dims + group codes)} plus the ids.
 */
final class ShardWindow {
  static final String KEY = "qrerank.window";
  static final int VERSION = 1;

  private static final String V = "v";
  private static final String IDS = "ids";
  private static final String SCORES = "scores";
  private static final String SORT_VALUES = "sortValues";
  private static final String WINDOW = "window";
  private static final String NUMERIC = "numeric";
  private static final String GROUPS = "groups";
  private static final String GROUP_VALUES = "values";
  private static final String GROUP_CODES = "codes";
  private static final String VECTOR_DIMS = "vectorDims";
  private static final String HAS_VECTOR = "hasVector";
  private static final String VECTORS = "vectors";
  private static final String EXTRACT_NANOS = "extractNanos";

  private final String[] ids;
  private final float[] scores;
  private final NamedList<List<Object>> sortValues;
  private final WindowData window;
  private final long extractNanos;

  /**
   * @param ids candidate keys, first-pass order
   * @param scores their first-pass scores
   * @param sortValues marshalled sort values per sort field (empty when sorting by score only)
   * @param window raw values of the first {@code window.size()} candidates
   */
  ShardWindow(
      String[] ids,
      float[] scores,
      NamedList<List<Object>> sortValues,
      WindowData window,
      long extractNanos) {
    if (ids.length != scores.length) {
      throw new IllegalArgumentException("ids and scores differ in length");
    }
    if (window.size() > ids.length) {
      throw new IllegalArgumentException("the window is larger than the candidates");
    }
    for (int i = 0; i < sortValues.size(); i++) {
      if (sortValues.getVal(i).size() != ids.length) {
        throw new IllegalArgumentException("sort values of " + sortValues.getName(i) + " miscount");
      }
    }
    this.ids = ids;
    this.scores = scores;
    this.sortValues = sortValues;
    this.window = window;
    this.extractNanos = extractNanos;
  }

  int candidates() {
    return ids.length;
  }

  String id(int i) {
    return ids[i];
  }

  float score(int i) {
    return scores[i];
  }

  /** Marshalled sort values per sort field (as sent); empty when sorting by score only. */
  NamedList<List<Object>> sortValues() {
    return sortValues;
  }

  /** The raw values of the first {@link WindowData#size()} candidates. */
  WindowData window() {
    return window;
  }

  long extractNanos() {
    return extractNanos;
  }

  /** The response section; {@code plan} says which fields the window holds. */
  SimpleOrderedMap<Object> encode(ExtractionPlan plan) {
    int w = window.size();
    SimpleOrderedMap<Object> out = new SimpleOrderedMap<>();
    out.add(V, VERSION);
    out.add(IDS, Arrays.asList(ids));
    out.add(SCORES, PackedValues.floats(scores));
    if (sortValues.size() > 0) {
      out.add(SORT_VALUES, sortValues);
    }
    out.add(WINDOW, w);
    SimpleOrderedMap<Object> numeric = new SimpleOrderedMap<>();
    for (String field : plan.numericFields().keySet()) {
      numeric.add(field, PackedValues.doubles(window.numeric(field)));
    }
    out.add(NUMERIC, numeric);
    SimpleOrderedMap<Object> groups = new SimpleOrderedMap<>();
    for (String field : plan.groupFields().keySet()) {
      groups.add(field, encodeGroups(window.groups(field)));
    }
    out.add(GROUPS, groups);
    if (plan.vectorField() != null) {
      encodeVectors(out, w);
    }
    out.add(EXTRACT_NANOS, extractNanos);
    return out;
  }

  private static SimpleOrderedMap<Object> encodeGroups(String[] values) {
    Map<String, Integer> codeOf = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        codes[i] = -1;
      } else {
        codes[i] =
            codeOf.computeIfAbsent(
                values[i],
                v -> {
                  distinct.add(v);
                  return distinct.size() - 1;
                });
      }
    }
    SimpleOrderedMap<Object> out = new SimpleOrderedMap<>();
    out.add(GROUP_VALUES, distinct);
    out.add(GROUP_CODES, PackedValues.ints(codes));
    return out;
  }

  private void encodeVectors(SimpleOrderedMap<Object> out, int w) {
    int dims = 0;
    int present = 0;
    byte[] has = new byte[(w + 7) / 8];
    for (int i = 0; i < w; i++) {
      float[] v = window.vector(i);
      if (v != null) {
        if (dims == 0) {
          dims = v.length;
        } else if (v.length != dims) {
          throw new IllegalStateException("vectors of different dimensions in one field");
        }
        has[i >> 3] |= (byte) (1 << (i & 7));
        present++;
      }
    }
    float[] all = new float[present * dims];
    int o = 0;
    for (int i = 0; i < w; i++) {
      float[] v = window.vector(i);
      if (v != null) {
        System.arraycopy(v, 0, all, o, dims);
        o += dims;
      }
    }
    out.add(VECTOR_DIMS, dims);
    out.add(HAS_VECTOR, has);
    out.add(VECTORS, PackedValues.floats(all));
  }

  /**
   * Reads a shard's section.
   *
   * @throws IllegalArgumentException saying what is wrong when the section is malformed or lacks a
   *     field of {@code plan}
   */
  static ShardWindow decode(NamedList<?> section, ExtractionPlan plan) {
    Object version = section.get(V);
    if (!(version instanceof Number n) || n.intValue() != VERSION) {
      throw new IllegalArgumentException(
          "format version " + version + ", expected " + VERSION + " (mixed plugin versions?)");
    }
    List<?> idList = list(section.get(IDS), IDS);
    int count = idList.size();
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = String.valueOf(idList.get(i));
    }
    float[] scores = PackedValues.floats(section.get(SCORES), count, SCORES);
    NamedList<List<Object>> sortValues = sortValues(section.get(SORT_VALUES), count);
    int w = integer(section.get(WINDOW), WINDOW);
    if (w < 0 || w > count) {
      throw new IllegalArgumentException(WINDOW + " " + w + " is not in [0, " + count + "]");
    }
    double[] windowScores = new double[w];
    for (int i = 0; i < w; i++) {
      windowScores[i] = scores[i];
    }
    WindowData.Builder builder = WindowData.builder(Arrays.copyOf(ids, w), windowScores);
    NamedList<?> numeric = namedList(section.get(NUMERIC), NUMERIC);
    for (String field : plan.numericFields().keySet()) {
      builder.numeric(field, PackedValues.doubles(numeric.get(field), w, NUMERIC + "." + field));
    }
    NamedList<?> groups = namedList(section.get(GROUPS), GROUPS);
    for (String field : plan.groupFields().keySet()) {
      builder.groups(field, decodeGroups(groups.get(field), w, GROUPS + "." + field));
    }
    if (plan.vectorField() != null) {
      builder.vectors(decodeVectors(section, w));
    }
    Object nanos = section.get(EXTRACT_NANOS);
    long extractNanos = nanos instanceof Number x ? x.longValue() : 0L;
    return new ShardWindow(ids, scores, sortValues, builder.build(), extractNanos);
  }

  private static String[] decodeGroups(Object section, int w, String what) {
    NamedList<?> g = namedList(section, what);
    List<?> distinct = list(g.get(GROUP_VALUES), what + "." + GROUP_VALUES);
    int[] codes = PackedValues.ints(g.get(GROUP_CODES), w, what + "." + GROUP_CODES);
    String[] out = new String[w];
    for (int i = 0; i < w; i++) {
      if (codes[i] < -1 || codes[i] >= distinct.size()) {
        throw new IllegalArgumentException(what + " has an unknown code " + codes[i]);
      }
      out[i] = codes[i] < 0 ? null : String.valueOf(distinct.get(codes[i]));
    }
    return out;
  }

  private static float[][] decodeVectors(NamedList<?> section, int w) {
    int dims = integer(section.get(VECTOR_DIMS), VECTOR_DIMS);
    byte[] has = PackedValues.bytes(section.get(HAS_VECTOR), HAS_VECTOR);
    if (has.length != (w + 7) / 8 || dims < 0) {
      throw new IllegalArgumentException(HAS_VECTOR + " or " + VECTOR_DIMS + " do not fit " + w);
    }
    int present = 0;
    for (int i = 0; i < w; i++) {
      present += (has[i >> 3] >> (i & 7)) & 1;
    }
    float[] all = PackedValues.floats(section.get(VECTORS), present * dims, VECTORS);
    float[][] out = new float[w][];
    int o = 0;
    for (int i = 0; i < w; i++) {
      if (((has[i >> 3] >> (i & 7)) & 1) != 0) {
        out[i] = Arrays.copyOfRange(all, o, o + dims);
        o += dims;
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static NamedList<List<Object>> sortValues(Object section, int count) {
    NamedList<List<Object>> out = new NamedList<>();
    if (section == null) {
      return out;
    }
    NamedList<?> values = namedList(section, SORT_VALUES);
    for (int i = 0; i < values.size(); i++) {
      List<?> list = list(values.getVal(i), SORT_VALUES + "." + values.getName(i));
      if (list.size() != count) {
        throw new IllegalArgumentException(
            SORT_VALUES + "." + values.getName(i) + " has " + list.size() + " values for " + count);
      }
      out.add(values.getName(i), (List<Object>) list);
    }
    return out;
  }

  private static NamedList<?> namedList(Object value, String what) {
    if (value instanceof NamedList<?> nl) {
      return nl;
    }
    if (value instanceof Map<?, ?> map) {
      NamedList<Object> nl = new NamedList<>();
      new LinkedHashMap<>(map).forEach((k, v) -> nl.add(String.valueOf(k), v));
      return nl;
    }
    throw new IllegalArgumentException(what + " is missing or not a map");
  }

  private static List<?> list(Object value, String what) {
    if (value instanceof List<?> l) {
      return l;
    }
    if (value instanceof Object[] a) {
      return Arrays.asList(a);
    }
    throw new IllegalArgumentException(what + " is missing or not a list");
  }

  private static int integer(Object value, String what) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    throw new IllegalArgumentException(what + " is missing or not a number");
  }
}
