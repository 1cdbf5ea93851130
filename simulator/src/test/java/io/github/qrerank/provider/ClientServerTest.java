package io.github.qrerank.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.solver.Budget;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client against the provider server in the same JVM, on loopback: the protocol's happy
 * path, the bit order of samples, idempotent resubmission, queue delay and cancellation.
 * Frequencies are checked within 5 binomial standard deviations sqrt(p(1-p)/shots) of the exact
 * probability: a correct sampler misses that band with probability below 1e-6 per outcome, and the
 * samples are seeded by the idempotency key, so a pass is reproducible.
 */
class ClientServerTest {
  private static final Duration POLL = Duration.ofMillis(10);
  private static ServerFixture fixture;

  @BeforeAll
  static void start() {
    fixture = ServerFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static Samples run(String qasm, int shots, String key) throws InterruptedException {
    return SamplerCalls.run(
        fixture.client, SamplerRequest.of(qasm, shots, key), Budget.ofMillis(20_000), POLL);
  }

  @Test
  void dickeCircuitGivesTheUniformDistributionOverWeightTwoStrings() throws Exception {
    int shots = 6000;
    Samples s = run(ServerFixture.dicke(4, 2), shots, "dicke-4-2");
    assertEquals(shots, s.shots());
    assertEquals(4, s.numBits());
    Map<Long, Integer> counts = s.counts();
    assertEquals(6, counts.size(), "C(4,2) = 6 outcomes, all of weight 2: " + counts);
    double p = 1.0 / 6;
    double tolerance = 5 * Math.sqrt(p * (1 - p) / shots);
    counts.forEach(
        (value, count) -> {
          assertEquals(2, Long.bitCount(value), "weight of " + value);
          assertEquals(p, count / (double) shots, tolerance, "frequency of " + value);
        });
  }

  @Test
  void bellCircuitGivesZeroZeroOrOneOneHalfTheTime() throws Exception {
    int shots = 4000;
    Map<Long, Integer> counts = run(ServerFixture.bell(), shots, "bell").counts();
    assertEquals(java.util.Set.of(0L, 3L), counts.keySet());
    assertEquals(0.5, counts.get(3L) / (double) shots, 5 * Math.sqrt(0.25 / shots));
  }

  @Test
  void bitIOfASampleIsQubitIOfTheCircuit() throws Exception {
    Samples s = run(ServerFixture.flip(5, 0, 3), 16, "flip-0-3");
    BitSet expected = new BitSet();
    expected.set(0);
    expected.set(3);
    for (int i = 0; i < s.shots(); i++) {
      assertEquals(0b01001, s.value(i));
      assertEquals(expected, s.bits(i));
    }
    assertArrayEquals(new int[] {9, 9, 9, 9}, java.util.Arrays.copyOf(s.basisIndices(), 4));
  }

  @Test
  void resubmittingWithTheSameKeyGivesTheSameJobAndTheSameSamples() throws Exception {
    String qasm = ServerFixture.dicke(5, 2);
    Budget deadline = Budget.ofMillis(20_000);
    JobRef first = fixture.client.submit(SamplerRequest.of(qasm, 500, "retry-me"), deadline);
    JobRef again = fixture.client.submit(SamplerRequest.of(qasm, 500, "retry-me"), deadline);
    assertEquals(first.id(), again.id());
    Samples a = SamplerCalls.awaitResults(fixture.client, first, deadline, POLL);
    Samples b = SamplerCalls.awaitResults(fixture.client, again, deadline, POLL);
    assertEquals(valuesOf(a), valuesOf(b));

    JobRef other = fixture.client.submit(SamplerRequest.of(qasm, 500, "another-key"), deadline);
    assertNotEquals(first.id(), other.id());
    assertNotEquals(
        valuesOf(a),
        valuesOf(SamplerCalls.awaitResults(fixture.client, other, deadline, POLL)),
        "another key seeds another sample sequence");

    ProviderErrorException reused =
        assertThrows(
            ProviderErrorException.class,
            () ->
                fixture.client.submit(
                    SamplerRequest.of(ServerFixture.bell(), 500, "retry-me"), deadline));
    assertEquals(422, reused.httpStatus());
    assertFalse(reused.retryable());
  }

  @Test
  void theSameKeyGetsTheSameSamplesFromARestartedServer() throws Exception {
    String qasm = ServerFixture.dicke(5, 3);
    Samples before = run(qasm, 300, "survives-restart");
    try (ServerFixture restarted = ServerFixture.start()) {
      Samples after =
          SamplerCalls.run(
              restarted.client,
              SamplerRequest.of(qasm, 300, "survives-restart"),
              Budget.ofMillis(20_000),
              POLL);
      assertEquals(valuesOf(before), valuesOf(after));
    }
  }

  @Test
  void contentKeysMakeIdenticalRequestsOneJob() throws Exception {
    Budget deadline = Budget.ofMillis(20_000);
    JobRef a = fixture.client.submit(SamplerRequest.of(ServerFixture.dicke(3, 1), 64), deadline);
    JobRef b = fixture.client.submit(SamplerRequest.of(ServerFixture.dicke(3, 1), 64), deadline);
    JobRef c = fixture.client.submit(SamplerRequest.of(ServerFixture.dicke(3, 1), 65), deadline);
    assertEquals(a.id(), b.id());
    assertNotEquals(a.id(), c.id());
  }

  @Test
  void jobsStayQueuedForTheQueueDelay() throws Exception {
    try (ServerFixture slowQueue = ServerFixture.start("--queue-delay-ms", "1500")) {
      Budget deadline = Budget.ofMillis(20_000);
      long start = System.nanoTime();
      JobRef job =
          slowQueue.client.submit(SamplerRequest.of(ServerFixture.bell(), 10, "q"), deadline);
      assertEquals(JobStatus.QUEUED, slowQueue.client.status(job, deadline).status());
      ProviderErrorException early =
          assertThrows(ProviderErrorException.class, () -> slowQueue.client.results(job, deadline));
      assertEquals(409, early.httpStatus(), "a queued job has no results yet");
      Samples s = SamplerCalls.awaitResults(slowQueue.client, job, deadline, POLL);
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waited >= 1500, "answered after " + waited + " ms, before the queue delay");
      assertEquals(10, s.shots());
      assertEquals(JobStatus.COMPLETED, slowQueue.client.status(job, deadline).status());
    }
  }

  @Test
  void aQueuedJobCanBeCancelledOnce() throws Exception {
    try (ServerFixture slowQueue = ServerFixture.start("--queue-delay-ms", "60000")) {
      Budget deadline = Budget.ofMillis(20_000);
      JobRef job =
          slowQueue.client.submit(SamplerRequest.of(ServerFixture.bell(), 10, "c"), deadline);
      slowQueue.client.cancel(job, deadline);
      JobState state = slowQueue.client.status(job, deadline);
      assertEquals(JobStatus.CANCELLED, state.status());
      assertEquals("cancelled by the client", state.reason());
      ProviderErrorException again =
          assertThrows(ProviderErrorException.class, () -> slowQueue.client.cancel(job, deadline));
      assertEquals(409, again.httpStatus());
      ProviderErrorException ended =
          assertThrows(
              ProviderErrorException.class,
              () -> SamplerCalls.awaitResults(slowQueue.client, job, deadline, POLL));
      assertTrue(ended.getMessage().contains("ended Cancelled"), ended.getMessage());
      assertFalse(ended.retryable());
    }
  }

  @Test
  void theServerRefusesWhatItCannotRun() {
    Budget deadline = Budget.ofMillis(20_000);
    String h =
        "OPENQASM 3.0;\n"
            + "include \"stdgates.inc\";\n"
            + "qubit[1] q;\n"
            + "bit[1] c;\n"
            + "h q[0];\n"
            + "c = measure q;\n";
    ProviderErrorException e =
        assertThrows(
            ProviderErrorException.class,
            () -> fixture.client.submit(SamplerRequest.of(h, 10, "h"), deadline));
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("line 5: unsupported gate 'h'"), e.getMessage());
    String wide = ServerFixture.flip(23, 0);
    e =
        assertThrows(
            ProviderErrorException.class,
            () -> fixture.client.submit(SamplerRequest.of(wide, 10, "wide"), deadline));
    assertTrue(e.getMessage().contains("at most 22"), e.getMessage());
  }

  @Test
  void aFullJobStoreRefusesNewJobsUntilOneEnds() throws Exception {
    try (ServerFixture small =
        ServerFixture.start("--max-jobs", "1", "--queue-delay-ms", "60000")) {
      Budget deadline = Budget.ofMillis(20_000);
      JobRef first =
          small.client.submit(SamplerRequest.of(ServerFixture.bell(), 4, "one"), deadline);
      ProviderErrorException full =
          assertThrows(
              ProviderErrorException.class,
              () ->
                  small.client.submit(SamplerRequest.of(ServerFixture.bell(), 4, "two"), deadline));
      assertEquals(429, full.httpStatus());
      assertTrue(full.retryable());
      small.client.cancel(first, deadline);
      JobRef second =
          small.client.submit(SamplerRequest.of(ServerFixture.bell(), 4, "two"), deadline);
      assertNotEquals(first.id(), second.id());
      ProviderErrorException evicted =
          assertThrows(ProviderErrorException.class, () -> small.client.status(first, deadline));
      assertEquals(404, evicted.httpStatus(), "the ended job made room");
    }
  }

  private static java.util.List<Long> valuesOf(Samples s) {
    java.util.List<Long> out = new java.util.ArrayList<>();
    for (int i = 0; i < s.shots(); i++) {
      out.add(s.value(i));
    }
    return out;
  }
}
