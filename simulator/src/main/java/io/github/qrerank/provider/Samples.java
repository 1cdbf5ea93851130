package io.github.qrerank.provider;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured samples of one job, one value per shot in the order the provider reported them. Bit
 * {@code i} of a value is classical bit {@code i} of the measured register, which in the circuit
 * qrerank emits ({@code c = measure q;}) is qubit {@code i}: the value is the basis-state index in
 * the engine's little-endian convention ({@link io.github.qrerank.quantum.StateVector}). The
 * provider writes each value as a hex string ({@code "0x1a"}), as the Qiskit Runtime sampler does;
 * {@link #parseHex} reads one.
 */
public final class Samples {
  private final int numBits;
  private final long[] values;

  /**
   * @param numBits width of the register, in [1, {@value MeasuredRegister#MAX_BITS}]
   * @param values one value per shot, each below 2^numBits
   */
  public Samples(int numBits, long[] values) {
    if (numBits < 1 || numBits > MeasuredRegister.MAX_BITS) {
      throw new IllegalArgumentException(
          "numBits must be in [1, " + MeasuredRegister.MAX_BITS + "]: " + numBits);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] >>> numBits != 0) {
        throw new IllegalArgumentException(
            "sample " + i + " = " + values[i] + " does not fit in " + numBits + " bits");
      }
    }
    this.numBits = numBits;
    this.values = values.clone();
  }

  /**
   * The value of a hex sample such as {@code "0x1a"} ({@code 0x} prefix, 1 to 16 hex digits, either
   * case), or -1 when {@code hex} is not one.
   */
  public static long parseHex(String hex) {
    if (hex == null || hex.length() < 3 || hex.length() > 18 || hex.charAt(0) != '0') {
      return -1;
    }
    char x = hex.charAt(1);
    if (x != 'x' && x != 'X') {
      return -1;
    }
    long v = 0;
    for (int i = 2; i < hex.length(); i++) {
      int d = Character.digit(hex.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      v = (v << 4) | d;
    }
    return hex.length() == 18 && v < 0 ? -1 : v;
  }

  /** {@code "0x"} and the lower-case hex digits of {@code value} (no leading zeros). */
  public static String toHex(long value) {
    return "0x" + Long.toHexString(value);
  }

  public int numBits() {
    return numBits;
  }

  public int shots() {
    return values.length;
  }

  /** The value of shot {@code shot}: bit i is classical bit i. */
  public long value(int shot) {
    return values[shot];
  }

  /** The set bits of shot {@code shot}: index i is set when classical bit i (qubit i) read 1. */
  public BitSet bits(int shot) {
    return BitSet.valueOf(new long[] {values[shot]});
  }

  /**
   * Every shot as a basis-state index, as {@link io.github.qrerank.quantum.StateVector#sample}
   * returns them.
   *
   * @throws IllegalStateException when the register is wider than 31 bits
   */
  public int[] basisIndices() {
    if (numBits > 31) {
      throw new IllegalStateException("a " + numBits + "-bit register does not fit an int");
    }
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (int) values[i];
    }
    return out;
  }

  /** How often each value occurred, in ascending value order. */
  public Map<Long, Integer> counts() {
    Map<Long, Integer> counts = new TreeMap<>();
    for (long v : values) {
      counts.merge(v, 1, Integer::sum);
    }
    return counts;
  }
}
