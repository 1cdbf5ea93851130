package io.github.qrerank.solr.search;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.request.SolrRequestInfo;

/**
 * A per-request value shared by the parsed {@link QRerankQuery} and its {@code wrap()} and {@code
 * rewrite()} copies (the outcome of re-ranking, or on a shard the first-pass hits): the first value
 * offered wins, later ones are ignored.
 *
 * <p>Because the query result cache keeps the query that produced an entry as part of its key, a
 * holder would keep its value (an outcome holds an n×n similarity matrix) alive as long as the
 * cache entry. So the first offer registers a close hook on the current {@link SolrRequestInfo}
 * that empties the holder when the request ends.
 */
final class OutcomeHolder<T> {
  private final AtomicReference<T> outcome = new AtomicReference<>();
  private volatile boolean released;

  /** The value, or null when none was offered yet (or the request has ended). */
  T get() {
    return released ? null : outcome.get();
  }

  /** Stores {@code o} unless a value is already there; returns the one held. */
  T offer(T o) {
    if (released) {
      return o;
    }
    if (outcome.compareAndSet(null, o)) {
      SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
      if (info != null) {
        try {
          info.addCloseHook(this::release);
        } catch (IllegalStateException alreadyClosed) {
          release();
        }
      }
      return o;
    }
    return outcome.get();
  }

  private void release() {
    released = true;
    outcome.set(null);
  }
}
