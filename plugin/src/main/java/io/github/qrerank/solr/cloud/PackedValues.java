package io.github.qrerank.solr.cloud;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Numbers packed as little-endian binary for a shard's response: float32 for scores and vectors,
 * float64 for field values, int32 for group codes. Solr's javabin format (what shards answer in)
 * carries a {@code byte[]} as raw bytes; a response writer that has no binary type writes it as
 * base64 text, which {@link #bytes} also accepts.
 */
final class PackedValues {
  private PackedValues() {}

  static byte[] floats(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(Float.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  static byte[] doubles(double[] values) {
    ByteBuffer b = ByteBuffer.allocate(Double.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      b.putDouble(v);
    }
    return b.array();
  }

  static byte[] ints(int[] values) {
    ByteBuffer b =
        ByteBuffer.allocate(Integer.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  static float[] floats(Object packed, int count, String what) {
    ByteBuffer b = buffer(packed, count, Float.BYTES, what);
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      out[i] = b.getFloat();
    }
    return out;
  }

  static double[] doubles(Object packed, int count, String what) {
    ByteBuffer b = buffer(packed, count, Double.BYTES, what);
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = b.getDouble();
    }
    return out;
  }

  static int[] ints(Object packed, int count, String what) {
    ByteBuffer b = buffer(packed, count, Integer.BYTES, what);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = b.getInt();
    }
    return out;
  }

  /** The bytes of a packed value: a {@code byte[]} as is, a String as base64. */
  static byte[] bytes(Object packed, String what) {
    if (packed instanceof byte[] raw) {
      return raw;
    }
    if (packed instanceof String text) {
      try {
        return Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + " is not valid base64", e);
      }
    }
    throw new IllegalArgumentException(
        what
            + " must be binary, got "
            + (packed == null ? "nothing" : packed.getClass().getName()));
  }

  private static ByteBuffer buffer(Object packed, int count, int width, String what) {
    byte[] raw = bytes(packed, what);
    if (raw.length != (long) count * width) {
      throw new IllegalArgumentException(
          what + " holds " + raw.length + " bytes, expected " + ((long) count * width));
    }
    return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
  }
}
