package io.github.qrerank.provider;

import java.util.Locale;

/**
 * A job's lifecycle state, with the names the Qiskit Runtime REST API uses in {@code state.status}:
 * {@code Queued}, {@code Running}, {@code Completed}, {@code Failed}, {@code Cancelled}. IBM also
 * reports {@code "Cancelled - Ran too long"}; every status that starts with {@code Cancelled} reads
 * as {@link #CANCELLED}.
 */
public enum JobStatus {
  QUEUED("Queued"),
  RUNNING("Running"),
  COMPLETED("Completed"),
  FAILED("Failed"),
  CANCELLED("Cancelled");

  private final String apiName;

  JobStatus(String apiName) {
    this.apiName = apiName;
  }

  /** The name on the wire, e.g. {@code Queued}. */
  public String apiName() {
    return apiName;
  }

  /** Whether the job will not change state any more (completed, failed or cancelled). */
  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /**
   * The status named {@code name} (case-insensitive), or null when it is none of the five.
   *
   * @param name a {@code state.status} value
   */
  public static JobStatus fromApi(String name) {
    if (name == null) {
      return null;
    }
    String lower = name.trim().toLowerCase(Locale.ROOT);
    for (JobStatus s : values()) {
      if (lower.equals(s.apiName.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    return lower.startsWith("cancelled") ? CANCELLED : null;
  }
}
