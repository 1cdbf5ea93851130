package io.github.qrerank.solr.remote;

import io.github.qrerank.provider.JobRef;
import io.github.qrerank.provider.JobState;
import io.github.qrerank.provider.ProviderErrorException;
import io.github.qrerank.provider.ProviderException;
import io.github.qrerank.provider.ProviderTimeoutException;
import io.github.qrerank.provider.QuantumProvider;
import io.github.qrerank.provider.SamplerCalls;
import io.github.qrerank.provider.SamplerRequest;
import io.github.qrerank.provider.Samples;
import io.github.qrerank.solver.Budget;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One sampler job at the provider, run on the solver's bounded executor: submit (the idempotency
 * key is the circuit's content key, so a repeated submit finds the same job), poll the status every
 * poll interval, read the samples.
 *
 * <p><b>Retries.</b> A retryable failure (transport error, HTTP 5xx or 429, malformed answer, a
 * call's timeout) is retried with the same key while the deadline of the request that started the
 * job has not passed and the job has retries left ({@code maxAttempts - 1}); otherwise it ends the
 * job. A job that ends {@code Failed} or {@code Cancelled} is not retried.
 *
 * <p><b>Late answers.</b> Requests wait for the job with {@link #await} until their own deadline.
 * When one gives up, the job goes on in the background (its calls then bounded by the late-answer
 * timeout) and, if its samples arrive, hands them to {@code onEnd} as late: the solver keeps them
 * for the next identical request. A job that is still pending when the late-answer timeout passes
 * (or, without a late-answer cache, at the request's deadline) is cancelled at the provider, best
 * effort.
 */
final class RemoteJob implements Runnable {
  private final QuantumProvider provider;
  private final SamplerRequest request;
  private final RemoteSettings settings;
  private final Budget requestDeadline;
  private final Budget callBudget;
  private final RemoteMetrics metrics;
  private final Consumer<RemoteJob> onEnd;
  private final CompletableFuture<Samples> result = new CompletableFuture<>();
  private final Object lock = new Object();
  private boolean abandoned;
  private boolean late;
  private volatile String jobId;
  private volatile int retries;
  private boolean terminal;

  /**
   * @param requestDeadline the deadline of the request that starts the job: retries only before it
   * @param callBudget when the job's calls and polling stop: the request's deadline, or later for a
   *     late answer
   * @param onEnd called once, on the job's thread, when the job has ended (whatever the outcome)
   */
  RemoteJob(
      QuantumProvider provider,
      SamplerRequest request,
      RemoteSettings settings,
      Budget requestDeadline,
      Budget callBudget,
      RemoteMetrics metrics,
      Consumer<RemoteJob> onEnd) {
    this.provider = provider;
    this.request = request;
    this.settings = settings;
    this.requestDeadline = requestDeadline;
    this.callBudget = callBudget;
    this.metrics = metrics;
    this.onEnd = onEnd;
  }

  /** The circuit's content key, also the job's idempotency key. */
  String key() {
    return request.idempotencyKey();
  }

  /** The provider's job id, or null before the submit succeeded. */
  String jobId() {
    return jobId;
  }

  /** Whether the job has an outcome (samples or a failure), though its thread may still run. */
  boolean finished() {
    return result.isDone();
  }

  /** Failed calls retried so far. */
  int retries() {
    return retries;
  }

  /** The samples, once they arrived after a waiting request had given up; else null. */
  Samples lateSamples() {
    synchronized (lock) {
      return late ? result.getNow(null) : null;
    }
  }

  @Override
  public void run() {
    JobRef ref = null;
    try {
      long start = System.nanoTime();
      ref = submit();
      jobId = ref.id();
      metrics.submitted(request.shots());
      Samples samples = awaitSamples(ref);
      metrics.providerAnswered(System.nanoTime() - start);
      synchronized (lock) {
        result.complete(samples);
        late = abandoned;
      }
    } catch (ProviderException e) {
      result.completeExceptionally(e);
    } catch (InterruptedException e) {
      result.completeExceptionally(
          new ProviderErrorException("the remote solver is closing", 0, false, null));
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      result.completeExceptionally(
          new ProviderErrorException(
              "unexpected failure: " + e.getClass().getSimpleName(), 0, false, e));
    } finally {
      if (ref != null && !terminal) {
        cancelQuietly(ref); // still pending at the provider: nobody will read its answer
      }
      onEnd.accept(this);
    }
  }

  private JobRef submit() throws InterruptedException {
    while (true) {
      try {
        return provider.submit(request, callBudget);
      } catch (ProviderException e) {
        retryOrThrow(e);
      }
    }
  }

  private Samples awaitSamples(JobRef ref) throws InterruptedException {
    while (true) {
      JobState state;
      try {
        state = provider.status(ref, callBudget);
      } catch (ProviderException e) {
        retryOrThrow(e);
        continue;
      }
      terminal = state.status().terminal(); // nothing to cancel at the provider any more
      if (SamplerCalls.completedOrPause(ref, state, settings.pollInterval(), callBudget)) {
        return results(ref);
      }
      if (callBudget.expired()) {
        throw SamplerCalls.stillPending(ref, state.status(), null);
      }
    }
  }

  private Samples results(JobRef ref) throws InterruptedException {
    while (true) {
      try {
        return provider.results(ref, callBudget);
      } catch (ProviderException e) {
        retryOrThrow(e);
      }
    }
  }

  /** Returns after a short pause when {@code e} may be retried now; throws it otherwise. */
  private void retryOrThrow(ProviderException e) throws InterruptedException {
    if (!e.retryable() || retries + 1 >= settings.maxAttempts() || requestDeadline.expired()) {
      throw e;
    }
    retries++;
    long pause = Math.min(settings.pollInterval().toNanos(), requestDeadline.remainingNanos());
    if (pause > 0) {
      TimeUnit.NANOSECONDS.sleep(pause);
    }
  }

  private void cancelQuietly(JobRef ref) {
    try {
      provider.cancel(ref, Budget.ofNanos(settings.http().readTimeout().toNanos()));
    } catch (ProviderException e) {
      // best effort: the job may have ended meanwhile (409) or the provider may be down
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for the samples until {@code deadline}. When the deadline passes first, the job is marked
   * abandoned (its samples, if they come, are late) and the outcome is a timeout.
   */
  Outcome await(Budget deadline) throws InterruptedException {
    try {
      return Outcome.of(result.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      synchronized (lock) {
        if (!result.isDone()) {
          abandoned = true;
          return Outcome.failed(
              new ProviderTimeoutException(
                  jobId == null
                      ? "no job id from the provider before the deadline"
                      : "job " + jobId + " not answered before the deadline",
                  null));
        }
      }
      return await(deadline);
    } catch (ExecutionException e) {
      return Outcome.failed((ProviderException) e.getCause());
    }
  }

  /**
   * What a waiting request gets: samples, or the reason it has none (a {@link
   * io.github.qrerank.provider.ProviderFailure#reason()}, or the solver's own {@code circuit_open}
   * and {@code rejected}), in words, and the provider's exception when there is one.
   */
  record Outcome(Samples samples, String reason, String detail, ProviderException failure) {
    static Outcome of(Samples samples) {
      return new Outcome(samples, null, null, null);
    }

    static Outcome failed(ProviderException failure) {
      return new Outcome(null, failure.failure().reason(), failure.getMessage(), failure);
    }

    static Outcome refused(String reason, String detail) {
      return new Outcome(null, reason, detail, null);
    }
  }
}
