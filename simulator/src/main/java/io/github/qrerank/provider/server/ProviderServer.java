package io.github.qrerank.provider.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.qrerank.provider.BearerToken;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A quantum provider on 127.0.0.1 that speaks the Qiskit Runtime sampler REST protocol of {@link
 * io.github.qrerank.provider.RuntimeSamplerClient}: it parses the OpenQASM 3 subset qrerank emits,
 * simulates it with the state-vector engine and answers with samples, after a configurable queue
 * delay and with seeded fault injection ({@link FaultPlan}). Submissions with the same {@code
 * Idempotency-Key} get the same job, and the job's samples are seeded by the key, so retries get
 * the same answer. Every request needs the bearer token read from {@code --token-file}; the token
 * is never logged. See {@link ServerOptions#USAGE} for the options.
 *
 * <p>Start it with {@code provider.sh} at the repository root, or {@code java -cp ...
 * io.github.qrerank.provider.server.ProviderServer --port 8765 --token-file token.txt}. Once
 * listening it prints one line to standard output, {@code qrerank provider listening on
 * http://127.0.0.1:<port>}, which scripts and tests wait for.
 */
public final class ProviderServer implements AutoCloseable {
  /** The start of the line printed when the server listens; the base URI follows it. */
  public static final String LISTENING = "qrerank provider listening on ";

  private static final System.Logger LOG = System.getLogger(ProviderServer.class.getName());

  /**
   * The JDK server's switch for TCP_NODELAY on accepted connections (default off). Off, an answer
   * written as headers then body waits for the client's delayed ACK: about 40 ms per exchange on
   * loopback, more than a search request's whole budget.
   */
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer http;
  private final ExecutorService handlers;
  private final ScheduledExecutorService workers;
  private final RequestRecorder recorder;
  private final FaultInjector faults;

  private ProviderServer(
      HttpServer http,
      ExecutorService handlers,
      ScheduledExecutorService workers,
      RequestRecorder recorder,
      FaultInjector faults) {
    this.http = http;
    this.handlers = handlers;
    this.workers = workers;
    this.recorder = recorder;
    this.faults = faults;
  }

  /**
   * Starts a server with {@code options}, reading the token from {@code options.tokenFile()}.
   *
   * @throws IllegalArgumentException when the token file is unreadable or invalid
   * @throws IOException when the port cannot be bound or the record file opened
   */
  public static ProviderServer start(ServerOptions options) throws IOException {
    return start(options, BearerToken.fromFile(options.tokenFile()));
  }

  /** Starts a server with {@code options} and {@code token} (the token file is not read). */
  public static ProviderServer start(ServerOptions options, BearerToken token) throws IOException {
    // Read once, when the JDK's server classes load: set it before the first server (unless the
    // JVM was started with a value of its own).
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
    ObjectMapper mapper = new ObjectMapper();
    RequestRecorder recorder =
        options.recordFile() == null ? null : new RequestRecorder(options.recordFile(), mapper);
    HttpServer http =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
    ExecutorService handlers =
        Executors.newFixedThreadPool(options.threads(), threads("qrerank-provider-http"));
    ScheduledExecutorService workers =
        Executors.newScheduledThreadPool(options.workers(), threads("qrerank-provider-sim"));
    FaultInjector faults = new FaultInjector(options.faults(), options.seed());
    ServerStats stats = new ServerStats();
    Exchanges exchanges = new Exchanges(mapper);
    http.createContext(
        "/jobs",
        new JobsHandler(
            options,
            token,
            exchanges,
            faults,
            new JobStore(options.maxJobs()),
            workers,
            recorder,
            stats));
    http.createContext(
        "/admin", new AdminHandler(token, exchanges, faults, stats, options.maxBodyBytes()));
    http.setExecutor(handlers);
    http.start();
    ProviderServer server = new ProviderServer(http, handlers, workers, recorder, faults);
    LOG.log(
        System.Logger.Level.INFO,
        () ->
            "listening on "
                + server.baseUri()
                + " (backend "
                + options.backend()
                + ", seed "
                + options.seed()
                + ", faults "
                + options.faults()
                + ")");
    return server;
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The port it listens on (the one chosen when the options said 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}: the base URI a client's jobs live under. */
  public URI baseUri() {
    return URI.create("http://" + http.getAddress().getAddress().getHostAddress() + ":" + port());
  }

  /** The fault plan now in force. */
  public FaultPlan faults() {
    return faults.plan();
  }

  /** Replaces the fault plan (as {@code PUT /admin/faults} does). */
  public void faults(FaultPlan plan) {
    faults.plan(plan);
  }

  /** Stops listening, interrupts answers in progress (slow ones included) and queued jobs. */
  @Override
  public void close() {
    http.stop(0);
    handlers.shutdownNow();
    workers.shutdownNow();
    if (recorder != null) {
      try {
        recorder.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot close the request record", e);
      }
    }
    LOG.log(System.Logger.Level.INFO, "stopped");
  }

  /** Runs the server until the process is stopped; exit status 2 on bad options. */
  public static void main(String[] args) throws InterruptedException {
    Launch launch = launch(args, System.out, System.err);
    if (launch.server() == null) {
      System.exit(launch.exitStatus());
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(launch.server()::close, "qrerank-provider-shutdown"));
    Thread.currentThread().join(); // the server's threads are daemons: keep the JVM alive
  }

  /** The outcome of {@link #launch}: a running server, or the exit status of a process without. */
  record Launch(ProviderServer server, int exitStatus) {}

  /**
   * Parses {@code args}, starts the server and prints {@link #LISTENING} and its URI to {@code
   * out}. Without a server: status 0 after {@code --help}, 2 on bad options, 1 when it cannot
   * start.
   */
  static Launch launch(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(ServerOptions.USAGE);
      return new Launch(null, 0);
    }
    ProviderServer server;
    try {
      server = start(ServerOptions.parse(args));
    } catch (IllegalArgumentException e) {
      err.println("ProviderServer: " + e.getMessage());
      err.println(ServerOptions.USAGE);
      return new Launch(null, 2);
    } catch (IOException e) {
      err.println("ProviderServer: cannot start: " + e.getMessage());
      return new Launch(null, 1);
    }
    out.println(LISTENING + server.baseUri());
    out.flush();
    return new Launch(server, 0);
  }
}
