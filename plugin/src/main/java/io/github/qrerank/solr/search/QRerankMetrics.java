package io.github.qrerank.solr.search;

import com.codahale.metrics.Counter;
import io.github.qrerank.solr.remote.RemoteSolver;
import io.github.qrerank.solver.SolverKind;
import io.github.qrerank.solver.Solvers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.metrics.SolrMetricsContext;

/**
 * Counters of one {@code qrerank} query parser, registered in the core's metric registry under
 * {@code QUERYPARSER.qrerank.}: {@code requests.<solver>} (every re-ranking solve, by the solver
 * asked for) and {@code fallbacks.<reason>} (every answer that is not the asked solver's, by
 * reason). Two parsers of one core share these counters. Standalone until {@link #bind}.
 */
public final class QRerankMetrics {
  /** The path of every qrerank metric in the core's registry. */
  static final String[] PATH = {"QUERYPARSER", QRerankQParserPlugin.NAME};

  /** The reasons registered up front, so that they show (at 0) before they first happen. */
  static final List<String> KNOWN_REASONS =
      List.of(
          Solvers.TIMEOUT,
          Solvers.INCOMPLETE,
          RemoteSolver.ERROR,
          RemoteSolver.AUTH,
          RemoteSolver.BAD_RESPONSE,
          RemoteSolver.CIRCUIT_OPEN,
          RemoteSolver.REJECTED);

  private final Map<String, Counter> requests = new ConcurrentHashMap<>();
  private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();
  private volatile SolrMetricsContext context;

  /** Attaches the counters to {@code context} (the ones counted so far start over there). */
  void bind(SolrMetricsContext context) {
    this.context = context;
    requests.clear();
    fallbacks.clear();
    for (SolverKind kind : SolverKind.values()) {
      requests(kind.paramValue());
    }
    KNOWN_REASONS.forEach(this::fallbackCounter);
  }

  /** Counts one solve by {@code requested}, and its fallback when {@code reason} is not null. */
  void solved(SolverKind requested, String reason) {
    requests(requested.paramValue()).inc();
    if (reason != null) {
      fallbackCounter(reason).inc();
    }
  }

  /** The number of solves asked of {@code solver} so far. */
  public long requests(SolverKind solver) {
    return requests(solver.paramValue()).getCount();
  }

  /** The number of fallbacks for {@code reason} so far. */
  public long fallbacks(String reason) {
    return fallbackCounter(reason).getCount();
  }

  private Counter requests(String solver) {
    return requests.computeIfAbsent(solver, s -> counter(s, "requests"));
  }

  private Counter fallbackCounter(String reason) {
    return fallbacks.computeIfAbsent(reason, r -> counter(r, "fallbacks"));
  }

  private Counter counter(String name, String group) {
    SolrMetricsContext c = context;
    String clean = name.toLowerCase(Locale.ROOT);
    return c == null ? new Counter() : c.counter(clean, PATH[0], PATH[1], group);
  }
}
