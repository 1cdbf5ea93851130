package io.github.qrerank.provider;

import io.github.qrerank.solver.Budget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link QuantumProvider} over HTTP, shaped like the IBM Qiskit Runtime sampler REST API, on the
 * JDK's {@link HttpClient} with Jackson for JSON:
 *
 * <ul>
 *   <li>{@code POST <base>/jobs} with {@code {"program_id":"sampler","backend":..., "params":
 *       {"pubs":[[qasm, null, shots]]}}} answers {@code {"id":...}};
 *   <li>{@code GET <base>/jobs/{id}} answers {@code state.status} ({@code Queued}, {@code Running},
 *       {@code Completed}, {@code Failed}, {@code Cancelled}) and {@code state.reason};
 *   <li>{@code GET <base>/jobs/{id}/results} answers {@code results[0].data.<register>.samples},
 *       one hex string per shot ({@code "0x1a"}); the register is the one the program declares
 *       ({@code c} in qrerank's circuit);
 *   <li>{@code POST <base>/jobs/{id}/cancel} cancels (as {@code qiskit-ibm-runtime} does; {@code
 *       DELETE /jobs/{id}} deletes a job in IBM's API, it does not cancel it).
 * </ul>
 *
 * Every request carries {@code Authorization: Bearer <token>}; a submit also carries {@value
 * #IDEMPOTENCY_HEADER} (the header of the IETF httpapi draft "The Idempotency-Key HTTP Header
 * Field"). qrerank's provider server honours it; IBM's service does not document one, so against it
 * a retried submit may create a second job.
 *
 * <p>Each request is bounded by the configured read timeout and by the call's deadline, whichever
 * ends first; waiting stops at the deadline even if the transport has not noticed. Redirects are
 * not followed. HTTP/1.1 is used. Failure mapping: 401 and 403 → {@link ProviderAuthException};
 * other non-2xx → {@link ProviderErrorException} (retryable for 5xx and 429); refused or dropped
 * connections → {@link ProviderErrorException}; deadline, read or connect timeout → {@link
 * ProviderTimeoutException}; a 2xx body that breaks the protocol or exceeds the size limit → {@link
 * ProviderBadResponseException}.
 *
 * <p>The token is only ever put in the {@code Authorization} header: it is removed from any text of
 * the provider that a message quotes, and nothing is logged with it. Calls are logged at {@code
 * DEBUG} on the {@link System.Logger} named after this class.
 */
public final class RuntimeSamplerClient implements QuantumProvider {
  /** The header carrying a submit's idempotency key. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private static final System.Logger LOG = System.getLogger(RuntimeSamplerClient.class.getName());
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final HttpProviderConfig config;
  private final URI jobsUri;
  private final String endpoint;
  private final ExecutorService executor;
  private final HttpClient http;
  private volatile boolean closed;

  public RuntimeSamplerClient(HttpProviderConfig config) {
    this.config = config;
    String base = config.baseUri().toString();
    this.jobsUri = URI.create((base.endsWith("/") ? base : base + "/") + "jobs");
    int port = config.baseUri().getPort();
    this.endpoint = config.baseUri().getHost() + (port < 0 ? "" : ":" + port);
    int client = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t =
                  new Thread(r, "qrerank-provider-" + client + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
  }

  public HttpProviderConfig config() {
    return config;
  }

  @Override
  public JobRef submit(SamplerRequest request, Budget deadline) throws InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(jobsUri)
            .header("Content-Type", "application/json")
            .header(IDEMPOTENCY_HEADER, request.idempotencyKey())
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    SamplerJson.jobBody(request, config.backend())));
    byte[] body = exchange("submit", b, deadline);
    return new JobRef(
        SamplerJson.jobId(body), request.register(), request.shots(), request.idempotencyKey());
  }

  @Override
  public JobState status(JobRef job, Budget deadline) throws InterruptedException {
    byte[] body = exchange("status of job " + job.id(), get(jobUri(job, "")), deadline);
    return SamplerJson.state(body, job.id());
  }

  @Override
  public Samples results(JobRef job, Budget deadline) throws InterruptedException {
    byte[] body = exchange("results of job " + job.id(), get(jobUri(job, "/results")), deadline);
    return SamplerJson.samples(body, job);
  }

  @Override
  public void cancel(JobRef job, Budget deadline) throws InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(jobUri(job, "/cancel")).POST(HttpRequest.BodyPublishers.noBody());
    exchange("cancel of job " + job.id(), b, deadline);
  }

  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
  }

  private URI jobUri(JobRef job, String suffix) {
    // JobRef ids come from SamplerJson.jobId, which admits only URL-safe characters.
    return URI.create(jobsUri + "/" + job.id() + suffix);
  }

  private static HttpRequest.Builder get(URI uri) {
    return HttpRequest.newBuilder(uri).GET();
  }

  /** Sends one request within the deadline and returns the body of a 2xx answer. */
  private byte[] exchange(String op, HttpRequest.Builder builder, Budget deadline)
      throws InterruptedException {
    if (closed) {
      throw new IllegalStateException("the provider client is closed");
    }
    long remaining = deadline.remainingNanos();
    if (remaining <= 0) {
      throw new ProviderTimeoutException(op + ": deadline passed before the request", null);
    }
    Duration timeout = config.readTimeout();
    if (remaining < timeout.toNanos()) {
      timeout = Duration.ofNanos(remaining);
    }
    HttpRequest request =
        builder
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("Authorization", config.token().authorizationValue())
            .build();
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request, BoundedBodySubscriber.handler(config.maxResponseBytes()));
    HttpResponse<byte[]> response;
    try {
      response = future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      future.cancel(true);
      LOG.log(System.Logger.Level.DEBUG, () -> "provider " + op + ": interrupted");
      throw e;
    } catch (TimeoutException e) {
      future.cancel(true);
      throw logged(
          op,
          start,
          new ProviderTimeoutException(
              op
                  + ": no answer from "
                  + endpoint
                  + " before the deadline ("
                  + millis(remaining)
                  + " ms)",
              null));
    } catch (ExecutionException | CompletionException e) {
      throw logged(op, start, transportFailure(op, e.getCause() == null ? e : e.getCause()));
    }
    int status = response.statusCode();
    long took = System.nanoTime() - start;
    LOG.log(
        System.Logger.Level.DEBUG,
        () -> "provider " + op + ": HTTP " + status + " in " + millis(took) + " ms");
    if (status >= 200 && status < 300) {
      return response.body();
    }
    String detail = config.token().redact(SamplerJson.errorMessage(response.body()));
    String message = op + ": HTTP " + status + " from " + endpoint + ": " + detail;
    if (status == 401 || status == 403) {
      throw new ProviderAuthException(message, status);
    }
    boolean retryable = status >= 500 || status == 429 || status == 408;
    throw new ProviderErrorException(message, status, retryable, null);
  }

  private ProviderException transportFailure(String op, Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new ProviderTimeoutException(
          op
              + ": no connection to "
              + endpoint
              + " within "
              + millis(config.connectTimeout().toNanos())
              + " ms",
          cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new ProviderTimeoutException(
          op + ": no answer from " + endpoint + " within the read timeout", cause);
    }
    if (cause instanceof BoundedBodySubscriber.TooLarge) {
      return new ProviderBadResponseException(op + ": " + cause.getMessage(), null);
    }
    if (cause instanceof ConnectException) {
      return new ProviderErrorException(
          op + ": connection to " + endpoint + " refused", 0, true, cause);
    }
    String what = cause instanceof IOException ? "connection failed" : "request failed";
    return new ProviderErrorException(
        op
            + ": "
            + what
            + " ("
            + cause.getClass().getSimpleName()
            + ": "
            + config.token().redact(String.valueOf(cause.getMessage()))
            + ")",
        0,
        true,
        cause);
  }

  private static ProviderException logged(String op, long start, ProviderException e) {
    long took = System.nanoTime() - start;
    LOG.log(
        System.Logger.Level.DEBUG,
        () -> "provider " + op + ": " + e.failure().reason() + " after " + millis(took) + " ms");
    return e;
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
