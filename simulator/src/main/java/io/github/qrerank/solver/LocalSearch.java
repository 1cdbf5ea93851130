package io.github.qrerank.solver;

/**
 * Local search on a feasible selection, improving the key (size, quota coverage, F)
 * lexicographically while the budget lasts: add a compatible document while fewer than k are
 * selected (the one adding most coverage, then most F); else apply the best improving swap of
 * one selected document for one unselected; else the best improving swap of two for two, the
 * incoming pair taken from a shortlist (the best marginal gains, and the best members of each
 * quota left short). Pair swaps matter with quotas: a document that is a member of two quotas
 * cannot be swapped out alone without losing coverage. Never breaks a hard constraint; the budget
 * is checked between moves (and inside the costlier pair-swap pass).
 */
final class LocalSearch {
  /** Minimum relative gain in F for a move to count as an improvement (avoids cycling on noise). */
  static final double MIN_IMPROVEMENT = 1e-12;

  /** Shortlist size for the incoming pair of a pair swap, besides quota members. */
  static final int SHORTLIST = 12;

  private LocalSearch() {}

  static void improve(SearchState s, Budget budget) {
    Candidates c = s.c;
    int[] list = new int[c.m];
    while (!budget.expired()) {
      if (s.size() < c.kEff) {
        int len = s.compatible(0, list);
        if (len > 0) {
          int best = list[0];
          for (int i = 1; i < len; i++) {
            int p = list[i];
            int cmp = Integer.compare(s.coverageGain(p), s.coverageGain(best));
            if (cmp > 0 || (cmp == 0 && s.gain(p) > s.gain(best))) {
              best = p;
            }
          }
          s.add(best);
          continue;
        }
      }
      if (!bestSwap(s) && !bestPairSwap(s, budget)) {
        return;
      }
    }
  }

  /** Applies the best improving swap; false when there is none. */
  private static boolean bestSwap(SearchState s) {
    Candidates c = s.c;
    int size = s.size();
    int bestCov = s.coverage();
    double bestF = s.objective() + MIN_IMPROVEMENT * (1 + Math.abs(s.objective()));
    int bestOut = -1;
    int bestIn = -1;
    for (int out : s.positions()) {
      int covOut = s.coverage() - s.coverageLoss(out);
      s.remove(out);
      double fOut = s.objective();
      for (int p = 0; p < c.m; p++) {
        if (p == out || !s.canAdd(p)) {
          continue;
        }
        int cov = covOut + s.coverageGain(p);
        double f = fOut + s.gain(p);
        if (SearchState.compareKey(size, cov, f, size, bestCov, bestF) > 0) {
          bestCov = cov;
          bestF = f;
          bestOut = out;
          bestIn = p;
        }
      }
      s.add(out);
    }
    if (bestOut < 0) {
      return false;
    }
    s.remove(bestOut);
    s.add(bestIn);
    return true;
  }

  /**
   * Applies the best improving two-for-two swap; false when there is none or the budget expires
   * first (checked for every outgoing pair, as a pass costs O(k²·n)).
   */
  private static boolean bestPairSwap(SearchState s, Budget budget) {
    Candidates c = s.c;
    int size = s.size();
    if (size < 2 || c.m - size < 2) {
      return false;
    }
    int bestCov = s.coverage();
    double bestF = s.objective() + MIN_IMPROVEMENT * (1 + Math.abs(s.objective()));
    int[] best = null;
    int[] chosen = s.positions();
    int[] shortlist = new int[SHORTLIST * (1 + c.quotas)];
    for (int x = 0; x < chosen.length; x++) {
      for (int y = x + 1; y < chosen.length; y++) {
        if (budget.expired()) {
          return false;
        }
        int o1 = chosen[x];
        int o2 = chosen[y];
        s.remove(o1);
        s.remove(o2);
        int len = shortlist(s, o1, o2, shortlist);
        for (int i = 0; i < len; i++) {
          int a = shortlist[i];
          for (int j = i + 1; j < len; j++) {
            int b = shortlist[j];
            if (!pairFits(s, a, b)) {
              continue;
            }
            int cov = s.coverage() + pairCoverageGain(s, a, b);
            double f = s.objective() + s.gain(a) + s.gain(b) - c.lsim[a * c.m + b];
            if (SearchState.compareKey(size, cov, f, size, bestCov, bestF) > 0) {
              bestCov = cov;
              bestF = f;
              best = new int[] {o1, o2, a, b};
            }
          }
        }
        s.add(o1);
        s.add(o2);
      }
    }
    if (best == null) {
      return false;
    }
    s.remove(best[0]);
    s.remove(best[1]);
    s.add(best[2]);
    s.add(best[3]);
    return true;
  }

  /**
   * Fills {@code out} with the addable positions (other than the two just removed) of the best
   * gains, then for each quota short of its minimum its best-gain addable members; returns the
   * count. Ties go to the earlier position.
   */
  private static int shortlist(SearchState s, int o1, int o2, int[] out) {
    Candidates c = s.c;
    int len = top(s, o1, o2, -1, out, 0);
    for (int q = 0; q < c.quotas; q++) {
      if (s.deficit(q) > 0) {
        len = top(s, o1, o2, q, out, len);
      }
    }
    return len;
  }

  /**
   * Appends up to SHORTLIST best-gain addable positions (members of q when q ≥ 0) not yet listed.
   */
  private static int top(SearchState s, int o1, int o2, int q, int[] out, int len) {
    Candidates c = s.c;
    int start = len;
    for (int p = 0; p < c.m; p++) {
      if (p == o1 || p == o2 || !s.canAdd(p) || (q >= 0 && !c.member[q][p])) {
        continue;
      }
      boolean listed = false;
      for (int i = 0; i < start && !listed; i++) {
        listed = out[i] == p;
      }
      if (listed) {
        continue;
      }
      if (len - start < SHORTLIST) {
        out[len++] = p;
      } else if (s.gain(p) > s.gain(out[len - 1])) {
        out[len - 1] = p;
      } else {
        continue;
      }
      for (int i = len - 1; i > start && s.gain(out[i]) > s.gain(out[i - 1]); i--) {
        int t = out[i];
        out[i] = out[i - 1];
        out[i - 1] = t;
      }
    }
    return len;
  }

  /** Whether a and b (each addable alone) can be added together without exceeding a cap. */
  private static boolean pairFits(SearchState s, int a, int b) {
    Candidates c = s.c;
    for (int cc = 0; cc < c.caps; cc++) {
      int g = c.group[cc][a];
      if (g >= 0 && g == c.group[cc][b] && s.room(cc, g) < 2) {
        return false;
      }
    }
    return true;
  }

  /** Coverage gained by adding both a and b. */
  private static int pairCoverageGain(SearchState s, int a, int b) {
    Candidates c = s.c;
    int gain = 0;
    for (int q = 0; q < c.quotas; q++) {
      int d = s.deficit(q);
      int members = (c.member[q][a] ? 1 : 0) + (c.member[q][b] ? 1 : 0);
      gain += Math.min(d, members);
    }
    return gain;
  }
}
