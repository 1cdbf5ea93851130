package io.github.qrerank.provider;

/**
 * A provider call that did not succeed. Each failure class has its own final subclass, so callers
 * may catch them separately or read {@link #failure()}; {@link #retryable()} says whether repeating
 * the same call (with the same idempotency key) can succeed. Messages never contain the bearer
 * token.
 */
public abstract sealed class ProviderException extends RuntimeException
    permits ProviderTimeoutException,
        ProviderErrorException,
        ProviderAuthException,
        ProviderBadResponseException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  ProviderException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** The failure class. */
  public abstract ProviderFailure failure();

  /**
   * Whether the same call may succeed if repeated: true for timeouts, transport errors, HTTP 5xx
   * and 429, and malformed answers; false for refused tokens, other 4xx answers and failed jobs.
   */
  public boolean retryable() {
    return retryable;
  }
}
