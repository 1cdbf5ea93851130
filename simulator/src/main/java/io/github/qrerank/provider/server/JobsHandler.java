package io.github.qrerank.provider.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.qrerank.provider.BearerToken;
import io.github.qrerank.provider.JobStatus;
import io.github.qrerank.provider.RuntimeSamplerClient;
import io.github.qrerank.provider.Samples;
import java.io.IOException;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sampler job protocol under {@code /jobs}: {@code POST /jobs}, {@code GET /jobs/{id}}, {@code
 * GET /jobs/{id}/results}, {@code POST /jobs/{id}/cancel}. Every request is recorded (when
 * recording is on), must carry the bearer token (else 401, before any fault), then draws its fault.
 */
final class JobsHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(ProviderServer.class.getName());
  private static final Pattern JOB_PATH =
      Pattern.compile("/jobs/([A-Za-z0-9_-]{1,128})(/results|/cancel)?/?");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private final ServerOptions options;
  private final BearerToken token;
  private final Exchanges exchanges;
  private final FaultInjector faults;
  private final JobStore store;
  private final ScheduledExecutorService workers;
  private final RequestRecorder recorder;
  private final ServerStats stats;
  private final AtomicLong anonymous = new AtomicLong();

  JobsHandler(
      ServerOptions options,
      BearerToken token,
      Exchanges exchanges,
      FaultInjector faults,
      JobStore store,
      ScheduledExecutorService workers,
      RequestRecorder recorder,
      ServerStats stats) {
    this.options = options;
    this.token = token;
    this.exchanges = exchanges;
    this.faults = faults;
    this.store = store;
    this.workers = workers;
    this.recorder = recorder;
    this.stats = stats;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      serve(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "request failed: " + e.getClass().getSimpleName());
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException, InterruptedException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    stats.requests.incrementAndGet();
    byte[] body;
    try {
      body = Exchanges.body(exchange, options.maxBodyBytes());
    } catch (Exchanges.TooLarge e) {
      exchanges.error(exchange, 413, "payload_too_large", e.getMessage(), false);
      return;
    }
    if (recorder != null) {
      recorder.record(method, path, exchange.getRequestHeaders(), body);
    }
    if (!token.matchesAuthorization(exchange.getRequestHeaders().getFirst("Authorization"))) {
      stats.unauthorized.incrementAndGet();
      LOG.log(
          System.Logger.Level.WARNING,
          () -> "refused " + method + " " + path + ": missing or wrong bearer token");
      exchanges.error(exchange, 401, "unauthorized", "missing or invalid bearer token", false);
      return;
    }
    FaultPlan plan = faults.plan();
    FaultPlan.Fault fault = faults.next();
    stats.fault(fault);
    switch (fault) {
      case DROP -> {
        LOG.log(System.Logger.Level.DEBUG, () -> "injected: dropped " + method + " " + path);
        return; // the finally block closes the exchange before any answer: the connection drops
      }
      case ERROR -> {
        exchanges.error(exchange, 500, "internal_error", "injected internal error", false);
        return;
      }
      case SLOW -> Thread.sleep(plan.slowMillis());
      default -> {}
    }
    route(exchange, method, path, body, fault == FaultPlan.Fault.MALFORMED);
  }

  private void route(HttpExchange ex, String method, String path, byte[] body, boolean malformed)
      throws IOException {
    if (path.equals("/jobs") || path.equals("/jobs/")) {
      if (method.equals("POST")) {
        submit(ex, body, malformed);
      } else {
        exchanges.error(ex, 405, "method_not_allowed", method + " " + path, malformed);
      }
      return;
    }
    Matcher m = JOB_PATH.matcher(path);
    if (!m.matches()) {
      exchanges.error(ex, 404, "not_found", "no such resource: " + path, malformed);
      return;
    }
    String action = m.group(2) == null ? "" : m.group(2);
    String expected = action.equals("/cancel") ? "POST" : "GET";
    if (!method.equals(expected)) {
      exchanges.error(ex, 405, "method_not_allowed", method + " " + path, malformed);
      return;
    }
    SimulatedJob job = store.get(m.group(1));
    if (job == null) {
      exchanges.error(ex, 404, "job_not_found", "job not found: " + m.group(1), malformed);
      return;
    }
    switch (action) {
      case "/results" -> results(ex, job, malformed);
      case "/cancel" -> cancel(ex, job, malformed);
      default -> exchanges.json(ex, 200, status(job), malformed);
    }
  }

  private void submit(HttpExchange ex, byte[] body, boolean malformed) throws IOException {
    Submission s;
    try {
      JsonNode root = exchanges.mapper().readTree(body);
      s =
          Submission.parse(
              root == null ? exchanges.mapper().nullNode() : root,
              options.backend(),
              options.maxShots(),
              options.maxQubits());
    } catch (IOException e) {
      exchanges.error(ex, 400, "bad_request", "body is not JSON", malformed);
      return;
    } catch (Submission.Invalid e) {
      exchanges.error(ex, 400, "bad_request", e.getMessage(), malformed);
      return;
    }
    String key = ex.getRequestHeaders().getFirst(RuntimeSamplerClient.IDEMPOTENCY_HEADER);
    if (key != null && !KEY.matcher(key).matches()) {
      exchanges.error(
          ex,
          400,
          "bad_request",
          RuntimeSamplerClient.IDEMPOTENCY_HEADER + " must be 1-255 visible ASCII characters",
          malformed);
      return;
    }
    long[] delay = new long[1];
    JobStore.Admission a = store.admit(key, s.fingerprint(), () -> create(key, s, delay));
    switch (a.outcome()) {
      case FULL -> {
        exchanges.error(
            ex,
            429,
            "too_many_jobs",
            "the job store holds " + options.maxJobs() + " unfinished jobs",
            malformed);
        return;
      }
      case KEY_REUSED -> {
        exchanges.error(
            ex,
            422,
            "idempotency_key_reused",
            "this " + RuntimeSamplerClient.IDEMPOTENCY_HEADER + " was used for a different request",
            malformed);
        return;
      }
      case REPLAYED -> stats.jobsReplayed.incrementAndGet();
      case CREATED -> {
        SimulatedJob job = a.job();
        stats.jobsCreated.incrementAndGet();
        stats.shotsAccepted.addAndGet(job.shots());
        job.startsWith(workers.schedule(job::run, delay[0], TimeUnit.MILLISECONDS));
        LOG.log(
            System.Logger.Level.DEBUG,
            () ->
                "job "
                    + job.id()
                    + ": "
                    + job.numQubits()
                    + " qubits, "
                    + job.shots()
                    + " shots, queued for "
                    + delay[0]
                    + " ms");
      }
    }
    ObjectNode out = exchanges.mapper().createObjectNode();
    out.put("id", a.job().id());
    out.put("backend", options.backend());
    exchanges.json(ex, 200, out, malformed);
  }

  /** A new job; its queue delay (written to {@code delay[0]}) and fate come from its own seed. */
  private SimulatedJob create(String key, Submission s, long[] delay) {
    String material = key != null ? "key:" + key : "anonymous:" + anonymous.incrementAndGet();
    JobIdentity identity = JobIdentity.of(options.seed(), material);
    SplittableRandom fate = new SplittableRandom(identity.seed()).split();
    long jitter = options.queueJitterMillis();
    delay[0] = options.queueDelayMillis() + (jitter == 0 ? 0 : fate.nextLong(jitter + 1));
    boolean fails = fate.nextDouble() < faults.plan().jobFailureShare();
    return new SimulatedJob(
        identity.id(),
        s.fingerprint(),
        s.program(),
        s.register(),
        s.shots(),
        identity.seed(),
        fails,
        Instant.now());
  }

  private ObjectNode status(SimulatedJob job) {
    ObjectNode out = exchanges.mapper().createObjectNode();
    String status = job.status().apiName();
    out.put("id", job.id());
    out.put("backend", options.backend());
    out.putObject("program").put("id", "sampler");
    out.put("status", status);
    ObjectNode state = out.putObject("state");
    state.put("status", status);
    String reason = job.reason();
    if (reason == null) {
      state.putNull("reason");
    } else {
      state.put("reason", reason);
    }
    out.put("created", job.created().toString());
    return out;
  }

  private void results(HttpExchange ex, SimulatedJob job, boolean malformed) throws IOException {
    long[] samples = job.samples();
    if (samples == null) {
      exchanges.error(
          ex,
          409,
          "job_not_completed",
          "job "
              + job.id()
              + " is "
              + job.status().apiName()
              + "; only completed jobs have results",
          malformed);
      return;
    }
    ObjectNode out = exchanges.mapper().createObjectNode();
    ObjectNode result = out.putArray("results").addObject();
    ObjectNode register = result.putObject("data").putObject(job.register().name());
    ArrayNode values = register.putArray("samples");
    for (long v : samples) {
      values.add(Samples.toHex(v));
    }
    register.put("num_bits", job.register().numBits());
    result.putObject("metadata").putObject("circuit_metadata");
    out.putObject("metadata").put("version", 2);
    exchanges.json(ex, 200, out, malformed);
  }

  private void cancel(HttpExchange ex, SimulatedJob job, boolean malformed) throws IOException {
    JobStatus refused = job.cancel();
    if (refused != null) {
      exchanges.error(
          ex,
          409,
          "job_not_cancellable",
          "job " + job.id() + " is already " + refused.apiName(),
          malformed);
      return;
    }
    stats.cancelled.incrementAndGet();
    exchanges.empty(ex, 204, malformed);
  }
}
