package io.github.qrerank.solr.remote;

/**
 * What {@code solver=remote} did for one request, for the debug section.
 *
 * @param provider the provider's name ({@code remote.name})
 * @param source where the samples came from: {@value #PROVIDER}, {@value #LATE_ANSWER_CACHE}, or
 *     null when none were used (fallback, or nothing to select)
 * @param reason why the exact answer was returned instead (null when the samples answered): one of
 *     {@code timeout}, {@code error}, {@code auth}, {@code bad_response}, {@code circuit_open},
 *     {@code rejected}, or {@code qaoa-incomplete}
 * @param detail what happened, in words (never the token), or null
 * @param jobId the provider's job id, or null when no job was submitted or it is unknown
 * @param sharedJob whether this request waited on a job another identical request had started
 * @param retries failed provider calls that were retried (with the same idempotency key)
 * @param qubits the circuit's qubits (0 without a circuit)
 * @param shots the shots asked for
 * @param circuitKey the circuit's content key (the idempotency key and the late-answer cache key),
 *     or null without a circuit
 * @param waitNanos time spent waiting for the provider
 * @param breakerState the circuit breaker's state after the request
 */
public record RemoteTrace(
    String provider,
    String source,
    String reason,
    String detail,
    String jobId,
    boolean sharedJob,
    int retries,
    int qubits,
    int shots,
    String circuitKey,
    long waitNanos,
    String breakerState) {
  /** The samples came from the provider within the request's deadline. */
  public static final String PROVIDER = "provider";

  /** The samples had arrived late for an earlier identical request and were kept. */
  public static final String LATE_ANSWER_CACHE = "late-answer-cache";
}
