package io.github.qrerank.provider;

/** The provider refused the bearer token (HTTP 401 or 403). Not retryable. */
public final class ProviderAuthException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  public ProviderAuthException(String message, int httpStatus) {
    super(message, false, null);
    this.httpStatus = httpStatus;
  }

  /** 401 or 403. */
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public ProviderFailure failure() {
    return ProviderFailure.AUTH;
  }
}
