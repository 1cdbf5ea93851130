package io.github.qrerank.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Requests, their measured register and their keys; invalid input names the parameter. */
class SamplerRequestTest {
  private static String error(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void theRegisterIsReadFromTheProgram() {
    SamplerRequest r = SamplerRequest.of(ServerFixture.dicke(7, 2), 10, "key");
    assertEquals(new MeasuredRegister("c", 7), r.register());
    assertEquals(
        new MeasuredRegister("meas", 3),
        MeasuredRegister.of("OPENQASM 3.0;\nqubit[3] q;\n  bit [ 3 ] meas ;\nmeas = measure q;"));
    assertTrue(
        error(() -> SamplerRequest.of("OPENQASM 3.0;\nqubit[2] q;\n", 10, "k"))
            .contains("declares no classical register"));
    assertTrue(error(() -> MeasuredRegister.of("bit[64] c;")).contains("width must be in [1, 63]"));
  }

  @Test
  void invalidArgumentsNameTheParameter() {
    String qasm = ServerFixture.bell();
    assertTrue(error(() -> SamplerRequest.of(" ", 10, "k")).startsWith("qasm"));
    assertTrue(error(() -> SamplerRequest.of(qasm, 0, "k")).startsWith("shots"));
    assertTrue(error(() -> SamplerRequest.of(qasm, 10_000_001, "k")).startsWith("shots"));
    assertTrue(error(() -> SamplerRequest.of(qasm, 10, "")).startsWith("idempotencyKey"));
    assertTrue(error(() -> SamplerRequest.of(qasm, 10, "a b")).startsWith("idempotencyKey"));
    assertTrue(
        error(() -> SamplerRequest.of(qasm, 10, "k".repeat(256))).startsWith("idempotencyKey"));
  }

  @Test
  void contentKeysDependOnCircuitAndShotsOnly() {
    String a = SamplerRequest.contentKey(ServerFixture.bell(), 100);
    assertEquals(a, SamplerRequest.contentKey(ServerFixture.bell(), 100));
    assertNotEquals(a, SamplerRequest.contentKey(ServerFixture.bell(), 101));
    assertNotEquals(a, SamplerRequest.contentKey(ServerFixture.dicke(2, 1), 100));
    assertTrue(a.matches("qrerank-[0-9a-f]{32}"), a);
    assertEquals(a, SamplerRequest.of(ServerFixture.bell(), 100).idempotencyKey());
  }
}
