package io.github.qrerank.provider;

/**
 * The classes of failure a provider call can end in, one per {@link ProviderException} subclass.
 * {@link #reason()} is the word a caller reports when it falls back to a classical answer.
 */
public enum ProviderFailure {
  /** The call's deadline, the read timeout or the connect timeout passed first. */
  TIMEOUT("timeout"),
  /**
   * The provider could not be reached, dropped the connection, answered an HTTP error other than
   * 401/403, or the job ended {@code Failed} or {@code Cancelled}.
   */
  ERROR("error"),
  /** The provider refused the bearer token (HTTP 401 or 403). */
  AUTH("auth"),
  /** The provider answered 2xx with a body that is not the protocol's JSON or breaks its rules. */
  BAD_RESPONSE("bad_response");

  private final String reason;

  ProviderFailure(String reason) {
    this.reason = reason;
  }

  /** {@code timeout}, {@code error}, {@code auth} or {@code bad_response}. */
  public String reason() {
    return reason;
  }
}
