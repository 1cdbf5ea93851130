package io.github.qrerank.provider.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.qrerank.provider.JobStatus;
import io.github.qrerank.provider.MeasuredRegister;
import io.github.qrerank.quantum.qasm.QasmProgram;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bounded job store: idempotency keys, eviction of ended jobs only, refusal when full. */
class JobStoreTest {
  private static final String QASM =
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nbit[1] c;\nx q[0];\nc = measure q;\n";

  private static SimulatedJob job(String id, String fingerprint) {
    return new SimulatedJob(
        id,
        fingerprint,
        QasmProgram.parse(QASM),
        MeasuredRegister.of(QASM),
        8,
        1,
        false,
        Instant.EPOCH);
  }

  @Test
  void keysReplayTheirJobAndRefuseOtherContent() {
    JobStore store = new JobStore(4);
    SimulatedJob a = store.admit("k", "f1", () -> job("a", "f1")).job();
    JobStore.Admission again = store.admit("k", "f1", () -> job("b", "f1"));
    assertEquals(JobStore.Outcome.REPLAYED, again.outcome());
    assertSame(a, again.job());
    assertEquals(
        JobStore.Outcome.KEY_REUSED, store.admit("k", "f2", () -> job("c", "f2")).outcome());
    assertEquals(JobStore.Outcome.CREATED, store.admit(null, "f1", () -> job("d", "f1")).outcome());
    assertEquals(2, store.size());
  }

  @Test
  void onlyEndedJobsAreEvictedOldestFirst() {
    JobStore store = new JobStore(2);
    SimulatedJob a = store.admit("ka", "f", () -> job("a", "f")).job();
    SimulatedJob b = store.admit("kb", "f", () -> job("b", "f")).job();
    assertEquals(JobStore.Outcome.FULL, store.admit("kc", "f", () -> job("c", "f")).outcome());
    b.run();
    assertEquals(JobStatus.COMPLETED, b.status());
    assertEquals(JobStore.Outcome.CREATED, store.admit("kc", "f", () -> job("c", "f")).outcome());
    assertNull(store.get("b"), "the ended job was evicted");
    assertSame(a, store.get("a"), "the queued one was kept");
    assertEquals(JobStore.Outcome.REPLAYED, store.admit("ka", "f", () -> job("x", "f")).outcome());
    assertEquals(
        JobStore.Outcome.FULL,
        store.admit("kb", "f", () -> job("b2", "f")).outcome(),
        "the evicted job's key is forgotten, and nothing else has ended");
  }

  @Test
  void cancellingStopsAQueuedJobFromRunning() {
    SimulatedJob j = job("a", "f");
    assertNull(j.cancel());
    j.run();
    assertEquals(JobStatus.CANCELLED, j.status());
    assertNull(j.samples());
    assertEquals(JobStatus.CANCELLED, j.cancel(), "a second cancel is refused");
  }
}
