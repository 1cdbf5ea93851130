package io.github.qrerank.solver;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.testing.RandomProblems;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A quick, unasserted look at the exact solver's cost on {@link RandomProblems#random} windows
 * (20% ineligible, 10 Zipf brands capped at 2, with and without quotas): node counts and the
 * solving thread's CPU time (less disturbed by a busy machine than wall time) after a warm-up.
 * Run from the simulator module after {@code mvn test-compile}, with the EJML jars on the class
 * path:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:EJML_JARS \
 *     io.github.qrerank.solver.ExactSolverTimings
 * </pre>
 */
public final class ExactSolverTimings {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ExactSolverTimings() {}

  public static void main(String[] args) {
    report(100, 5, 500, 200);
    report(1000, 10, 10, 0);
  }

  private static void report(int n, int k, int runs, int warmup) {
    for (boolean quotas : new boolean[] {false, true}) {
      for (int r = 0; r < warmup; r++) {
        Problem p = RandomProblems.random(-1 - r, n, k, 0.2, 10, 2, quotas);
        new ExactSolver().solve(p, Budget.unlimited());
      }
      long[] nanos = new long[runs];
      long[] nodes = new long[runs];
      int proven = 0;
      for (int r = 0; r < runs; r++) {
        Problem p = RandomProblems.random(r, n, k, 0.2, 10, 2, quotas);
        long start = CPU.getCurrentThreadCpuTime();
        Selection s = new ExactSolver().solve(p, Budget.unlimited());
        nanos[r] = CPU.getCurrentThreadCpuTime() - start;
        nodes[r] = s.nodes();
        proven += s.provenOptimal() ? 1 : 0;
      }
      Arrays.sort(nanos);
      Arrays.sort(nodes);
      System.out.printf(
          "N=%d k=%d quotas=%-5s proven %d/%d  nodes p50=%d p99=%d max=%d"
              + "  cpu ms p50=%.3f p99=%.3f max=%.3f%n",
          n, k, quotas, proven, runs, nodes[runs / 2], nodes[(int) (runs * 0.99)], nodes[runs - 1],
          nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6);
    }
  }
}
