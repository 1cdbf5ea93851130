package io.github.qrerank.it.demo;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.util.NamedList;

/**
 * Reads Solr response trees, whose objects arrive as {@link NamedList}s or {@link Map}s depending
 * on the response writer and the client.
 */
final class Tree {

  private Tree() {}

  /** The value under {@code path} (one key per level), or {@code null} when any level is absent. */
  static Object get(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (current instanceof NamedList<?> list) {
        current = list.get(key);
      } else if (current instanceof Map<?, ?> map) {
        current = map.get(key);
      } else {
        return null;
      }
    }
    return current;
  }

  /** The elements of the list under {@code path}; empty when absent. */
  static List<Object> list(Object node, String... path) {
    Object value = get(node, path);
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value instanceof Object[] array) {
      return List.of(array);
    }
    return List.of();
  }

  /** The entries of the object under {@code path} as (key, value) pairs; empty when absent. */
  static List<Map.Entry<String, Object>> entries(Object node, String... path) {
    Object value = get(node, path);
    List<Map.Entry<String, Object>> out = new ArrayList<>();
    if (value instanceof NamedList<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(new AbstractMap.SimpleImmutableEntry<>(list.getName(i), list.getVal(i)));
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(String.valueOf(k), v)));
    }
    return out;
  }

  static String string(Object node, String... path) {
    Object value = get(node, path);
    return value == null ? null : String.valueOf(value);
  }

  static double number(Object node, String... path) {
    Object value = get(node, path);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value != null) {
      try {
        return Double.parseDouble(value.toString());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
