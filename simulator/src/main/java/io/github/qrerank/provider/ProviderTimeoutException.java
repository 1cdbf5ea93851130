package io.github.qrerank.provider;

/** The call's deadline (or the configured connect or read timeout) passed before an answer. */
public final class ProviderTimeoutException extends ProviderException {
  private static final long serialVersionUID = 1L;

  public ProviderTimeoutException(String message, Throwable cause) {
    super(message, true, cause);
  }

  @Override
  public ProviderFailure failure() {
    return ProviderFailure.TIMEOUT;
  }
}
