package io.github.qrerank.solr.remote;

import io.github.qrerank.provider.BearerToken;
import io.github.qrerank.provider.HttpProviderConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.util.NamedList;

/**
 * The quantum provider of {@code solver=remote}, configured in {@code solrconfig.xml} under a
 * {@code <lst name="remote">} in the init args of {@code <queryParser name="qrerank">} — never by a
 * request. Read when the core loads; every invalid entry fails the core with a message naming
 * {@code remote.<entry>}. The token is read then too, from a file or an environment variable, and
 * never appears in a message.
 *
 * <pre>{@code
 * <lst name="remote">
 *   <str name="url">http://127.0.0.1:8765</str>
 *   <str name="tokenFile">/etc/qrerank/provider-token</str>   <!-- or tokenEnv -->
 *   <int name="connectTimeoutMs">1000</int>
 *   <int name="readTimeoutMs">5000</int>
 *   <int name="pollIntervalMs">10</int>
 *   <int name="maxConcurrentJobs">8</int>
 *   <int name="maxAttempts">3</int>
 *   <int name="breakerFailures">5</int>
 *   <int name="breakerOpenMs">30000</int>
 *   <int name="breakerProbes">1</int>
 *   <int name="lateAnswerCacheSize">256</int>
 *   <int name="lateAnswerTimeoutMs">60000</int>
 * </lst>
 * }</pre>
 */
public final class RemoteSettings {
  /** The name of the init-args list. */
  public static final String SECTION = "remote";

  public static final String NAME = "name";
  public static final String URL = "url";
  public static final String BACKEND = "backend";
  public static final String TOKEN_FILE = "tokenFile";
  public static final String TOKEN_ENV = "tokenEnv";
  public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
  public static final String READ_TIMEOUT_MS = "readTimeoutMs";
  public static final String POLL_INTERVAL_MS = "pollIntervalMs";
  public static final String MAX_CONCURRENT_JOBS = "maxConcurrentJobs";
  public static final String MAX_ATTEMPTS = "maxAttempts";
  public static final String BREAKER_FAILURES = "breakerFailures";
  public static final String BREAKER_OPEN_MS = "breakerOpenMs";
  public static final String BREAKER_PROBES = "breakerProbes";
  public static final String LATE_ANSWER_CACHE_SIZE = "lateAnswerCacheSize";
  public static final String LATE_ANSWER_TIMEOUT_MS = "lateAnswerTimeoutMs";

  public static final String NAME_DEFAULT = "provider";
  public static final int CONNECT_TIMEOUT_MS_DEFAULT = 1000;
  public static final int READ_TIMEOUT_MS_DEFAULT = 5000;
  public static final int POLL_INTERVAL_MS_DEFAULT = 10;
  public static final int MAX_CONCURRENT_JOBS_DEFAULT = 8;
  public static final int MAX_ATTEMPTS_DEFAULT = 3;
  public static final int BREAKER_FAILURES_DEFAULT = 5;
  public static final int BREAKER_OPEN_MS_DEFAULT = 30_000;
  public static final int BREAKER_PROBES_DEFAULT = 1;
  public static final int LATE_ANSWER_CACHE_SIZE_DEFAULT = 256;
  public static final int LATE_ANSWER_TIMEOUT_MS_DEFAULT = 60_000;

  /** Every entry name, in the order of the documentation. */
  public static final List<String> NAMES =
      List.of(
          NAME, URL, BACKEND, TOKEN_FILE, TOKEN_ENV, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS,
          POLL_INTERVAL_MS, MAX_CONCURRENT_JOBS, MAX_ATTEMPTS, BREAKER_FAILURES, BREAKER_OPEN_MS,
          BREAKER_PROBES, LATE_ANSWER_CACHE_SIZE, LATE_ANSWER_TIMEOUT_MS);

  private final String name;
  private final HttpProviderConfig http;
  private final String tokenSource;
  private final Duration pollInterval;
  private final int maxConcurrentJobs;
  private final int maxAttempts;
  private final int breakerFailures;
  private final Duration breakerOpen;
  private final int breakerProbes;
  private final int lateAnswerCacheSize;
  private final Duration lateAnswerTimeout;

  private RemoteSettings(Entries e) {
    this.name = e.text(NAME, NAME_DEFAULT);
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw e.bad(NAME, "must be 1-64 letters, digits, '_' or '-', got '" + name + "'");
    }
    URI uri = e.uri(URL);
    String file = e.text(TOKEN_FILE, null);
    String env = e.text(TOKEN_ENV, null);
    if ((file == null) == (env == null)) {
      throw e.bad(
          TOKEN_FILE, "or '" + SECTION + "." + TOKEN_ENV + "': give exactly one of the two");
    }
    BearerToken token;
    try {
      token = file != null ? BearerToken.fromFile(Path.of(file)) : BearerToken.fromEnvironment(env);
    } catch (IllegalArgumentException ex) {
      // BearerToken's messages name the file or the variable, never the token.
      throw e.bad(file != null ? TOKEN_FILE : TOKEN_ENV, ex.getMessage());
    }
    this.tokenSource = file != null ? "file " + file : "environment variable " + env;
    int connect = e.integer(CONNECT_TIMEOUT_MS, CONNECT_TIMEOUT_MS_DEFAULT, 1, 600_000);
    int read = e.integer(READ_TIMEOUT_MS, READ_TIMEOUT_MS_DEFAULT, 1, 600_000);
    String backend = e.text(BACKEND, HttpProviderConfig.DEFAULT_BACKEND);
    try {
      this.http =
          HttpProviderConfig.builder()
              .baseUri(uri)
              .backend(backend)
              .token(token)
              .connectTimeout(Duration.ofMillis(connect))
              .readTimeout(Duration.ofMillis(read))
              .build();
    } catch (IllegalArgumentException ex) {
      throw e.bad(ex.getMessage().startsWith("backend") ? BACKEND : URL, ex.getMessage());
    }
    this.pollInterval =
        Duration.ofMillis(e.integer(POLL_INTERVAL_MS, POLL_INTERVAL_MS_DEFAULT, 1, 600_000));
    this.maxConcurrentJobs =
        e.integer(MAX_CONCURRENT_JOBS, MAX_CONCURRENT_JOBS_DEFAULT, 1, 1024);
    this.maxAttempts = e.integer(MAX_ATTEMPTS, MAX_ATTEMPTS_DEFAULT, 1, 100);
    this.breakerFailures = e.integer(BREAKER_FAILURES, BREAKER_FAILURES_DEFAULT, 1, 10_000);
    this.breakerOpen =
        Duration.ofMillis(e.integer(BREAKER_OPEN_MS, BREAKER_OPEN_MS_DEFAULT, 1, 86_400_000));
    this.breakerProbes = e.integer(BREAKER_PROBES, BREAKER_PROBES_DEFAULT, 1, 1000);
    this.lateAnswerCacheSize =
        e.integer(LATE_ANSWER_CACHE_SIZE, LATE_ANSWER_CACHE_SIZE_DEFAULT, 0, 1_000_000);
    this.lateAnswerTimeout =
        Duration.ofMillis(
            e.integer(LATE_ANSWER_TIMEOUT_MS, LATE_ANSWER_TIMEOUT_MS_DEFAULT, 1, 86_400_000));
    e.rejectUnused();
  }

  /**
   * Reads the {@code remote} list.
   *
   * @throws IllegalArgumentException whose message starts with {@code remote.<entry>} for an
   *     unknown, repeated, missing or invalid entry
   */
  public static RemoteSettings parse(NamedList<?> list) {
    return new RemoteSettings(new Entries(list));
  }

  /** The label of this provider in metric names. */
  public String name() {
    return name;
  }

  /** The HTTP client's settings (with the token). */
  public HttpProviderConfig http() {
    return http;
  }

  /** Where the token was read from ("file ..." or "environment variable ..."), for logs. */
  public String tokenSource() {
    return tokenSource;
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  /** Jobs in flight at most (bulkhead size and background pollers). */
  public int maxConcurrentJobs() {
    return maxConcurrentJobs;
  }

  /** Provider calls per job within the request's deadline: 1 + the retries allowed. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Consecutive failed jobs that open the circuit. */
  public int breakerFailures() {
    return breakerFailures;
  }

  /** How long the circuit stays open before it lets probes through. */
  public Duration breakerOpen() {
    return breakerOpen;
  }

  /** Jobs let through while half open; the circuit closes again unless all of them fail. */
  public int breakerProbes() {
    return breakerProbes;
  }

  /** Late answers kept; 0 keeps none (a job then ends with its request's deadline). */
  public int lateAnswerCacheSize() {
    return lateAnswerCacheSize;
  }

  /** How long a job is still polled after its request's deadline, for the late-answer cache. */
  public Duration lateAnswerTimeout() {
    return lateAnswerTimeout;
  }

  @Override
  public String toString() {
    return "remote provider '"
        + name
        + "' at "
        + http.baseUri()
        + " (backend "
        + http.backend()
        + ", token from "
        + tokenSource
        + ", "
        + maxConcurrentJobs
        + " jobs at most)";
  }

  /** Typed reads of the list's entries, remembering which were read. */
  private static final class Entries {
    private final Map<String, Object> given = new HashMap<>();

    Entries(NamedList<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String key = list.getName(i);
        Object value = list.getVal(i);
        if (key == null) {
          throw new IllegalArgumentException(SECTION + ": every entry needs a name");
        }
        if (value == null || value instanceof NamedList || value instanceof Iterable) {
          throw bad(key, "must be a single value");
        }
        if (given.put(key, value) != null) {
          throw bad(key, "is given twice");
        }
      }
    }

    IllegalArgumentException bad(String entry, String message) {
      return new IllegalArgumentException(SECTION + "." + entry + " " + message);
    }

    String text(String entry, String fallback) {
      Object v = given.remove(entry);
      if (v == null) {
        return fallback;
      }
      String s = v.toString().trim();
      if (s.isEmpty()) {
        throw bad(entry, "must not be empty");
      }
      return s;
    }

    URI uri(String entry) {
      String s = text(entry, null);
      if (s == null) {
        throw bad(entry, "is required: the provider's base URL, e.g. http://127.0.0.1:8765");
      }
      try {
        return new URI(s);
      } catch (URISyntaxException ex) {
        throw bad(entry, "is not a URL: " + ex.getMessage());
      }
    }

    int integer(String entry, int fallback, int min, int max) {
      Object v = given.remove(entry);
      if (v == null) {
        return fallback;
      }
      try {
        long x = v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
        if (v instanceof Number n && n.doubleValue() != x) {
          throw new NumberFormatException();
        }
        if (x >= min && x <= max) {
          return (int) x;
        }
      } catch (NumberFormatException ex) {
        // reported below
      }
      throw bad(entry, "must be an integer in [" + min + ", " + max + "], got '" + v + "'");
    }

    void rejectUnused() {
      if (!given.isEmpty()) {
        String entry = given.keySet().iterator().next();
        throw bad(entry, "is not a remote setting; known: " + NAMES);
      }
    }
  }
}
