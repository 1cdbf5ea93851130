package io.github.qrerank.solver;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.Arrays;

/**
 * A {@link Problem} compiled for search: only the eligible documents ("candidates"), in
 * "position" order (utility descending, ties by document index), with flat arrays for the
 * utilities, the redundancy matrix pre-multiplied by lambda, cap groups and quota memberships.
 * Positions, not document indices, are used by the solvers; {@link #docs} maps back.
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
    this.doc = eligibleByUtility(problem);
    this.m = doc.length;
    this.kEff = Math.min(problem.k(), m);
    this.v = new double[m];
    this.lsim = new double[m * m];
    double lambda = problem.lambda();
    for (int p = 0; p < m; p++) {
      v[p] = problem.utility(doc[p]);
      for (int q = p + 1; q < m; q++) {
        double w = lambda * problem.sim(doc[p], doc[q]);
        lsim[p * m + q] = w;
        lsim[q * m + p] = w;
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

  /** Eligible document indices, utility descending, ties by index (a stable sort by utility). */
  private static int[] eligibleByUtility(Problem problem) {
    int n = problem.size();
    double[] negUtility = new double[n];
    int count = 0;
    int[] eligible = new int[n];
    for (int i = 0; i < n; i++) {
      if (problem.isEligible(i)) {
        eligible[count++] = i;
      }
    }
    // Sort by (-utility, index) through a stable merge sort on primitive keys.
    int[] out = Arrays.copyOf(eligible, count);
    for (int i : out) {
      negUtility[i] = -problem.utility(i);
    }
    int[] tmp = new int[count];
    for (int width = 1; width < count; width *= 2) {
      for (int lo = 0; lo < count - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, count);
        int a = lo;
        int b = mid;
        int t = lo;
        while (a < mid && b < hi) {
          tmp[t++] = negUtility[out[b]] < negUtility[out[a]] ? out[b++] : out[a++];
        }
        while (a < mid) {
          tmp[t++] = out[a++];
        }
        while (b < hi) {
          tmp[t++] = out[b++];
        }
        System.arraycopy(tmp, lo, out, lo, hi - lo);
      }
    }
    return out;
  }

  /** Document indices of the given positions. */
  int[] docs(int[] positions, int count) {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = doc[positions[i]];
    }
    return out;
  }
}
