package io.github.qrerank.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link RuntimeSamplerClient}. Parameter names in error messages are those of the
 * builder methods.
 *
 * @param baseUri the API root; jobs live at {@code <baseUri>/jobs} (e.g. {@code
 *     https://quantum.cloud.ibm.com/api/v1} or {@code http://127.0.0.1:8765})
 * @param backend the backend name sent with every job
 * @param token the bearer token
 * @param connectTimeout longest wait to open a connection
 * @param readTimeout longest wait for one HTTP answer (also bounded by each call's deadline)
 * @param maxResponseBytes the largest body accepted; a larger one is a bad response
 */
public record HttpProviderConfig(
    URI baseUri,
    String backend,
    BearerToken token,
    Duration connectTimeout,
    Duration readTimeout,
    int maxResponseBytes) {
  /** The backend name of qrerank's own provider server. */
  public static final String DEFAULT_BACKEND = "qrerank_statevector";

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 << 20;

  public HttpProviderConfig {
    Objects.requireNonNull(baseUri, "baseUri");
    Objects.requireNonNull(token, "token");
    String scheme = baseUri.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("baseUri must be http or https: " + baseUri);
    }
    if (baseUri.getHost() == null
        || baseUri.getRawQuery() != null
        || baseUri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "baseUri needs a host and no query or fragment: " + baseUri);
    }
    if (backend == null || backend.isBlank()) {
      throw new IllegalArgumentException("backend must not be blank");
    }
    checkPositive(connectTimeout, "connectTimeout");
    checkPositive(readTimeout, "readTimeout");
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be >= 1024: " + maxResponseBytes);
    }
  }

  private static void checkPositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration: " + d);
    }
  }

  /** A builder with the defaults above; {@code baseUri} and {@code token} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link HttpProviderConfig}; validation happens in {@link #build()}. */
  public static final class Builder {
    private URI baseUri;
    private String backend = DEFAULT_BACKEND;
    private BearerToken token;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {}

    public Builder baseUri(URI baseUri) {
      this.baseUri = baseUri;
      return this;
    }

    public Builder backend(String backend) {
      this.backend = backend;
      return this;
    }

    public Builder token(BearerToken token) {
      this.token = token;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    public Builder maxResponseBytes(int maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    public HttpProviderConfig build() {
      return new HttpProviderConfig(
          baseUri, backend, token, connectTimeout, readTimeout, maxResponseBytes);
    }
  }
}
