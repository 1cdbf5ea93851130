package io.github.qrerank.provider;

import java.util.Objects;

/**
 * A job's status and, when the provider gives one, the reason for it ({@code state.reason}, e.g.
 * why a job failed).
 *
 * @param status the lifecycle state
 * @param reason the provider's reason, or null
 */
public record JobState(JobStatus status, String reason) {
  public JobState {
    Objects.requireNonNull(status, "status");
  }
}
