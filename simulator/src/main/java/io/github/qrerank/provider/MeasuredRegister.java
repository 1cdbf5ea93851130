package io.github.qrerank.provider;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classical register an OpenQASM 3 program of qrerank's subset measures into: its name and
 * width, read from the {@code bit[n] name;} declaration. The Qiskit Runtime sampler reports samples
 * per classical register, under the register's name ({@code data.<name>.samples}); the circuit
 * qrerank emits names it {@code c} (Qiskit's {@code measure_all} names it {@code meas}).
 *
 * @param name the register's name
 * @param numBits its width: bit i of every sample is {@code name[i]}
 */
public record MeasuredRegister(String name, int numBits) {
  /** Widest register a sample can hold ({@code long} values). */
  public static final int MAX_BITS = 63;

  private static final Pattern DECLARATION =
      Pattern.compile("(?m)^\\s*bit\\s*\\[\\s*(\\d{1,9})\\s*\\]\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*;");

  public MeasuredRegister {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("register name must not be empty");
    }
    if (numBits < 1 || numBits > MAX_BITS) {
      throw new IllegalArgumentException(
          "register width must be in [1, " + MAX_BITS + "]: " + numBits);
    }
  }

  /**
   * The first {@code bit[n] name;} declaration of {@code qasm} (qrerank's subset declares exactly
   * one).
   *
   * @throws IllegalArgumentException naming {@code qasm} when there is none or it is too wide
   */
  public static MeasuredRegister of(String qasm) {
    Matcher m = DECLARATION.matcher(qasm);
    if (!m.find()) {
      throw new IllegalArgumentException("qasm declares no classical register 'bit[n] name;'");
    }
    int width = Integer.parseInt(m.group(1));
    if (width < 1 || width > MAX_BITS) {
      throw new IllegalArgumentException(
          "qasm: classical register width must be in [1, " + MAX_BITS + "]: " + width);
    }
    return new MeasuredRegister(m.group(2), width);
  }
}
