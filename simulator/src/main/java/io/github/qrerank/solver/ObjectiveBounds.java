package io.github.qrerank.solver;

import java.util.Arrays;

/**
 * Upper bounds on how much F can grow when exactly {@code need} more documents are added to a
 * partial selection S, given the marginal gains {@code marg[i] = v_p - lambda·Σ_{j∈S} sim_pj} of
 * the compatible positions {@code list[from..len)}.
 *
 * <p>For any set A of additions, {@code F(S ∪ A) - F(S) = Σ_{p∈A} marg_p - lambda·Σ_{p<q∈A}
 * sim_pq}, and the pair term is never negative (sim ≥ 0, lambda ≥ 0). Three relaxations follow:
 *
 * <ul>
 *   <li>{@link #top}: drop the pair term; take the {@code need} largest marginals.
 *   <li>{@link #capped}: additionally keep one cap (a partition matroid); the greedy choice is the
 *       exact maximum over a matroid, so it is an upper bound (only one cap at a time: greedy is not
 *       exact for an intersection of several).
 *   <li>{@link #clustered}: keep the pair term inside clusters of positions whose pairwise {@code
 *       lambda·sim} is at least a known minimum {@code w_g} (cliques, computed once from the whole
 *       candidate set). Taking t documents of cluster g costs at least {@code w_g·t(t-1)/2}, so the
 *       t-th one (in decreasing marginal order) is worth at most {@code marg - (t-1)·w_g}; these
 *       values decrease within a cluster, hence the greedy merge is the relaxation's exact maximum.
 * </ul>
 *
 * <p>Each returns {@code -Infinity} when fewer than {@code need} documents are available.
 */
final class ObjectiveBounds {
  /** Minimum sim for two positions to share a cluster. */
  static final double CLUSTER_THRESHOLD = 0.5;

  private final Candidates c;
  private final int[] cluster;
  private final double[] clusterWeight;
  private final boolean[] taken;
  private final int[] takenPerGroup;
  private final double[] buffer;

  ObjectiveBounds(Candidates c) {
    this.c = c;
    this.cluster = new int[c.m];
    this.clusterWeight = cliques(c, cluster);
    this.taken = new boolean[c.m];
    int maxGroups = clusterWeight.length;
    for (int cc = 0; cc < c.caps; cc++) {
      maxGroups = Math.max(maxGroups, c.groupCount[cc]);
    }
    this.takenPerGroup = new int[maxGroups];
    this.buffer = new double[Math.max(1, c.kEff)];
  }

  /**
   * Leader clustering in position order: a position joins the first cluster all of whose members
   * have sim ≥ {@link #CLUSTER_THRESHOLD} with it, else opens a new one. Returns per cluster the
   * smallest lambda·sim between two of its members (0 for a single member).
   */
  private static double[] cliques(Candidates c, int[] cluster) {
    int m = c.m;
    int[][] members = new int[m][];
    int[] size = new int[m];
    double[] weight = new double[m];
    int count = 0;
    double threshold = CLUSTER_THRESHOLD * c.problem.lambda();
    for (int p = 0; p < m; p++) {
      int home = -1;
      for (int g = 0; g < count && home < 0; g++) {
        boolean all = true;
        for (int t = 0; t < size[g] && all; t++) {
          all = c.lsim[p * m + members[g][t]] >= threshold;
        }
        if (all) {
          home = g;
        }
      }
      if (home < 0 || threshold <= 0) {
        home = count++;
        members[home] = new int[4];
        weight[home] = Double.POSITIVE_INFINITY;
      }
      if (size[home] == members[home].length) {
        members[home] = Arrays.copyOf(members[home], 2 * size[home]);
      }
      for (int t = 0; t < size[home]; t++) {
        weight[home] = Math.min(weight[home], c.lsim[p * m + members[home][t]]);
      }
      members[home][size[home]++] = p;
      cluster[p] = home;
    }
    double[] out = new double[count];
    for (int g = 0; g < count; g++) {
      out[g] = size[g] > 1 ? weight[g] : 0;
    }
    return out;
  }

  /** The tightest of the relaxations that apply, for S's current cap usage. */
  double bound(SearchState s, int[] list, double[] marg, int from, int len, int need) {
    double b = greedy(s, list, marg, from, len, need, -1);
    for (int cc = 0; cc < c.caps; cc++) {
      b = Math.min(b, greedy(s, list, marg, from, len, need, cc));
    }
    return b;
  }

  /** Sum of the {@code need} largest marg[from..len). */
  double top(double[] marg, int from, int len, int need) {
    if (len - from < need) {
      return Double.NEGATIVE_INFINITY;
    }
    if (need == 0) {
      return 0;
    }
    int filled = 0;
    for (int i = from; i < len; i++) {
      filled = insert(buffer, filled, need, marg[i]);
    }
    double sum = 0;
    for (int t = 0; t < need; t++) {
      sum += buffer[t];
    }
    return sum;
  }

  /**
   * Suffix sums: {@code out[i]} = sum of the {@code need} largest of marg[i..len), -Infinity when
   * fewer than need.
   */
  void suffixTop(double[] marg, int len, int need, double[] out) {
    int filled = 0;
    double sum = 0;
    for (int i = len - 1; i >= 0; i--) {
      double x = marg[i];
      if (filled == need) {
        if (x > buffer[need - 1]) {
          sum += x - buffer[need - 1];
          insert(buffer, filled - 1, need, x);
        }
      } else {
        sum += x;
        filled = insert(buffer, filled, need, x);
      }
      out[i] = filled == need ? sum : Double.NEGATIVE_INFINITY;
    }
  }

  /** Inserts x into the descending buffer[0..filled) keeping at most cap entries. */
  private static int insert(double[] buffer, int filled, int cap, double x) {
    if (filled == cap && x <= buffer[cap - 1]) {
      return filled;
    }
    int i = filled == cap ? cap - 1 : filled;
    while (i > 0 && buffer[i - 1] < x) {
      buffer[i] = buffer[i - 1];
      i--;
    }
    buffer[i] = x;
    return filled == cap ? cap : filled + 1;
  }

  /**
   * Repeatedly takes the best remaining value: under cap cc (when cc ≥ 0) a position whose group
   * has no room left (for S plus what was taken) is skipped; in the cluster mode (cc = -1) a position's value is lowered by w_g for each
   * one already taken from its cluster.
   */
  private double greedy(
      SearchState s, int[] list, double[] marg, int from, int len, int need, int cc) {
    if (len - from < need) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    int got = 0;
    for (; got < need; got++) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = from; i < len; i++) {
        if (taken[i]) {
          continue;
        }
        double value;
        if (cc >= 0) {
          int g = c.group[cc][list[i]];
          if (g >= 0 && takenPerGroup[g] >= s.room(cc, g)) {
            continue;
          }
          value = marg[i];
        } else {
          int g = cluster[list[i]];
          value = marg[i] - takenPerGroup[g] * clusterWeight[g];
        }
        if (best < 0 || value > bestValue) {
          best = i;
          bestValue = value;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      int g = cc >= 0 ? c.group[cc][list[best]] : cluster[list[best]];
      if (g >= 0) {
        takenPerGroup[g]++;
      }
      sum += bestValue;
    }
    for (int i = from; i < len; i++) {
      if (taken[i]) {
        taken[i] = false;
        int g = cc >= 0 ? c.group[cc][list[i]] : cluster[list[i]];
        if (g >= 0) {
          takenPerGroup[g] = 0;
        }
      }
    }
    return got == need ? sum : Double.NEGATIVE_INFINITY;
  }
}
