package io.github.qrerank.it.demo;

import io.github.qrerank.provider.server.FaultPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * The {@code --remote} part of the printout: one example sent three times, identically, to the
 * {@value DemoSolrHome#REMOTE_PARSER} query parser with {@code solver=remote}:
 *
 * <ol>
 *   <li>with the provider healthy: its samples answer;
 *   <li>with every provider call made slow ({@link #SLOW}): the exact answer at {@code timeoutMs},
 *       reason {@code timeout}, while the job goes on in the background; then the provider heals;
 *   <li>once that late job's samples are kept (the {@code lateAnswers.stored} metric counts them):
 *       answered from the late-answer cache, without contacting the provider.
 * </ol>
 *
 * Each is printed as the examples are ({@link ComparisonPrinter}), whose debug lines show the
 * {@code remote} part of the debug section.
 */
final class RemoteSection {

  /** The request's deadline: ample for a loopback provider simulating {@link #QUBITS} qubits. */
  static final int TIMEOUT_MS = 2000;

  static final int QUBITS = 12;
  static final int LAYERS = 2;
  static final int SHOTS = 1024;

  /** The local params that turn an example's {@code {!qrerank ...}} into a remote request. */
  static final String REMOTE_PARAMS = remoteParams(SHOTS);

  /**
   * The shots of the warm-up request: another circuit key, so that its answer, even a late one,
   * is never reused by the requests shown.
   */
  static final int WARM_UP_SHOTS = SHOTS / 2;

  private static String remoteParams(int shots) {
    return String.format(
        Locale.ROOT,
        "solver=remote qubits=%d layers=%d shots=%d timeoutMs=%d",
        QUBITS,
        LAYERS,
        shots,
        TIMEOUT_MS);
  }

  /** Every provider call answered after twice the request's deadline. */
  static final FaultPlan SLOW = new FaultPlan(0, 1, 2L * TIMEOUT_MS, 0, 0, 0);

  /** The counter of late answers kept by the demo's provider, in the core's metrics. */
  static final String LATE_STORED_METRIC =
      "QUERYPARSER.qrerank.remote." + DemoSolrHome.PROVIDER_NAME + ".lateAnswers.stored";

  /** How long to wait for the late job: beyond its slow calls, well within its 30 s polling. */
  static final long LATE_WAIT_MS = 20_000;

  private static final long LATE_POLL_MS = 50;
  private static final String PREFIX = "{!qrerank ";

  private final SolrClient client;
  private final ExampleRunner runner;
  private final DemoProvider provider;
  private final PrintStream out;

  RemoteSection(SolrClient client, DemoProvider provider, PrintStream out) {
    this.client = client;
    this.runner = new ExampleRunner(client, DemoSolrHome.CORE);
    this.provider = provider;
    this.out = out;
  }

  /** {@code example} sent to the remote parser with {@link #REMOTE_PARAMS}. */
  static ExampleQuery remote(ExampleQuery example) {
    return remote(example, SHOTS);
  }

  private static ExampleQuery remote(ExampleQuery example, int shots) {
    if (!example.rq().startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a {!qrerank ...} example: " + example.rq());
    }
    return new ExampleQuery(
        "solver=remote: " + example.story(),
        example.q(),
        "{!"
            + DemoSolrHome.REMOTE_PARSER
            + " "
            + remoteParams(shots)
            + " "
            + example.rq().substring(PREFIX.length()),
        example.userVector());
  }

  /**
   * Prints the three requests of {@code example} made {@link #remote}, numbered from {@code first},
   * after one warm-up request with {@link #WARM_UP_SHOTS} (a fresh JVM's first remote request
   * spends its time loading the HTTP client and the provider's simulator, not waiting for samples);
   * the provider is healthy again afterwards.
   */
  void print(ExampleQuery plainExample, int first) throws IOException, SolrServerException {
    ExampleQuery example = remote(plainExample);
    out.println();
    out.println(
        "solver=remote: the same search, answered by the quantum provider at "
            + provider.url()
            + " (qrerank's provider server in this JVM; token in "
            + provider.tokenFile()
            + ")");
    runner.run(remote(plainExample, WARM_UP_SHOTS));
    ComparisonPrinter printer = new ComparisonPrinter(out);
    printer.print(first, runner.run(titled(example, "provider healthy")));

    provider.faults(SLOW);
    out.println();
    out.printf(
        Locale.ROOT,
        "  provider faults now: every call answered after %d ms (PUT /admin/faults"
            + " {\"slow-share\":1,\"slow-ms\":%d})%n",
        SLOW.slowMillis(),
        SLOW.slowMillis());
    long lateBefore;
    try {
      lateBefore = lateAnswersStored();
      printer.print(
          first + 1,
          runner.run(
              titled(example, "provider slow: the exact answer at timeoutMs=" + TIMEOUT_MS)));
    } finally {
      provider.faults(FaultPlan.NONE);
    }
    out.println();
    out.println(
        "  provider healed (PUT /admin/faults {\"slow-share\":0}); the late job goes on in the"
            + " background ...");
    long waited = awaitLateAnswer(lateBefore);
    out.println(
        waited < 0
            ? String.format(
                Locale.ROOT,
                "  no late answer kept within %d ms; sending the same request anyway",
                LATE_WAIT_MS)
            : String.format(
                Locale.ROOT,
                "  its samples arrived and were kept %d ms later (metric %s)",
                waited,
                LATE_STORED_METRIC));
    printer.print(
        first + 2,
        runner.run(titled(example, "the same request again: the late answer is reused")));
  }

  private static ExampleQuery titled(ExampleQuery example, String title) {
    return new ExampleQuery(title, example.q(), example.rq(), example.userVector());
  }

  /**
   * Polls {@link #LATE_STORED_METRIC} until it exceeds {@code before}; returns the milliseconds
   * waited, or -1 after {@link #LATE_WAIT_MS}.
   */
  private long awaitLateAnswer(long before) throws IOException, SolrServerException {
    long start = System.nanoTime();
    long limit = start + TimeUnit.MILLISECONDS.toNanos(LATE_WAIT_MS);
    while (lateAnswersStored() <= before) {
      if (System.nanoTime() > limit) {
        return -1;
      }
      try {
        Thread.sleep(LATE_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** The late answers kept so far, from the core's metrics (0 before the first). */
  long lateAnswersStored() throws IOException, SolrServerException {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("group", "core");
    params.set("prefix", LATE_STORED_METRIC);
    NamedList<Object> response =
        client.request(
            new GenericSolrRequest(SolrRequest.METHOD.GET, "/admin/metrics", params));
    double stored =
        Tree.number(
            response, "metrics", "solr.core." + DemoSolrHome.CORE, LATE_STORED_METRIC);
    return Double.isNaN(stored) ? 0 : (long) stored;
  }
}
