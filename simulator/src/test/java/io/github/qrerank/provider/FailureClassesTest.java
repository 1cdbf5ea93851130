package io.github.qrerank.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.provider.server.FaultPlan;
import io.github.qrerank.solver.Budget;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each way a provider fails surfaces as its exception class, and no call outlives its deadline by
 * {@value #MARGIN_MS} ms or more. The calls stop at the deadline itself; the margin only has to
 * tell that apart from waiting for the provider, which stalls {@value #STALL_MS} ms in the
 * timeout tests, and leaves seconds of room for a loaded machine. Faults are injected with share 1,
 * so every request gets them.
 */
class FailureClassesTest {
  private static final long MARGIN_MS = 5000;
  private static final long STALL_MS = 20_000;
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

  @BeforeEach
  void healthy() {
    fixture.server.faults(FaultPlan.NONE);
  }

  private static SamplerRequest bell(String key) {
    return SamplerRequest.of(ServerFixture.bell(), 100, key);
  }

  /** Runs {@code call} with a deadline of {@code deadlineMs} and checks the time it took. */
  private static <T extends ProviderException> T failsWithin(
      Class<T> type, long deadlineMs, CallWithDeadline call) {
    Budget deadline = Budget.ofMillis(deadlineMs);
    long start = System.nanoTime();
    T e = assertThrows(type, () -> call.run(deadline));
    long took = (System.nanoTime() - start) / 1_000_000;
    assertTrue(took < deadlineMs + MARGIN_MS, type.getSimpleName() + " after " + took + " ms");
    return e;
  }

  @FunctionalInterface
  private interface CallWithDeadline {
    void run(Budget deadline) throws Exception;
  }

  @Test
  void http500IsARetryableError() {
    fixture.server.faults(new FaultPlan(1, 0, 0, 0, 0, 0));
    ProviderErrorException e =
        failsWithin(ProviderErrorException.class, 5000, d -> fixture.client.submit(bell("e"), d));
    assertEquals(500, e.httpStatus());
    assertTrue(e.retryable());
    assertEquals("error", e.failure().reason());
    assertTrue(e.getMessage().contains("injected internal error"), e.getMessage());
  }

  @Test
  void malformedBodiesAreBadResponses() throws Exception {
    fixture.server.faults(new FaultPlan(0, 0, 0, 1, 0, 0));
    ProviderBadResponseException e =
        failsWithin(
            ProviderBadResponseException.class, 5000, d -> fixture.client.submit(bell("m"), d));
    assertEquals("bad_response", e.failure().reason());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

    fixture.server.faults(FaultPlan.NONE);
    Budget deadline = Budget.ofMillis(10_000);
    JobRef job = fixture.client.submit(bell("m2"), deadline);
    SamplerCalls.awaitResults(fixture.client, job, deadline, POLL);
    fixture.server.faults(new FaultPlan(0, 0, 0, 1, 0, 0));
    assertThrows(ProviderBadResponseException.class, () -> fixture.client.status(job, deadline));
    assertThrows(ProviderBadResponseException.class, () -> fixture.client.results(job, deadline));
  }

  @Test
  void aSubmitWhoseAnswerWasBrokenCreatedItsJobAndARetryFindsIt() throws Exception {
    try (ServerFixture one =
        ServerFixture.start(
            "--max-jobs", "1", "--queue-delay-ms", "60000", "--malformed-share", "1")) {
      Budget d = Budget.ofMillis(10_000);
      assertThrows(ProviderBadResponseException.class, () -> one.client.submit(bell("lost"), d));
      one.server.faults(FaultPlan.NONE);
      JobRef job = one.client.submit(bell("lost"), d);
      assertEquals(JobStatus.QUEUED, one.client.status(job, d).status());
      ProviderErrorException full =
          assertThrows(ProviderErrorException.class, () -> one.client.submit(bell("other"), d));
      assertEquals(429, full.httpStatus(), "the store's one place holds the first submit's job");
    }
  }

  @Test
  void droppedConnectionsAreRetryableErrors() {
    fixture.server.faults(new FaultPlan(0, 0, 0, 0, 1, 0));
    ProviderErrorException e =
        failsWithin(ProviderErrorException.class, 5000, d -> fixture.client.submit(bell("d"), d));
    assertEquals(0, e.httpStatus(), "no HTTP answer");
    assertTrue(e.retryable());
  }

  @Test
  void aWrongTokenIsAnAuthFailure() {
    try (ServerFixture wrong = ServerFixture.start("not-the-token", Duration.ofSeconds(5))) {
      ProviderAuthException e =
          failsWithin(ProviderAuthException.class, 5000, d -> wrong.client.submit(bell("a"), d));
      assertEquals(401, e.httpStatus());
      assertFalse(e.retryable());
      assertEquals("auth", e.failure().reason());
    }
  }

  @Test
  void aSlowProviderTimesOutAtTheDeadline() {
    fixture.server.faults(new FaultPlan(0, 1, STALL_MS, 0, 0, 0));
    ProviderTimeoutException e =
        failsWithin(ProviderTimeoutException.class, 400, d -> fixture.client.submit(bell("s"), d));
    assertEquals("timeout", e.failure().reason());
    assertTrue(e.retryable());
  }

  @Test
  void theReadTimeoutBoundsOneRequestWithinALongerDeadline() {
    try (ServerFixture shortRead =
        ServerFixture.start(
            ServerFixture.TOKEN,
            Duration.ofMillis(300),
            "--slow-share",
            "1",
            "--slow-ms",
            String.valueOf(STALL_MS))) {
      ProviderTimeoutException e =
          failsWithin(
              ProviderTimeoutException.class,
              300,
              d -> shortRead.client.submit(bell("r"), Budget.ofMillis(20_000)));
      assertTrue(e.getMessage().contains("read timeout"), e.getMessage());
    }
  }

  @Test
  void aJobStillQueuedAtTheDeadlineTimesOut() {
    try (ServerFixture queued = ServerFixture.start("--queue-delay-ms", "60000")) {
      ProviderTimeoutException e =
          failsWithin(
              ProviderTimeoutException.class,
              500,
              d -> SamplerCalls.run(queued.client, bell("late"), d, Duration.ofMillis(50)));
      assertTrue(e.getMessage().contains("still Queued at the deadline"), e.getMessage());
    }
  }

  @Test
  void aSpentBudgetFailsWithoutARequest() throws Exception {
    fixture.server.faults(new FaultPlan(0, 0, 0, 0, 0, 0));
    Budget spent = Budget.ofNanos(0);
    ProviderTimeoutException e =
        assertThrows(ProviderTimeoutException.class, () -> fixture.client.submit(bell("x"), spent));
    assertTrue(e.getMessage().contains("before the request"), e.getMessage());
  }

  @Test
  void aJobThatEndsFailedIsANonRetryableError() {
    fixture.server.faults(new FaultPlan(0, 0, 0, 0, 0, 1));
    ProviderErrorException e =
        failsWithin(
            ProviderErrorException.class,
            10_000,
            d -> SamplerCalls.run(fixture.client, bell("fails"), d, POLL));
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("ended Failed: injected failure"), e.getMessage());
  }

  @Test
  void aRefusedConnectionIsARetryableError() {
    int port;
    try (ServerFixture gone = ServerFixture.start()) {
      port = gone.server.port();
    }
    HttpProviderConfig config =
        HttpProviderConfig.builder()
            .baseUri(URI.create("http://127.0.0.1:" + port))
            .token(BearerToken.of(ServerFixture.TOKEN))
            .build();
    try (RuntimeSamplerClient client = new RuntimeSamplerClient(config)) {
      ProviderErrorException e =
          failsWithin(ProviderErrorException.class, 5000, d -> client.submit(bell("gone"), d));
      assertEquals(0, e.httpStatus());
      assertTrue(e.retryable());
    }
  }

  @Test
  void interruptingTheCallerAbortsTheCallInFlight() throws Exception {
    fixture.server.faults(new FaultPlan(0, 1, 10_000, 0, 0, 0));
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                fixture.client.submit(bell("i"), Budget.ofMillis(30_000));
              } catch (Throwable t) {
                outcome.set(t);
              }
            });
    caller.start();
    TimeUnit.MILLISECONDS.sleep(200);
    long start = System.nanoTime();
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(5));
    assertFalse(caller.isAlive(), "the call did not stop when interrupted");
    assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
    assertTrue((System.nanoTime() - start) / 1_000_000 < MARGIN_MS);
  }

  @Test
  void aFlappingProviderOnlyEverThrowsTheFailureClasses() {
    fixture.server.faults(new FaultPlan(0.25, 0.25, 3000, 0.25, 0.25, 0));
    java.util.EnumSet<ProviderFailure> seen = java.util.EnumSet.noneOf(ProviderFailure.class);
    for (int i = 0; i < 20; i++) {
      Executable call = () -> fixture.client.submit(bell("flap"), Budget.ofMillis(300));
      seen.add(assertThrows(ProviderException.class, call).failure());
    }
    assertEquals(
        java.util.EnumSet.of(
            ProviderFailure.ERROR, ProviderFailure.TIMEOUT, ProviderFailure.BAD_RESPONSE),
        seen,
        "500s and drops are errors, slow answers time out, truncated bodies are bad responses");
  }
}
