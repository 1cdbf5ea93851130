package io.github.qrerank.solver;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A {@link Problem} compiled for search: only the eligible documents ("candidates"), in
 * "position" order (utility descending, ties by document index), with flat arrays for the
 * utilities, the redundancy matrix pre-multiplied by lambda, cap groups and quota memberships.
 * Positions, not document indices, are used by the solvers; {@link #doc(int)} maps back.
 */
final class Candidates {
  final Problem problem;
  /** Number of candidates m. */
  final int m;
  /** min(k, m): no selection can be larger. */
  final int kEff;
  final int[] doc;
  final double[] v;
  /** lambda * sim, flat m*m over positions. */
  final double[] lsim;
  final int caps;
  final int[] capMax;
  final int[] groupCount;
  /** group[c][p]: group of position p under cap c, or -1. */
  final int[][] group;
  final int quotas;
  final int[] quotaMin;
  /** member[q][p]. */
  final boolean[][] member;
  /** Σ_q min_q: the coverage of a selection meeting every quota. */
  final int fullCoverage;

  Candidates(Problem problem) {
    this.problem = problem;
    this.doc =
        IntStream.range(0, problem.size())
            .filter(problem::isEligible)
            .boxed()
            .sorted(
                Comparator.comparingDouble((Integer i) -> -problem.utility(i))
                    .thenComparingInt(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    this.m = doc.length;
    this.kEff = Math.min(problem.k(), m);
    this.v = new double[m];
    this.lsim = new double[m * m];
    double lambda = problem.lambda();
    for (int p = 0; p < m; p++) {
      v[p] = problem.utility(doc[p]);
      for (int q = 0; q < m; q++) {
        lsim[p * m + q] = lambda * problem.sim(doc[p], doc[q]);
      }
    }
    this.caps = problem.caps().size();
    this.capMax = new int[caps];
    this.groupCount = new int[caps];
    this.group = new int[caps][m];
    for (int c = 0; c < caps; c++) {
      Cap cap = problem.caps().get(c);
      capMax[c] = cap.max();
      groupCount[c] = cap.groupCount();
      for (int p = 0; p < m; p++) {
        group[c][p] = cap.groupOf(doc[p]);
      }
    }
    this.quotas = problem.quotas().size();
    this.quotaMin = new int[quotas];
    this.member = new boolean[quotas][m];
    int full = 0;
    for (int q = 0; q < quotas; q++) {
      Quota quota = problem.quotas().get(q);
      quotaMin[q] = quota.min();
      full += quota.min();
      for (int p = 0; p < m; p++) {
        member[q][p] = quota.isMember(doc[p]);
      }
    }
    this.fullCoverage = full;
  }

  int doc(int position) {
    return doc[position];
  }

  /** Document indices of the given positions. */
  int[] docs(int[] positions, int count) {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = doc[positions[i]];
    }
    return out;
  }

  /** Positions of the given document indices (which must be candidates). */
  int[] positions(int[] docs) {
    int[] inverse = new int[problem.size()];
    Arrays.fill(inverse, -1);
    for (int p = 0; p < m; p++) {
      inverse[doc[p]] = p;
    }
    int[] out = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      out[i] = inverse[docs[i]];
      if (out[i] < 0) {
        throw new IllegalArgumentException("not an eligible document: " + docs[i]);
      }
    }
    return out;
  }
}
