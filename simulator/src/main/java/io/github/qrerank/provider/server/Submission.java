package io.github.qrerank.provider.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.qrerank.provider.MeasuredRegister;
import io.github.qrerank.quantum.qasm.QasmProgram;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A validated {@code POST /jobs} body: {@code {"program_id":"sampler", "backend":<name>,
 * "params":{"pubs":[[<qasm>, null, <shots>]]}}} with exactly one pub, no parameter values, and a
 * program of qrerank's OpenQASM 3 subset that ends by measuring every qubit. {@code backend} may be
 * omitted; shots default to {@value #DEFAULT_SHOTS} (the Qiskit Runtime sampler's default).
 *
 * @param program the parsed program
 * @param register the classical register it measures into
 * @param shots samples asked for
 * @param fingerprint SHA-256 over shots and program text: what an idempotent resubmission must
 *     repeat
 */
record Submission(QasmProgram program, MeasuredRegister register, int shots, String fingerprint) {
  static final int DEFAULT_SHOTS = 4096;

  /** A request the server refuses with HTTP 400 and this message. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  static Submission parse(JsonNode root, String backend, int maxShots, int maxQubits)
      throws Invalid {
    if (!root.isObject()) {
      throw new Invalid("body must be a JSON object");
    }
    if (!"sampler".equals(root.path("program_id").asText(null))) {
      throw new Invalid("program_id must be \"sampler\"");
    }
    JsonNode b = root.get("backend");
    if (b != null && !b.isNull() && !backend.equals(b.asText())) {
      throw new Invalid("unknown backend " + b + "; this server runs \"" + backend + "\"");
    }
    JsonNode pubs = root.path("params").path("pubs");
    if (!pubs.isArray() || pubs.size() != 1) {
      throw new Invalid("params.pubs must be an array of exactly one pub");
    }
    JsonNode pub = pubs.get(0);
    if (!pub.isArray() || pub.isEmpty() || pub.size() > 3 || !pub.get(0).isTextual()) {
      throw new Invalid("a pub must be [qasm, null, shots] with the OpenQASM 3 text first");
    }
    if (pub.size() > 1 && !pub.get(1).isNull()) {
      throw new Invalid("parameter values are not supported: the pub's second entry must be null");
    }
    int shots = DEFAULT_SHOTS;
    if (pub.size() > 2 && !pub.get(2).isNull()) {
      JsonNode s = pub.get(2);
      if (!s.isIntegralNumber() || !s.canConvertToInt() || s.asInt() < 1 || s.asInt() > maxShots) {
        throw new Invalid("shots must be an integer in [1, " + maxShots + "]: " + s);
      }
      shots = s.asInt();
    }
    String qasm = pub.get(0).asText();
    QasmProgram program;
    MeasuredRegister register;
    try {
      program = QasmProgram.parse(qasm);
      register = MeasuredRegister.of(qasm);
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage());
    }
    if (!program.measured()) {
      throw new Invalid("the program must end by measuring every qubit ('c = measure q;')");
    }
    if (program.numQubits() > maxQubits) {
      throw new Invalid(
          "the program has "
              + program.numQubits()
              + " qubits; this server simulates at most "
              + maxQubits);
    }
    return new Submission(program, register, shots, fingerprint(qasm, shots));
  }

  private static String fingerprint(String qasm, int shots) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((shots + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(qasm.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
