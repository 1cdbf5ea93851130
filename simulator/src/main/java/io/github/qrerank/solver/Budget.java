package io.github.qrerank.solver;

/** A wall-clock deadline for a solver, read from {@link System#nanoTime()}. */
public final class Budget {
  private static final Budget UNLIMITED = new Budget(Long.MAX_VALUE, true);

  private final long deadlineNanos;
  private final boolean unlimited;

  private Budget(long deadlineNanos, boolean unlimited) {
    this.deadlineNanos = deadlineNanos;
    this.unlimited = unlimited;
  }

  public static Budget unlimited() {
    return UNLIMITED;
  }

  /** A budget ending {@code millis} from now. */
  public static Budget ofMillis(long millis) {
    return ofNanos(millis * 1_000_000L);
  }

  public static Budget ofNanos(long nanos) {
    return new Budget(System.nanoTime() + nanos, false);
  }

  public boolean expired() {
    return !unlimited && System.nanoTime() - deadlineNanos >= 0;
  }

  /** Nanoseconds left (0 when expired, Long.MAX_VALUE when unlimited). */
  public long remainingNanos() {
    return unlimited ? Long.MAX_VALUE : Math.max(0, deadlineNanos - System.nanoTime());
  }
}
