package io.github.qrerank.provider.server;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The server's jobs, at most {@code capacity} of them, and the idempotency keys that created them.
 * When full, the oldest job that has ended is evicted to make room (with its key); when none has
 * ended, new submissions are refused.
 */
final class JobStore {
  /** The answer to a submission. */
  record Admission(SimulatedJob job, Outcome outcome) {}

  enum Outcome {
    /** A new job was created. */
    CREATED,
    /** The key was seen before with the same content: that job. */
    REPLAYED,
    /** The key was seen before with other content. */
    KEY_REUSED,
    /** The store is full of jobs that have not ended. */
    FULL
  }

  private final int capacity;
  private final LinkedHashMap<String, SimulatedJob> jobs = new LinkedHashMap<>();
  private final Map<String, String> idsByKey = new HashMap<>();
  private final Map<String, String> keysById = new HashMap<>();

  JobStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Admits a submission with idempotency key {@code key} (null when none) and content {@code
   * fingerprint}; {@code create} makes the job when one is needed (called under the store's lock,
   * so it must be quick and must not block).
   */
  synchronized Admission admit(String key, String fingerprint, Supplier<SimulatedJob> create) {
    if (key != null) {
      String id = idsByKey.get(key);
      SimulatedJob known = id == null ? null : jobs.get(id);
      if (known != null) {
        return new Admission(
            known, known.fingerprint().equals(fingerprint) ? Outcome.REPLAYED : Outcome.KEY_REUSED);
      }
    }
    if (jobs.size() >= capacity && !evictOneEnded()) {
      return new Admission(null, Outcome.FULL);
    }
    SimulatedJob job = create.get();
    SimulatedJob previous = jobs.put(job.id(), job);
    if (previous != null) {
      forgetKey(previous.id());
    }
    if (key != null) {
      idsByKey.put(key, job.id());
      keysById.put(job.id(), key);
    }
    return new Admission(job, Outcome.CREATED);
  }

  synchronized SimulatedJob get(String id) {
    return jobs.get(id);
  }

  synchronized int size() {
    return jobs.size();
  }

  private boolean evictOneEnded() {
    for (Iterator<SimulatedJob> it = jobs.values().iterator(); it.hasNext(); ) {
      SimulatedJob j = it.next();
      if (j.terminal()) {
        it.remove();
        forgetKey(j.id());
        return true;
      }
    }
    return false;
  }

  private void forgetKey(String id) {
    String key = keysById.remove(id);
    if (key != null) {
      idsByKey.remove(key);
    }
  }
}
