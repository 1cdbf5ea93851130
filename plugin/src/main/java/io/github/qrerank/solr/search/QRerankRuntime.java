package io.github.qrerank.solr.search;

import io.github.qrerank.solr.remote.RemoteSolver;

/**
 * What a {@code qrerank} query parser lends the queries it parses: its metrics and, when a remote
 * provider is configured, the remote solver. Not part of a query's identity ({@link
 * QRerankQuery#equals} ignores it).
 *
 * @param metrics the parser's counters
 * @param remote the remote solver, or null when no provider is configured
 */
public record QRerankRuntime(QRerankMetrics metrics, RemoteSolver remote) {
  /** A runtime with standalone counters and no provider. */
  static QRerankRuntime standalone() {
    return new QRerankRuntime(new QRerankMetrics(), null);
  }
}
