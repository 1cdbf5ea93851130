package io.github.qrerank.provider;

/**
 * The provider answered with success but the body is not the protocol's JSON or breaks its rules
 * (missing fields, an unknown status, a sample count other than the shots asked for, a sample wider
 * than the measured register, a body over the size limit).
 */
public final class ProviderBadResponseException extends ProviderException {
  private static final long serialVersionUID = 1L;

  public ProviderBadResponseException(String message, Throwable cause) {
    super(message, true, cause);
  }

  @Override
  public ProviderFailure failure() {
    return ProviderFailure.BAD_RESPONSE;
  }
}
