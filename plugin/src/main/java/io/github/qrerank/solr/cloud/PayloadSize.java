package io.github.qrerank.solr.cloud;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.solr.common.util.JavaBinCodec;

/** The size of a response section in Solr's javabin format, the format shards answer in. */
final class PayloadSize {
  private PayloadSize() {}

  /** Bytes {@code value} takes when written with javabin (its own header included). */
  static long javabinBytes(Object value) {
    Counter counter = new Counter();
    try (JavaBinCodec codec = new JavaBinCodec()) {
      codec.marshal(value, counter);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counter.bytes;
  }

  private static final class Counter extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
