package io.github.qrerank.solver;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The documents the quantum solver puts on qubits, at most {@code qubits} of them.
 *
 * <ol>
 *   <li><b>Selectable</b> documents are the eligible ones outside every cap group of limit 0.
 *   <li><b>Reserved:</b> a feasible selection of at most k documents, the {@link GreedySwapSolver}
 *       answer on the window in {@link QaoaSolver}. It respects every cap and meets the quotas as
 *       far as greedy can, so the shortlist holds a complete selection whenever greedy finds one,
 *       and the answer the classical heuristic would give is one of the circuit's basis states.
 *   <li>The remaining places go to the other selectable documents by utility, highest first.
 * </ol>
 *
 * On the benchmark's windows (N = 100, k = 5, 20 qubits) utility order alone leaves an optimal
 * selection outside the shortlist in 30 of 200 windows, with the greedy answer reserved in 1:
 * optima often take a diverse or quota-meeting document from far down the utility order. {@link
 * QaoaDiagnostics#optimumInShortlist()} reports it per request.
 *
 * <p>Qubit order is utility order (ties by window index), so ring-mixer neighbours have adjacent
 * utilities. Deterministic.
 */
final class Shortlist {
  private Shortlist() {}

  /** Selectable documents in utility order (highest first, ties by index). */
  static int[] selectable(Problem problem) {
    return IntStream.range(0, problem.size())
        .filter(i -> problem.isEligible(i) && !inZeroCapGroup(problem, i))
        .boxed()
        .sorted(byUtility(problem))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static boolean inZeroCapGroup(Problem problem, int d) {
    for (Cap c : problem.caps()) {
      if (c.max() == 0 && c.groupOf(d) >= 0) {
        return true;
      }
    }
    return false;
  }

  static Comparator<Integer> byUtility(Problem problem) {
    return (a, b) -> {
      int c = Double.compare(problem.utility(b), problem.utility(a));
      return c != 0 ? c : Integer.compare(a, b);
    };
  }

  /**
   * The shortlist: min(qubits, selectable) documents in utility order.
   *
   * @param selectable {@link #selectable(Problem)}
   * @param reserved selectable documents that must be included (at most {@code qubits} of them)
   */
  static int[] select(Problem problem, int[] selectable, int[] reserved, int qubits) {
    int size = Math.min(qubits, selectable.length);
    boolean[] in = new boolean[problem.size()];
    int count = 0;
    for (int d : reserved) {
      if (count < size && !in[d]) {
        in[d] = true;
        count++;
      }
    }
    for (int d : selectable) {
      if (count >= size) {
        break;
      }
      if (!in[d]) {
        in[d] = true;
        count++;
      }
    }
    return Arrays.stream(selectable).filter(d -> in[d]).toArray();
  }
}
