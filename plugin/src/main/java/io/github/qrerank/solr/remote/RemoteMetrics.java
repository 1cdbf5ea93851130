package io.github.qrerank.solr.remote;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.solr.metrics.SolrMetricsContext;

/**
 * The metrics of one remote provider, under {@code <path>.remote.<name>.}: {@code providerLatency}
 * (timer: submit to samples, for every job whose samples arrived, in time or late), {@code shots}
 * (counter: shots of every job the provider accepted, the unit providers bill), {@code
 * jobs.submitted} (counter), {@code jobs.inFlight} (gauge), {@code lateAnswers.stored} and {@code
 * lateAnswers.hits} (counters), {@code lateAnswers.size} (gauge), {@code breaker.state} (gauge:
 * CLOSED, OPEN, HALF_OPEN) and {@code breaker.stateCode} (gauge: 0 closed, 1 open, 2 half open).
 *
 * <p>Until {@link #bind} attaches them to Solr's registry the metrics are standalone, so a solver
 * built outside a core (tests) works the same.
 */
final class RemoteMetrics {
  private volatile Timer providerLatency = new Timer();
  private volatile Counter shots = new Counter();
  private volatile Counter jobsSubmitted = new Counter();
  private volatile Counter lateStored = new Counter();
  private volatile Counter lateHits = new Counter();

  /** Registers these metrics and the gauges of {@code solver} under {@code path}. */
  void bind(SolrMetricsContext context, RemoteSolver solver, String... path) {
    String[] base = append(path, "remote", solver.settings().name());
    providerLatency = context.timer("providerLatency", base);
    shots = context.counter("shots", base);
    jobsSubmitted = context.counter("submitted", append(base, "jobs"));
    lateStored = context.counter("stored", append(base, "lateAnswers"));
    lateHits = context.counter("hits", append(base, "lateAnswers"));
    context.gauge((Gauge<Integer>) solver::jobsInFlight, true, "inFlight", append(base, "jobs"));
    context.gauge(
        (Gauge<Integer>) solver::lateAnswersKept, true, "size", append(base, "lateAnswers"));
    context.gauge(
        (Gauge<String>) () -> solver.breakerState().name(),
        true,
        "state",
        append(base, "breaker"));
    context.gauge(
        (Gauge<Integer>) () -> stateCode(solver), true, "stateCode", append(base, "breaker"));
  }

  private static int stateCode(RemoteSolver solver) {
    switch (solver.breakerState()) {
      case CLOSED:
        return 0;
      case OPEN:
      case FORCED_OPEN:
        return 1;
      case HALF_OPEN:
        return 2;
      default:
        return -1;
    }
  }

  private static String[] append(String[] path, String... more) {
    String[] out = new String[path.length + more.length];
    System.arraycopy(path, 0, out, 0, path.length);
    System.arraycopy(more, 0, out, path.length, more.length);
    return out;
  }

  void providerAnswered(long nanos) {
    providerLatency.update(nanos, TimeUnit.NANOSECONDS);
  }

  void submitted(int jobShots) {
    jobsSubmitted.inc();
    shots.inc(jobShots);
  }

  void lateAnswerStored() {
    lateStored.inc();
  }

  void lateAnswerHit() {
    lateHits.inc();
  }

  long shots() {
    return shots.getCount();
  }

  long lateAnswerHits() {
    return lateHits.getCount();
  }

  long lateAnswersStored() {
    return lateStored.getCount();
  }

  long providerAnswers() {
    return providerLatency.getCount();
  }
}
