package io.github.qrerank.provider;

import io.github.qrerank.solver.Budget;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waiting for a job: polling its status until it ends, then reading its samples. */
public final class SamplerCalls {
  private SamplerCalls() {}

  /**
   * Polls {@code job}'s status every {@code pollInterval} until it is completed, then returns its
   * samples; all within {@code deadline}.
   *
   * @throws ProviderTimeoutException when the deadline passes first (the job keeps running at the
   *     provider: keep the {@link JobRef} to read a late answer, or {@link QuantumProvider#cancel}
   *     it)
   * @throws ProviderErrorException (not retryable) when the job ends {@code Failed} or {@code
   *     Cancelled}; the message carries the provider's reason
   * @throws InterruptedException when the calling thread is interrupted
   */
  public static Samples awaitResults(
      QuantumProvider provider, JobRef job, Budget deadline, Duration pollInterval)
      throws InterruptedException {
    if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(
          "pollInterval must be a positive duration: " + pollInterval);
    }
    JobStatus last = null;
    while (true) {
      JobState state;
      try {
        state = provider.status(job, deadline);
      } catch (ProviderTimeoutException e) {
        if (last == null) {
          throw e;
        }
        throw stillPending(job, last, e);
      }
      last = state.status();
      if (completedOrPause(job, state, pollInterval, deadline)) {
        return provider.results(job, deadline);
      }
      if (deadline.expired()) {
        throw stillPending(job, last, null);
      }
    }
  }

  /**
   * One polling step, after {@code job}'s status was read as {@code state}: true when the job is
   * completed (its results can be read now); otherwise, unless it ended, a pause until the next
   * poll ({@code pollInterval}, or what is left of {@code deadline} when that is less) and false.
   * The caller decides what a passed deadline means.
   *
   * @throws ProviderErrorException (not retryable) when the job ended {@code Failed} or {@code
   *     Cancelled}; the message carries the provider's reason
   * @throws InterruptedException when the calling thread is interrupted during the pause
   */
  public static boolean completedOrPause(
      JobRef job, JobState state, Duration pollInterval, Budget deadline)
      throws InterruptedException {
    switch (state.status()) {
      case COMPLETED:
        return true;
      case FAILED:
      case CANCELLED:
        throw new ProviderErrorException(
            "job "
                + job.id()
                + " ended "
                + state.status().apiName()
                + (state.reason() == null ? "" : ": " + state.reason()),
            0,
            false,
            null);
      default:
        long sleep = Math.min(pollInterval.toNanos(), deadline.remainingNanos());
        if (sleep > 0) {
          TimeUnit.NANOSECONDS.sleep(sleep);
        }
        return false;
    }
  }

  /** The timeout of a job whose last status read was {@code last} when the deadline passed. */
  public static ProviderTimeoutException stillPending(JobRef job, JobStatus last, Throwable cause) {
    return new ProviderTimeoutException(
        "job " + job.id() + " still " + last.apiName() + " at the deadline", cause);
  }

  /**
   * Submits {@code request} and waits for its samples within {@code deadline}: {@link
   * QuantumProvider#submit} then {@link #awaitResults}. Callers that want to keep a job that
   * outlives the deadline call the two themselves.
   */
  public static Samples run(
      QuantumProvider provider, SamplerRequest request, Budget deadline, Duration pollInterval)
      throws InterruptedException {
    return awaitResults(provider, provider.submit(request, deadline), deadline, pollInterval);
  }
}
