package io.github.qrerank.provider;

import io.github.qrerank.solver.Budget;

/**
 * A quantum provider that runs sampler jobs: submit an OpenQASM 3 program with a number of shots,
 * watch its status, read one measured bit string per shot, or cancel it.
 *
 * <p><b>Deadlines.</b> Every call takes a {@link Budget} and returns or throws before it runs out
 * (up to scheduling noise): a call whose budget is already spent throws {@link
 * ProviderTimeoutException} without contacting the provider. An implementation may bound single
 * calls further (connect and read timeouts).
 *
 * <p><b>Failures.</b> Every failure is a {@link ProviderException} of one class: {@link
 * ProviderTimeoutException}, {@link ProviderErrorException}, {@link ProviderAuthException} or
 * {@link ProviderBadResponseException}. No other runtime exception escapes for provider-side
 * problems.
 *
 * <p><b>Cancellation.</b> Interrupting the calling thread aborts the call in flight: it throws
 * {@link InterruptedException} (the interrupt is consumed, as usual). That stops waiting; it does
 * not cancel the job at the provider, which is what {@link #cancel} does.
 *
 * <p>Implementations are thread-safe: one instance serves concurrent calls.
 */
public interface QuantumProvider extends AutoCloseable {
  /**
   * Submits a job. Submitting again with the same idempotency key returns the same job when the
   * provider honours keys, so a failed submit may be retried.
   *
   * @return the job, with what {@link #results} will check the answer against
   */
  JobRef submit(SamplerRequest request, Budget deadline) throws InterruptedException;

  /** The job's current status (and the provider's reason, if any). */
  JobState status(JobRef job, Budget deadline) throws InterruptedException;

  /**
   * The samples of a completed job: exactly {@link JobRef#shots()} values, each fitting the
   * measured register.
   *
   * @throws ProviderErrorException when the job has no results (not completed, or unknown)
   * @throws ProviderBadResponseException when the answer breaks those rules
   */
  Samples results(JobRef job, Budget deadline) throws InterruptedException;

  /**
   * Asks the provider to cancel the job. Cancelling a job that already ended is reported by the
   * provider as an error (HTTP 409 for the Qiskit Runtime API).
   */
  void cancel(JobRef job, Budget deadline) throws InterruptedException;

  /** Releases the client's threads and connections; calls after this fail. */
  @Override
  void close();
}
