package io.github.qrerank.solr.remote;

import io.github.qrerank.provider.Samples;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Samples that arrived after the deadline of the request that asked for them, kept for the next
 * identical request: keyed by the problem as the provider sees it, the circuit and the shots ({@link
 * io.github.qrerank.provider.SamplerRequest#contentKey}, also the job's idempotency key). At most
 * {@code capacity} entries; the least recently used one leaves first. Thread-safe.
 */
final class LateAnswers {
  private final int capacity;
  private final Map<String, Samples> entries;

  LateAnswers(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** Whether late answers are kept at all (capacity above 0). */
  boolean enabled() {
    return capacity > 0;
  }

  /** The samples kept for {@code key}, or null. */
  synchronized Samples get(String key) {
    return entries.get(key);
  }

  /** Keeps {@code samples} for {@code key}, evicting the least recently used entry when full. */
  synchronized void put(String key, Samples samples) {
    if (capacity == 0) {
      return;
    }
    entries.put(key, samples);
    if (entries.size() > capacity) {
      String eldest = entries.keySet().iterator().next();
      entries.remove(eldest);
    }
  }

  synchronized int size() {
    return entries.size();
  }

  int capacity() {
    return capacity;
  }
}
