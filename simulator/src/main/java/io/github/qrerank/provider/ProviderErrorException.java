package io.github.qrerank.provider;

/**
 * The provider could not be reached or refused the call: connection refused or dropped, an HTTP
 * error status other than 401/403, or a job that ended {@code Failed} or {@code Cancelled}.
 */
public final class ProviderErrorException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  /**
   * @param httpStatus the HTTP status answered, or 0 when there was no HTTP answer (transport
   *     failure) or the failure is the job's own (it ended failed or cancelled)
   */
  public ProviderErrorException(
      String message, int httpStatus, boolean retryable, Throwable cause) {
    super(message, retryable, cause);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status, or 0 when there was none. */
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public ProviderFailure failure() {
    return ProviderFailure.ERROR;
  }
}
