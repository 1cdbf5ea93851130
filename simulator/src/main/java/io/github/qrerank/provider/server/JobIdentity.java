package io.github.qrerank.provider.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A job's id and sampling seed, both derived from SHA-256 over the server's seed and the job's
 * idempotency key (or, for a submission without a key, its arrival number): the same key on a
 * server with the same seed always gets the same id and the same samples, even after the job was
 * evicted or the server restarted. Ids are 20 characters of {@code [0-9a-v]}, like IBM's.
 *
 * @param id the job id
 * @param seed the seed of its sampling generator
 */
record JobIdentity(String id, long seed) {
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();
  private static final int ID_LENGTH = 20;

  static JobIdentity of(long serverSeed, String material) {
    byte[] d;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(serverSeed).array());
      d = sha.digest(material.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    long seed = ByteBuffer.wrap(d, 0, Long.BYTES).getLong();
    char[] id = new char[ID_LENGTH];
    for (int i = 0; i < ID_LENGTH; i++) {
      id[i] = ALPHABET[d[Long.BYTES + i] & 31];
    }
    return new JobIdentity(new String(id), seed);
  }
}
