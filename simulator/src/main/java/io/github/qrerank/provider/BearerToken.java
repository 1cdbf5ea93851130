package io.github.qrerank.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The secret sent as {@code Authorization: Bearer <token>}. Its {@link #toString()} is masked and
 * no message of this package contains it; only the HTTP client reads the value. Tokens are RFC 6750
 * {@code b64token}s: letters, digits and {@code -._~+/}, optionally ending in {@code =}.
 */
public final class BearerToken {
  private static final int MAX_LENGTH = 8192;

  private final String value;

  private BearerToken(String value) {
    this.value = value;
  }

  /**
   * A token given directly.
   *
   * @throws IllegalArgumentException when it is empty, too long or has characters outside RFC
   *     6750's b64token (the message never shows the token)
   */
  public static BearerToken of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("token must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("token must have at most " + MAX_LENGTH + " characters");
    }
    int end = value.length();
    while (end > 1 && value.charAt(end - 1) == '=') {
      end--;
    }
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || "-._~+/".indexOf(c) >= 0;
      if (!ok) {
        throw new IllegalArgumentException(
            "token has a character outside RFC 6750 b64token at position " + i);
      }
    }
    return new BearerToken(value);
  }

  /**
   * The first line of {@code file}, without surrounding whitespace.
   *
   * @throws IllegalArgumentException naming the file (never its content) when it cannot be read or
   *     holds no valid token
   */
  public static BearerToken fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "token file " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
    }
    String line = text.lines().findFirst().orElse("").strip();
    try {
      return of(line);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("token file " + file + ": " + e.getMessage());
    }
  }

  /**
   * The value of environment variable {@code name}, without surrounding whitespace.
   *
   * @throws IllegalArgumentException naming the variable when it is unset or invalid
   */
  public static BearerToken fromEnvironment(String name) {
    return fromEnvironment(name, System.getenv());
  }

  static BearerToken fromEnvironment(String name, Map<String, String> env) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set");
    }
    try {
      return of(v.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("environment variable " + name + ": " + e.getMessage());
    }
  }

  /** {@code Bearer <token>}: for the HTTP client only. */
  String authorizationValue() {
    return "Bearer " + value;
  }

  /** Replaces every occurrence of the token in {@code text} by {@code ***}. */
  String redact(String text) {
    return text == null ? null : text.replace(value, "***");
  }

  /** Whether {@code presented} (an {@code Authorization} header value) carries this token. */
  public boolean matchesAuthorization(String presented) {
    if (presented == null || !presented.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = presented.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "BearerToken[***]";
  }
}
