package io.github.qrerank.solr.remote;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.provider.ProviderFailure;
import io.github.qrerank.provider.ProviderTimeoutException;
import io.github.qrerank.provider.QuantumProvider;
import io.github.qrerank.provider.RuntimeSamplerClient;
import io.github.qrerank.provider.SamplerRequest;
import io.github.qrerank.provider.Samples;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.ExactSolver;
import io.github.qrerank.solver.QaoaCircuitJob;
import io.github.qrerank.solver.QaoaRun;
import io.github.qrerank.solver.QuantumSettings;
import io.github.qrerank.solver.SolveReport;
import io.github.qrerank.solver.SolverKind;
import io.github.qrerank.solver.Solvers;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code solver=remote}: the QAOA circuit {@code solver=qaoa} would simulate, sampled by a remote
 * quantum provider, with the exact answer whenever the provider's samples do not arrive in time.
 *
 * <p>Per request, all within {@code timeoutMs}:
 *
 * <ol>
 *   <li>the exact solver's answer, computed first so that the fallback is always ready (hard
 *       constraints hold whatever the provider does);
 *   <li>the circuit ({@link QaoaCircuitJob}); its content key ({@link SamplerRequest#contentKey})
 *       names the job and the problem;
 *   <li>samples from the late-answer cache, or else from a job: a job already in flight for the
 *       same key is waited on; otherwise a new one is started if the circuit breaker and the
 *       bulkhead let it ({@code circuit_open} and {@code rejected} otherwise);
 *   <li>the samples repaired into feasible selections, the best winning ({@link
 *       QaoaCircuitJob#answer}); an answer with fewer documents or less quota coverage than the
 *       exact one gives way to it ({@code qaoa-incomplete}).
 * </ol>
 *
 * Jobs run on a bounded executor of {@code maxConcurrentJobs} threads named {@code
 * qrerank-remote-<name>-<n>}, never on Solr's request thread, which only waits until its deadline;
 * a job may go on after it, for a late answer. The circuit breaker (resilience4j) counts each
 * started job once, when its request stops waiting: samples in time are a success; a timeout or a
 * failure is a failure. The bulkhead (resilience4j, no waiting) bounds the jobs in flight,
 * background ones included.
 *
 * <p>Thread-safe; one per query parser. {@link #close()} stops the jobs and the HTTP client.
 */
public final class RemoteSolver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MethodHandles.lookup().lookupClass());

  // Fallback reasons: the provider's failures as its client names them, then the solver's own.
  public static final String TIMEOUT = ProviderFailure.TIMEOUT.reason();
  public static final String ERROR = ProviderFailure.ERROR.reason();
  public static final String AUTH = ProviderFailure.AUTH.reason();
  public static final String BAD_RESPONSE = ProviderFailure.BAD_RESPONSE.reason();
  public static final String CIRCUIT_OPEN = "circuit_open";
  public static final String REJECTED = "rejected";

  private final RemoteSettings settings;
  private final QuantumProvider provider;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final ThreadPoolExecutor executor;
  private final LateAnswers late;
  private final RemoteMetrics metrics = new RemoteMetrics();
  private final Map<String, RemoteJob> inFlight = new ConcurrentHashMap<>();

  /** A solver talking to the provider of {@code settings} over HTTP. */
  public RemoteSolver(RemoteSettings settings) {
    this(settings, new RuntimeSamplerClient(settings.http()));
  }

  /** A solver talking to {@code provider} (closed with this solver). */
  RemoteSolver(RemoteSettings settings, QuantumProvider provider) {
    this.settings = settings;
    this.provider = provider;
    this.breaker =
        CircuitBreaker.of(
            "qrerank-remote-" + settings.name(),
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerFailures())
                .minimumNumberOfCalls(settings.breakerFailures())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(settings.breakerOpen())
                .permittedNumberOfCallsInHalfOpenState(settings.breakerProbes())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            e ->
                log.warn(
                    "qrerank remote provider '{}': circuit {}",
                    settings.name(),
                    e.getStateTransition()));
    this.bulkhead =
        Bulkhead.of(
            "qrerank-remote-" + settings.name(),
            BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentJobs())
                .maxWaitDuration(Duration.ZERO)
                .build());
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            settings.maxConcurrentJobs(),
            settings.maxConcurrentJobs(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t =
                  new Thread(
                      r, threadPrefix(settings.name()) + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    this.late = new LateAnswers(settings.lateAnswerCacheSize());
    log.info("qrerank: {}", settings);
  }

  /** The name prefix of the job threads of the provider named {@code name}. */
  public static String threadPrefix(String name) {
    return "qrerank-remote-" + name + "-";
  }

  public RemoteSettings settings() {
    return settings;
  }

  RemoteMetrics metrics() {
    return metrics;
  }

  /** Registers this solver's metrics (see {@link RemoteMetrics}) under {@code path}. */
  public void bindMetrics(org.apache.solr.metrics.SolrMetricsContext context, String... path) {
    metrics.bind(context, this, path);
  }

  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  /** Jobs holding a bulkhead permit: submitted, running, or polled for a late answer. */
  public int jobsInFlight() {
    return settings.maxConcurrentJobs() - bulkhead.getMetrics().getAvailableConcurrentCalls();
  }

  /** Late answers kept. */
  public int lateAnswersKept() {
    return late.size();
  }

  /** Job threads alive now (at most {@code maxConcurrentJobs}; idle ones end after 30 s). */
  public int jobThreads() {
    return executor.getPoolSize();
  }

  /**
   * Answers {@code problem} within {@code timeoutMs} (see the class documentation). Never throws
   * for provider trouble: every failure is an exact answer with a reason.
   */
  public RemoteAnswer solve(Problem problem, QuantumSettings quantum, long timeoutMs) {
    long start = System.nanoTime();
    Budget deadline = Budget.ofMillis(timeoutMs);
    Selection exact = new ExactSolver().solve(problem, deadline);
    Attempt a = new Attempt(problem, quantum, exact, deadline, start);
    try {
      return a.run();
    } catch (RuntimeException e) {
      log.warn("qrerank remote provider '{}': unexpected failure, exact answer", settings.name(), e);
      return a.fallback(ERROR, "unexpected failure: " + e.getClass().getSimpleName(), null);
    }
  }

  /** The state of one request's solve. */
  private final class Attempt {
    final Problem problem;
    final QuantumSettings quantum;
    final Selection exact;
    final Budget deadline;
    final long start;
    QaoaCircuitJob job;
    String key;
    String source;
    String jobId;
    boolean shared;
    int retries;
    long waitNanos;

    Attempt(
        Problem problem, QuantumSettings quantum, Selection exact, Budget deadline, long start) {
      this.problem = problem;
      this.quantum = quantum;
      this.exact = exact;
      this.deadline = deadline;
      this.start = start;
    }

    RemoteAnswer run() {
      try {
        job = QaoaCircuitJob.prepare(problem, quantum, deadline);
      } catch (IllegalArgumentException | IllegalStateException e) {
        return fallback(ERROR, "no circuit: " + e.getMessage(), null);
      }
      if (!job.hasCircuit()) {
        if (job.timedOutAt() != null) {
          return fallback(TIMEOUT, "the deadline passed while the circuit was prepared", null);
        }
        QaoaRun run = job.answerWithoutCircuit();
        return answer(run.selection(), null, null, run);
      }
      key = SamplerRequest.contentKey(job.qasm(), job.shots());
      Samples samples = late.get(key);
      if (samples != null) {
        metrics.lateAnswerHit();
        source = RemoteTrace.LATE_ANSWER_CACHE;
      } else {
        RemoteJob.Outcome o = fromProvider();
        if (o.reason() != null) {
          return fallback(o.reason(), o.detail(), null);
        }
        samples = o.samples();
        source = RemoteTrace.PROVIDER;
      }
      long[] values = new long[samples.shots()];
      for (int i = 0; i < values.length; i++) {
        values[i] = samples.value(i);
      }
      QaoaRun run;
      try {
        run = job.answer(values, deadline, exact);
      } catch (IllegalArgumentException e) {
        return fallback(BAD_RESPONSE, "samples do not fit the circuit: " + e.getMessage(), null);
      }
      if (run.timedOut()) {
        return fallback(TIMEOUT, "the deadline passed while the samples were repaired", run);
      }
      if (Solvers.lessComplete(problem, run.selection(), exact)) {
        return answer(
            exact,
            Solvers.INCOMPLETE,
            "the best repaired sample has fewer documents or less quota coverage than the exact"
                + " answer",
            run);
      }
      return answer(run.selection(), null, null, run);
    }

    /** Samples from a job (a running one for the same key, or a new one), or why there are none. */
    RemoteJob.Outcome fromProvider() {
      if (deadline.expired()) {
        return RemoteJob.Outcome.failed(
            new ProviderTimeoutException("the deadline passed before the provider was asked", null));
      }
      RemoteJob running = inFlight.get(key);
      boolean owner = false;
      if (running == null || running.finished()) {
        // A finished job may linger in the map until its thread has cleaned up: start afresh.
        if (!breaker.tryAcquirePermission()) {
          return RemoteJob.Outcome.refused(CIRCUIT_OPEN, "the circuit is open");
        }
        if (!bulkhead.tryAcquirePermission()) {
          breaker.releasePermission();
          return RemoteJob.Outcome.refused(
              REJECTED,
              settings.maxConcurrentJobs() + " jobs in flight already (maxConcurrentJobs)");
        }
        Budget calls = late.enabled() ? Budget.ofNanos(lateBudgetNanos()) : deadline;
        RemoteJob fresh =
            new RemoteJob(
                provider,
                SamplerRequest.of(job.qasm(), job.shots(), key),
                settings,
                deadline,
                calls,
                metrics,
                RemoteSolver.this::ended);
        running = inFlight.compute(key, (k, old) -> old != null && !old.finished() ? old : fresh);
        if (running != fresh) {
          bulkhead.onComplete();
          breaker.releasePermission();
        } else {
          try {
            executor.execute(fresh);
          } catch (RejectedExecutionException e) {
            inFlight.remove(key, fresh);
            bulkhead.onComplete();
            breaker.releasePermission();
            return RemoteJob.Outcome.refused(REJECTED, "the remote solver is closed");
          }
          owner = true;
        }
      }
      shared = !owner;
      long waitStart = System.nanoTime();
      RemoteJob.Outcome o;
      try {
        o = running.await(deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (owner) {
          breaker.releasePermission();
        }
        return RemoteJob.Outcome.failed(
            new ProviderTimeoutException("interrupted while waiting for the provider", e));
      } finally {
        waitNanos = System.nanoTime() - waitStart;
        jobId = running.jobId();
        retries = running.retries();
      }
      if (owner) {
        if (o.samples() != null) {
          breaker.onSuccess(waitNanos, TimeUnit.NANOSECONDS);
        } else {
          breaker.onError(waitNanos, TimeUnit.NANOSECONDS, o.failure());
        }
      }
      return o;
    }

    /** The deadline's remaining time plus the late-answer timeout. */
    long lateBudgetNanos() {
      return deadline.remainingNanos() + settings.lateAnswerTimeout().toNanos();
    }

    RemoteAnswer fallback(String reason, String detail, QaoaRun run) {
      return new RemoteAnswer(
          new SolveReport(SolverKind.REMOTE, exact, reason, System.nanoTime() - start, run),
          trace(reason, detail));
    }

    RemoteAnswer answer(Selection selection, String reason, String detail, QaoaRun run) {
      return new RemoteAnswer(
          new SolveReport(SolverKind.REMOTE, selection, reason, System.nanoTime() - start, run),
          trace(reason, detail));
    }

    RemoteTrace trace(String reason, String detail) {
      boolean hasCircuit = job != null && job.hasCircuit();
      return new RemoteTrace(
          settings.name(),
          reason == null || Solvers.INCOMPLETE.equals(reason) ? source : null,
          reason,
          detail,
          jobId,
          shared,
          retries,
          hasCircuit ? job.numQubits() : 0,
          quantum.shots(),
          key,
          waitNanos,
          breaker.getState().name());
    }
  }

  /** Called on a job's thread when it ended: frees its place and keeps a late answer. */
  private void ended(RemoteJob job) {
    inFlight.remove(job.key(), job);
    bulkhead.onComplete();
    Samples samples = job.lateSamples();
    if (samples != null) {
      late.put(job.key(), samples);
      metrics.lateAnswerStored();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    provider.close();
  }

}
