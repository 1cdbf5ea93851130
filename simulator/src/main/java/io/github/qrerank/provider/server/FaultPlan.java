package io.github.qrerank.provider.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the provider server does wrong, and how often. Each request to {@code /jobs} draws one
 * uniform number u from the server's seeded generator and gets, in this order of the cumulative
 * shares: an HTTP 500 ({@link #errorShare}), an answer delayed by {@link #slowMillis} ({@link
 * #slowShare}), a 200 with a truncated body ({@link #malformedShare}), a dropped connection with no
 * answer ({@link #dropShare}), or else a correct answer. Independently, each new job ends {@code
 * Failed} instead of {@code Completed} with probability {@link #jobFailureShare}, drawn from the
 * job's own generator (so a job's fate is fixed by its idempotency key).
 *
 * <p>An error or a drop happens before the request is processed (a submit creates no job); a slow
 * answer waits, then processes; a malformed answer is processed and only its body is broken (a
 * submit creates the job, so a retry with the same key finds it, as after an answer lost in
 * transit). Requests without a valid token get 401 and no fault.
 *
 * @param errorShare share of requests answered HTTP 500
 * @param slowShare share of requests answered after {@code slowMillis}
 * @param slowMillis the delay of a slow answer
 * @param malformedShare share of requests answered 200 with a body cut in half
 * @param dropShare share of requests whose connection is closed without an answer
 * @param jobFailureShare share of jobs that end {@code Failed}
 */
public record FaultPlan(
    double errorShare,
    double slowShare,
    long slowMillis,
    double malformedShare,
    double dropShare,
    double jobFailureShare) {
  /** No faults. */
  public static final FaultPlan NONE = new FaultPlan(0, 0, 2000, 0, 0, 0);

  /** Option and JSON field names. */
  static final String ERROR_SHARE = "error-share";

  static final String SLOW_SHARE = "slow-share";
  static final String SLOW_MS = "slow-ms";
  static final String MALFORMED_SHARE = "malformed-share";
  static final String DROP_SHARE = "drop-share";
  static final String JOB_FAILURE_SHARE = "job-failure-share";

  /** What one request gets. */
  enum Fault {
    NONE,
    ERROR,
    SLOW,
    MALFORMED,
    DROP
  }

  public FaultPlan {
    share(errorShare, ERROR_SHARE);
    share(slowShare, SLOW_SHARE);
    share(malformedShare, MALFORMED_SHARE);
    share(dropShare, DROP_SHARE);
    share(jobFailureShare, JOB_FAILURE_SHARE);
    double sum = errorShare + slowShare + malformedShare + dropShare;
    if (sum > 1 + 1e-12) {
      throw new IllegalArgumentException(
          ERROR_SHARE
              + " + "
              + SLOW_SHARE
              + " + "
              + MALFORMED_SHARE
              + " + "
              + DROP_SHARE
              + " must be at most 1: "
              + sum);
    }
    if (slowMillis < 0 || slowMillis > 3_600_000) {
      throw new IllegalArgumentException(SLOW_MS + " must be in [0, 3600000]: " + slowMillis);
    }
  }

  private static void share(double v, String name) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + v);
    }
  }

  /** The fault for a request that drew {@code u} in [0, 1). */
  Fault fault(double u) {
    double edge = errorShare;
    if (u < edge) {
      return Fault.ERROR;
    }
    edge += slowShare;
    if (u < edge) {
      return Fault.SLOW;
    }
    edge += malformedShare;
    if (u < edge) {
      return Fault.MALFORMED;
    }
    edge += dropShare;
    return u < edge ? Fault.DROP : Fault.NONE;
  }

  /** This plan with the fields present in {@code json} replaced (names as the options). */
  FaultPlan with(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("fault plan must be a JSON object");
    }
    json.fieldNames().forEachRemaining(FaultPlan::checkName);
    return new FaultPlan(
        number(json, ERROR_SHARE, errorShare),
        number(json, SLOW_SHARE, slowShare),
        (long) number(json, SLOW_MS, slowMillis),
        number(json, MALFORMED_SHARE, malformedShare),
        number(json, DROP_SHARE, dropShare),
        number(json, JOB_FAILURE_SHARE, jobFailureShare));
  }

  private static void checkName(String name) {
    switch (name) {
      case ERROR_SHARE, SLOW_SHARE, SLOW_MS, MALFORMED_SHARE, DROP_SHARE, JOB_FAILURE_SHARE -> {}
      default -> throw new IllegalArgumentException("unknown fault field: " + name);
    }
  }

  private static double number(JsonNode json, String name, double current) {
    JsonNode v = json.get(name);
    if (v == null) {
      return current;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(name + " must be a number: " + v);
    }
    return v.asDouble();
  }

  /** The plan as JSON with the option names. */
  ObjectNode toJson(ObjectNode out) {
    out.put(ERROR_SHARE, errorShare);
    out.put(SLOW_SHARE, slowShare);
    out.put(SLOW_MS, slowMillis);
    out.put(MALFORMED_SHARE, malformedShare);
    out.put(DROP_SHARE, dropShare);
    out.put(JOB_FAILURE_SHARE, jobFailureShare);
    return out;
  }
}
