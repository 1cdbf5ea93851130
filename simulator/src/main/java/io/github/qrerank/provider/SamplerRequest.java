package io.github.qrerank.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One sampler job: an OpenQASM 3 program that ends by measuring into one classical register, the
 * number of shots, and an idempotency key. Submitting the same key twice to a provider that honours
 * it ({@code Idempotency-Key} header) yields the same job, so a submit may be retried after a
 * timeout or a dropped connection without running (and paying for) the circuit twice.
 */
public final class SamplerRequest {
  /** Most shots one request may ask for. */
  public static final int MAX_SHOTS = 10_000_000;

  /** Longest idempotency key. */
  public static final int MAX_KEY_LENGTH = 255;

  private final String qasm;
  private final int shots;
  private final String idempotencyKey;
  private final MeasuredRegister register;

  private SamplerRequest(String qasm, int shots, String idempotencyKey, MeasuredRegister register) {
    this.qasm = qasm;
    this.shots = shots;
    this.idempotencyKey = idempotencyKey;
    this.register = register;
  }

  /**
   * A request; the measured register is read from the program's {@code bit[n] name;} declaration.
   *
   * @param qasm the OpenQASM 3 program
   * @param shots samples wanted, in [1, {@value #MAX_SHOTS}]
   * @param idempotencyKey 1 to {@value #MAX_KEY_LENGTH} visible ASCII characters
   * @throws IllegalArgumentException naming the parameter that is invalid
   */
  public static SamplerRequest of(String qasm, int shots, String idempotencyKey) {
    Objects.requireNonNull(qasm, "qasm");
    if (qasm.isBlank()) {
      throw new IllegalArgumentException("qasm must not be blank");
    }
    if (shots < 1 || shots > MAX_SHOTS) {
      throw new IllegalArgumentException("shots must be in [1, " + MAX_SHOTS + "]: " + shots);
    }
    checkKey(idempotencyKey);
    return new SamplerRequest(qasm, shots, idempotencyKey, MeasuredRegister.of(qasm));
  }

  /**
   * A request whose idempotency key is {@link #contentKey}: identical circuits and shot counts
   * share a key, hence one job and one answer.
   */
  public static SamplerRequest of(String qasm, int shots) {
    return of(qasm, shots, contentKey(qasm, shots));
  }

  /**
   * {@code "qrerank-"} followed by the first 128 bits of SHA-256 over the shots and the program
   * text, in hex. It reveals nothing the program does not already carry.
   */
  public static String contentKey(String qasm, int shots) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((shots + "\n").getBytes(StandardCharsets.UTF_8));
      byte[] digest = sha.digest(qasm.getBytes(StandardCharsets.UTF_8));
      return "qrerank-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void checkKey(String key) {
    Objects.requireNonNull(key, "idempotencyKey");
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "idempotencyKey must have 1 to " + MAX_KEY_LENGTH + " characters: " + key.length());
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            "idempotencyKey must be visible ASCII; character " + i + " is not");
      }
    }
  }

  public String qasm() {
    return qasm;
  }

  public int shots() {
    return shots;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** The classical register the program measures into. */
  public MeasuredRegister register() {
    return register;
  }
}
