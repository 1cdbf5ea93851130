package io.github.qrerank.provider.server;

import io.github.qrerank.provider.JobStatus;
import io.github.qrerank.provider.MeasuredRegister;
import io.github.qrerank.quantum.StateVector;
import io.github.qrerank.quantum.qasm.QasmProgram;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Future;

/**
 * One job of the provider server: {@code Queued} until its queue delay has passed, {@code Running}
 * while the engine simulates the program (through the circuit executor, {@link QasmProgram#run}:
 * fused gates, the same state as gate by gate up to rounding) and samples it, then {@code Completed} (or {@code Failed}
 * when fault injection chose so, or the simulation threw). A job cancelled while queued or running
 * ends {@code Cancelled} and keeps no samples. Samples are drawn with a {@link SplittableRandom}
 * seeded by {@link #seed}, which the server derives from the idempotency key.
 */
final class SimulatedJob {
  private final String id;
  private final String fingerprint;
  private final QasmProgram program;
  private final MeasuredRegister register;
  private final int shots;
  private final long seed;
  private final boolean fails;
  private final Instant created;

  private JobStatus status = JobStatus.QUEUED;
  private String reason;
  private long[] samples;
  private Future<?> start;

  /**
   * @param fingerprint what identifies the submitted content (an idempotent resubmission must match
   *     it)
   * @param fails whether the job ends {@code Failed} (injected)
   */
  SimulatedJob(
      String id,
      String fingerprint,
      QasmProgram program,
      MeasuredRegister register,
      int shots,
      long seed,
      boolean fails,
      Instant created) {
    this.id = id;
    this.fingerprint = fingerprint;
    this.program = program;
    this.register = register;
    this.shots = shots;
    this.seed = seed;
    this.fails = fails;
    this.created = created;
  }

  String id() {
    return id;
  }

  String fingerprint() {
    return fingerprint;
  }

  MeasuredRegister register() {
    return register;
  }

  int shots() {
    return shots;
  }

  int numQubits() {
    return program.numQubits();
  }

  Instant created() {
    return created;
  }

  synchronized JobStatus status() {
    return status;
  }

  synchronized String reason() {
    return reason;
  }

  /** The samples of a completed job, else null. */
  synchronized long[] samples() {
    return status == JobStatus.COMPLETED ? samples : null;
  }

  synchronized void startsWith(Future<?> future) {
    this.start = future;
  }

  /** Runs the job (on a worker, after its queue delay) unless it was cancelled meanwhile. */
  void run() {
    synchronized (this) {
      if (status != JobStatus.QUEUED) {
        return;
      }
      status = JobStatus.RUNNING;
    }
    long[] drawn = null;
    String failure = null;
    if (fails) {
      failure = "injected failure";
    } else {
      try {
        drawn = simulate();
      } catch (RuntimeException | OutOfMemoryError e) {
        failure = "simulation failed: " + e.getClass().getSimpleName();
      }
    }
    synchronized (this) {
      if (status != JobStatus.RUNNING) {
        return;
      }
      if (failure == null) {
        samples = drawn;
        status = JobStatus.COMPLETED;
      } else {
        reason = failure;
        status = JobStatus.FAILED;
      }
    }
  }

  private long[] simulate() {
    StateVector state = program.run();
    int[] indices = state.sample(shots, new SplittableRandom(seed));
    long[] out = new long[indices.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = indices[i];
    }
    return out;
  }

  /**
   * Cancels a queued or running job.
   *
   * @return null when cancelled, else the status that forbids it
   */
  synchronized JobStatus cancel() {
    if (status.terminal()) {
      return status;
    }
    if (status == JobStatus.QUEUED && start != null) {
      start.cancel(false);
    }
    status = JobStatus.CANCELLED;
    reason = "cancelled by the client";
    return null;
  }

  /** Whether the job has ended (the store may then evict it). */
  synchronized boolean terminal() {
    return status.terminal();
  }
}
