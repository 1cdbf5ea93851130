package io.github.qrerank.solver;

/**
 * Upper bounds on how much F can grow when exactly {@code need} more documents are added to a
 * partial selection S, given the marginal gains {@code marg[i] = v_p - lambda·Σ_{j∈S} sim_pj} of
 * the compatible positions {@code p = list[i]}, {@code i ∈ [from, len)}, listed in position order.
 *
 * <p>For any set A of additions, {@code gain(A) = F(S ∪ A) - F(S) = Σ_{p∈A} marg_p -
 * lambda·Σ_{p<q∈A} sim_pq}, and the pair term is never negative (sim ≥ 0, lambda ≥ 0).
 * Relaxations, each a valid upper bound on gain(A) over all A of size {@code need}:
 *
 * <ul>
 *   <li>top: drop the pair term; the {@code need} largest marginals.
 *   <li>cap c: drop the pair term, keep cap c only (a partition matroid): the greedy choice is the
 *       exact maximum over a matroid. One cap at a time: greedy is not exact over an
 *       intersection of several.
 *   <li>quota q, when every quota must be met: drop the pair term, A holds at least the deficit d
 *       of q; the best such A takes the d best members, then the best of the rest.
 *   <li>stars: for every p ∈ A, {@code gain(A) ≤ marg_p + Σ_{q∈A\p}(marg_q - lambda·sim_pq)}
 *       (the pairs not involving p are dropped) {@code ≤ star_p}, the same with the need-1 best q.
 *       So gain(A) ≤ min over p ∈ A of star_p ≤ the need-th largest star. Exact for need ≤ 2.
 *       Only decided against the gain to beat: "fewer than need stars exceed it". The star bound
 *       is what makes the search practical: the pair term is most of the gap between the top
 *       marginals and the optimum, and stars see the pairs of every candidate with the others.
 * </ul>
 *
 * <p>Infeasible relaxations give {@code -Infinity}. Because positions are sorted by utility and
 * penalties are non-negative, {@code marg[i] ≤ v[list[i]]}, which decreases along the list: the
 * scans stop as soon as no later position can matter.
 */
final class ObjectiveBounds {
  /** How often (in scanned positions) a star scan tests whether it can still exceed the gain. */
  private static final int REACH_CHECK_EVERY = 8;

  private static final int CAP = 1;
  private static final int QUOTA = 2;

  private final Candidates c;
  private final boolean[] taken;
  private final int[] takenList;
  private final int[] takenPerGroup;
  private final double[] buffer;

  ObjectiveBounds(Candidates c) {
    this.c = c;
    this.taken = new boolean[c.m];
    this.takenList = new int[Math.max(1, c.kEff)];
    int maxGroups = 0;
    for (int cc = 0; cc < c.caps; cc++) {
      maxGroups = Math.max(maxGroups, c.groupCount[cc]);
    }
    this.takenPerGroup = new int[maxGroups];
    this.buffer = new double[Math.max(1, c.kEff)];
  }

  /**
   * True when some relaxation shows that no A of size {@code need} from list[from..len) has a gain
   * above {@code gain}. The cheap relaxations are tried first.
   *
   * @param quotasForced whether A must make up every quota deficit of S
   */
  boolean cannotExceed(
      SearchState s,
      int[] list,
      double[] marg,
      int from,
      int len,
      int need,
      boolean quotasForced,
      double gain) {
    if (top(list, marg, from, len, need) <= gain) {
      return true;
    }
    for (int cc = 0; cc < c.caps; cc++) {
      if (greedy(s, list, marg, from, len, need, CAP, cc) <= gain) {
        return true;
      }
    }
    if (quotasForced) {
      for (int q = 0; q < c.quotas; q++) {
        if (s.deficit(q) > 0 && greedy(s, list, marg, from, len, need, QUOTA, q) <= gain) {
          return true;
        }
      }
    }
    return need >= 2 && starsAtMost(list, marg, from, len, need, gain);
  }

  /** Sum of the {@code need} largest of marg[from..len). */
  double top(int[] list, double[] marg, int from, int len, int need) {
    if (len - from < need) {
      return Double.NEGATIVE_INFINITY;
    }
    if (need == 0) {
      return 0;
    }
    int filled = 0;
    for (int i = from; i < len; i++) {
      if (filled == need && c.v[list[i]] <= buffer[need - 1]) {
        break;
      }
      filled = insert(buffer, filled, need, marg[i]);
    }
    double sum = 0;
    for (int t = 0; t < need; t++) {
      sum += buffer[t];
    }
    return sum;
  }

  /**
   * Repeatedly takes the best remaining marginal. CAP (index = cap): a position whose group has no
   * room left for S plus what was taken is skipped. QUOTA (index = quota): only members count
   * until the deficit is taken.
   */
  private double greedy(
      SearchState s, int[] list, double[] marg, int from, int len, int need, int mode, int index) {
    if (len - from < need) {
      return Double.NEGATIVE_INFINITY;
    }
    int forced = mode == QUOTA ? s.deficit(index) : 0;
    if (forced > need) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    int got = 0;
    for (; got < need; got++) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = from; i < len; i++) {
        int p = list[i];
        if (best >= 0 && c.v[p] <= bestValue) {
          break;
        }
        if (taken[i]) {
          continue;
        }
        double value = marg[i];
        if (mode == CAP) {
          int g = c.group[index][p];
          if (g >= 0 && takenPerGroup[g] >= s.room(index, g)) {
            continue;
          }
        } else if (got < forced && !c.member[index][p]) {
          continue;
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
      takenList[got] = best;
      int g = group(mode, index, list[best]);
      if (g >= 0) {
        takenPerGroup[g]++;
      }
      sum += bestValue;
    }
    for (int t = 0; t < got; t++) {
      int i = takenList[t];
      taken[i] = false;
      int g = group(mode, index, list[i]);
      if (g >= 0) {
        takenPerGroup[g] = 0;
      }
    }
    return got == need ? sum : Double.NEGATIVE_INFINITY;
  }

  private int group(int mode, int index, int p) {
    return mode == CAP ? c.group[index][p] : -1;
  }

  /**
   * True when fewer than {@code need} positions of list[from..len) have a star value above {@code
   * gain}, so that the need-th largest star is at most gain (need ≥ 2). Stars are only computed
   * for positions whose cheap upper bound {@code marg + (need-1 best marginals)} exceeds gain.
   */
  private boolean starsAtMost(int[] list, double[] marg, int from, int len, int need, double gain) {
    double othersTop = top(list, marg, from, len, need - 1);
    int above = 0;
    for (int i = from; i < len; i++) {
      if (c.v[list[i]] + othersTop <= gain) {
        return true;
      }
      if (marg[i] + othersTop > gain && starExceeds(list, marg, from, len, need - 1, i, gain)) {
        if (++above == need) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether {@code marg[i]} plus the sum of the r largest {@code marg[t] - lambda·sim(list[i],
   * list[t])}, t ≠ i, exceeds gain. Any r of those values sum to at most the r largest, so the scan
   * stops as soon as the values kept so far exceed it.
   */
  private boolean starExceeds(
      int[] list, double[] marg, int from, int len, int r, int i, double gain) {
    int row = list[i] * c.m;
    double needed = gain - marg[i];
    int filled = 0;
    double sum = 0;
    for (int t = from; t < len; t++) {
      int q = list[t];
      if (filled == r
          && (c.v[q] <= buffer[r - 1]
              || (t % REACH_CHECK_EVERY == 0 && cannotReach(sum, r, c.v[q], needed)))) {
        break;
      }
      if (t == i) {
        continue;
      }
      double x = marg[t] - c.lsim[row + q];
      if (filled == r) {
        if (x <= buffer[r - 1]) {
          continue;
        }
        sum += x - buffer[r - 1];
      } else {
        sum += x;
      }
      filled = insert(buffer, filled, r, x);
      if (filled == r && sum > needed) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the r values in {@code buffer} (summing to {@code sum}) can no longer grow above
   * {@code needed} when every later value is at most {@code ceiling}: the best possible final sum
   * replaces the kept values below the ceiling by the ceiling.
   */
  private boolean cannotReach(double sum, int r, double ceiling, double needed) {
    double best = sum;
    for (int t = r - 1; t >= 0 && buffer[t] < ceiling; t--) {
      best += ceiling - buffer[t];
    }
    return best <= needed;
  }

  /** Inserts x into the descending buffer[0..filled) of capacity cap; returns the new fill. */
  private static int insert(double[] buffer, int filled, int cap, double x) {
    if (filled == cap && x <= buffer[cap - 1]) {
      return filled;
    }
    int at = filled == cap ? cap - 1 : filled++;
    while (at > 0 && buffer[at - 1] < x) {
      buffer[at] = buffer[at - 1];
      at--;
    }
    buffer[at] = x;
    return filled;
  }
}
