package io.github.qrerank.quantum;

import java.util.concurrent.ForkJoinTask;

/**
 * Runs a loop over the indices [0, size) cut into contiguous ranges, one per thread: ranges 1 to
 * parts−1 are forked to the common ForkJoinPool (or to the caller's pool when the caller is a pool
 * thread), range 0 runs on the caller; then each forked range is run by the caller itself if no
 * pool thread has started it yet, else joined. A busy pool therefore costs no waiting, only the
 * parallelism. Inner range bounds are multiples of {@code align} (for instance so that no cache
 * line is written by two threads).
 */
final class ParallelRanges {
  /** A loop over the index range [from, to). */
  interface Body {
    void run(int from, int to);
  }

  private ParallelRanges() {}

  static void run(int size, int parts, int align, Body body) {
    if (parts < 1 || align < 1) {
      throw new IllegalArgumentException("parts and align must be >= 1: " + parts + ", " + align);
    }
    ForkJoinTask<?>[] forked = new ForkJoinTask<?>[parts];
    // Forked last to first: the caller unforks from the top of its queue, range 1 first.
    for (int p = parts - 1; p >= 1; p--) {
      int from = bound(size, parts, align, p);
      int to = bound(size, parts, align, p + 1);
      forked[p] = ForkJoinTask.adapt(() -> body.run(from, to)).fork();
    }
    body.run(0, bound(size, parts, align, 1));
    for (int p = 1; p < parts; p++) {
      if (forked[p].tryUnfork()) {
        forked[p].invoke();
      } else {
        forked[p].join();
      }
    }
  }

  /** Start of range p (p = parts: the end), rounded down to a multiple of {@code align}. */
  static int bound(int size, int parts, int align, int p) {
    if (p >= parts) {
      return size;
    }
    long even = (long) size * p / parts;
    return (int) (even - even % align);
  }
}
