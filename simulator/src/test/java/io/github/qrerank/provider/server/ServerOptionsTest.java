package io.github.qrerank.provider.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Command-line options: defaults, both spellings, and errors naming the option. */
class ServerOptionsTest {
  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(args))
        .getMessage();
  }

  @Test
  void defaultsNeedOnlyTheTokenFile() {
    ServerOptions o = ServerOptions.parse("--token-file", "t.txt");
    assertEquals(Path.of("t.txt"), o.tokenFile());
    assertEquals(0, o.port());
    assertEquals("qrerank_statevector", o.backend());
    assertEquals(42, o.seed());
    assertEquals(FaultPlan.NONE, o.faults());
    assertEquals(256, o.maxJobs());
    assertEquals(22, o.maxQubits());
    assertNull(o.recordFile());
  }

  @Test
  void everyOptionIsRead() {
    ServerOptions o =
        ServerOptions.parse(
            "--token-file=t",
            "--port",
            "8765",
            "--seed=-3",
            "--queue-delay-ms",
            "100",
            "--queue-jitter-ms",
            "20",
            "--error-share",
            "0.1",
            "--slow-share",
            "0.2",
            "--slow-ms",
            "300",
            "--malformed-share",
            "0.05",
            "--drop-share",
            "0.05",
            "--job-failure-share",
            "0.5",
            "--max-jobs",
            "9",
            "--max-shots",
            "1000",
            "--max-qubits",
            "26",
            "--threads",
            "4",
            "--workers",
            "3",
            "--max-body-bytes",
            "2048",
            "--record",
            "r.jsonl",
            "--backend",
            "fake_backend");
    assertEquals(8765, o.port());
    assertEquals(-3, o.seed());
    assertEquals(100, o.queueDelayMillis());
    assertEquals(20, o.queueJitterMillis());
    assertEquals(new FaultPlan(0.1, 0.2, 300, 0.05, 0.05, 0.5), o.faults());
    assertEquals(9, o.maxJobs());
    assertEquals(1000, o.maxShots());
    assertEquals(26, o.maxQubits());
    assertEquals(4, o.threads());
    assertEquals(3, o.workers());
    assertEquals(2048, o.maxBodyBytes());
    assertEquals(Path.of("r.jsonl"), o.recordFile());
    assertEquals("fake_backend", o.backend());
  }

  @Test
  void badOptionsAreNamed() {
    assertEquals("--token-file is required", error());
    assertEquals("unknown option --colour", error("--token-file", "t", "--colour", "red"));
    assertEquals("--port given twice", error("--token-file", "t", "--port", "1", "--port", "2"));
    assertEquals("--port needs a value", error("--token-file", "t", "--port"));
    assertEquals("expected an option --name, got 'x'", error("x"));
    assertEquals(
        "--port must be in [0, 65535]: 70000", error("--token-file", "t", "--port", "70000"));
    assertEquals(
        "--threads must be an integer: many", error("--token-file", "t", "--threads", "many"));
    assertEquals(
        "--max-qubits must be in [1, 26]: 27", error("--token-file", "t", "--max-qubits", "27"));
    assertEquals(
        "--max-jobs must be an integer: 4294967297",
        error("--token-file", "t", "--max-jobs", "4294967297"));
    assertEquals(
        "slow-share must be in [0, 1]: -0.1", error("--token-file", "t", "--slow-share", "-0.1"));
    assertEquals(
        "--drop-share must be a number: NaN", error("--token-file", "t", "--drop-share", "NaN"));
    assertEquals(
        "error-share + slow-share + malformed-share + drop-share must be at most 1: 1.2",
        error("--token-file", "t", "--error-share", "0.6", "--drop-share", "0.6"));
  }
}
