package io.github.qrerank.provider.server;

import io.github.qrerank.provider.HttpProviderConfig;
import io.github.qrerank.quantum.StateVector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The provider server's settings, from command-line options {@code --name value} (or {@code
 * --name=value}). Every invalid value is refused with the option's name.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one (printed at start)
 * @param tokenFile file whose first line is the bearer token every request must carry
 * @param backend the backend name jobs must ask for (or omit)
 * @param seed seed of every random choice (faults, job ids without a key, and with the idempotency
 *     key, each job's sampling)
 * @param queueDelayMillis how long each job stays {@code Queued}, fixed part
 * @param queueJitterMillis plus a uniform extra in [0, jitter], drawn per job
 * @param faults the fault injection plan
 * @param maxJobs how many jobs the server keeps (ended ones are evicted first)
 * @param maxShots most shots per job
 * @param maxQubits most qubits per program (2^n amplitudes of 16 bytes each are simulated)
 * @param threads HTTP handler threads (slow answers hold one each)
 * @param workers simulation threads
 * @param maxBodyBytes largest request body accepted
 * @param recordFile when set, every request to {@code /jobs} is appended there as one JSON line
 */
public record ServerOptions(
    int port,
    Path tokenFile,
    String backend,
    long seed,
    long queueDelayMillis,
    long queueJitterMillis,
    FaultPlan faults,
    int maxJobs,
    int maxShots,
    int maxQubits,
    int threads,
    int workers,
    int maxBodyBytes,
    Path recordFile) {
  static final String PORT = "port";
  static final String TOKEN_FILE = "token-file";
  static final String BACKEND = "backend";
  static final String SEED = "seed";
  static final String QUEUE_DELAY_MS = "queue-delay-ms";
  static final String QUEUE_JITTER_MS = "queue-jitter-ms";
  static final String MAX_JOBS = "max-jobs";
  static final String MAX_SHOTS = "max-shots";
  static final String MAX_QUBITS = "max-qubits";
  static final String THREADS = "threads";
  static final String WORKERS = "workers";
  static final String MAX_BODY_BYTES = "max-body-bytes";
  static final String RECORD = "record";

  /** The usage text printed by {@code --help} and on a bad option. */
  public static final String USAGE =
      String.join(
          "\n",
          "usage: ProviderServer --token-file FILE [options]",
          "  --port P                 TCP port on 127.0.0.1 (0 = any free port; default 0)",
          "  --token-file FILE        first line = the bearer token requests must carry (required)",
          "  --backend NAME           backend name (default "
              + HttpProviderConfig.DEFAULT_BACKEND
              + ")",
          "  --seed S                 seed of every random choice (default 42)",
          "  --queue-delay-ms MS      time a job stays Queued (default 0)",
          "  --queue-jitter-ms MS     plus uniform [0, MS] per job (default 0)",
          "  --error-share X          share of requests answered HTTP 500 (default 0)",
          "  --slow-share X           share of requests answered after --slow-ms (default 0)",
          "  --slow-ms MS             delay of a slow answer (default 2000)",
          "  --malformed-share X      share of requests answered 200 with a truncated body (default"
              + " 0)",
          "  --drop-share X           share of requests whose connection is dropped (default 0)",
          "  --job-failure-share X    share of jobs that end Failed (default 0)",
          "  --max-jobs N             jobs kept; ended ones are evicted first (default 256)",
          "  --max-shots N            most shots per job (default 100000)",
          "  --max-qubits N           most qubits per program, at most 26 (default 22)",
          "  --threads N              HTTP handler threads (default 16)",
          "  --workers N              simulation threads (default 2)",
          "  --max-body-bytes N       largest request body (default 16777216)",
          "  --record FILE            append every request to /jobs to FILE as JSON lines",
          "Faults are drawn per request in the order error, slow, malformed, drop; their shares",
          "must add up to at most 1. PUT /admin/faults with a JSON object of the fault fields",
          "changes them while the server runs.");

  public ServerOptions {
    range(port, 0, 65535, PORT);
    if (tokenFile == null) {
      throw new IllegalArgumentException("--" + TOKEN_FILE + " is required");
    }
    if (backend == null || !backend.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(
          "--" + BACKEND + " must be 1-64 letters, digits, '_', '.' or '-': " + backend);
    }
    range(queueDelayMillis, 0, 86_400_000, QUEUE_DELAY_MS);
    range(queueJitterMillis, 0, 86_400_000, QUEUE_JITTER_MS);
    if (faults == null) {
      throw new IllegalArgumentException("faults must not be null");
    }
    range(maxJobs, 1, 1_000_000, MAX_JOBS);
    range(maxShots, 1, 10_000_000, MAX_SHOTS);
    range(maxQubits, 1, StateVector.MAX_QUBITS, MAX_QUBITS);
    range(threads, 1, 1024, THREADS);
    range(workers, 1, 256, WORKERS);
    range(maxBodyBytes, 1024, Integer.MAX_VALUE - 8, MAX_BODY_BYTES);
  }

  private static void range(long v, long min, long max, String name) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be in [" + min + ", " + max + "]: " + v);
    }
  }

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException naming the option that is unknown, repeated, missing its value
   *     or invalid
   */
  public static ServerOptions parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || a.length() == 2) {
        throw new IllegalArgumentException("expected an option --name, got '" + a + "'");
      }
      String name;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else {
        name = a.substring(2);
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      if (given.put(name, value) != null) {
        throw new IllegalArgumentException("--" + name + " given twice");
      }
    }
    Options o = new Options(given);
    FaultPlan faults =
        new FaultPlan(
            o.decimal(FaultPlan.ERROR_SHARE, 0),
            o.decimal(FaultPlan.SLOW_SHARE, 0),
            o.integer(FaultPlan.SLOW_MS, FaultPlan.NONE.slowMillis()),
            o.decimal(FaultPlan.MALFORMED_SHARE, 0),
            o.decimal(FaultPlan.DROP_SHARE, 0),
            o.decimal(FaultPlan.JOB_FAILURE_SHARE, 0));
    String record = o.text(RECORD, null);
    String token = o.text(TOKEN_FILE, null);
    ServerOptions parsed =
        new ServerOptions(
            (int) o.integer(PORT, 0),
            token == null ? null : Path.of(token),
            o.text(BACKEND, HttpProviderConfig.DEFAULT_BACKEND),
            o.integer(SEED, 42),
            o.integer(QUEUE_DELAY_MS, 0),
            o.integer(QUEUE_JITTER_MS, 0),
            faults,
            (int) o.integer(MAX_JOBS, 256),
            (int) o.integer(MAX_SHOTS, 100_000),
            (int) o.integer(MAX_QUBITS, 22),
            (int) o.integer(THREADS, 16),
            (int) o.integer(WORKERS, 2),
            (int) o.integer(MAX_BODY_BYTES, 16 << 20),
            record == null ? null : Path.of(record));
    o.rejectUnused();
    return parsed;
  }

  /** Typed reads of the given options, remembering which were read. */
  private static final class Options {
    private final Map<String, String> given;

    Options(Map<String, String> given) {
      this.given = new HashMap<>(given);
    }

    String text(String name, String fallback) {
      String v = given.remove(name);
      return v == null ? fallback : v;
    }

    long integer(String name, long fallback) {
      String v = given.remove(name);
      if (v == null) {
        return fallback;
      }
      try {
        long x = Long.parseLong(v.strip());
        if ((x > Integer.MAX_VALUE || x < Integer.MIN_VALUE) && !name.equals(SEED)) {
          throw new NumberFormatException();
        }
        return x;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " must be an integer: " + v);
      }
    }

    double decimal(String name, double fallback) {
      String v = given.remove(name);
      if (v == null) {
        return fallback;
      }
      try {
        double x = Double.parseDouble(v.strip());
        if (!Double.isFinite(x)) {
          throw new NumberFormatException();
        }
        return x;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " must be a number: " + v);
      }
    }

    void rejectUnused() {
      if (!given.isEmpty()) {
        throw new IllegalArgumentException("unknown option --" + given.keySet().iterator().next());
      }
    }
  }
}
