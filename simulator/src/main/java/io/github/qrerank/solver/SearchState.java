package io.github.qrerank.solver;

/**
 * A partial selection S over the positions of {@link Candidates}, with everything the solvers
 * update incrementally: cap usage, quota counts, F(S), quota coverage and, for every position p,
 * the redundancy penalty {@code pen(p) = lambda * Σ_{i∈S} sim(p, i)} so that the marginal gain of
 * adding p is {@code v[p] - pen(p)}. Also the size and coverage upper bounds shared by the
 * solvers. Not thread-safe: one per solve.
 *
 * <p>Penalties and F are kept per level (one level per document added) and never updated by
 * subtraction: removing the last added document just drops a level, removing an earlier one
 * recomputes the levels above it. So the values of a set depend only on the order its documents
 * were added in, never on the history of the search (no floating-point drift), and penalties are
 * never negative.
 */
final class SearchState {
  final Candidates c;
  private final int[] chosen;
  private int size;
  private final boolean[] in;
  private final int[][] used;
  private final int[] count;
  private final double[][] penAt;
  private final double[] fAt;
  private int coverage;

  private final int[][] scratchGroups;
  private final int[] scratchTouched;
  private final int[] scratchDeficit;
  private final int[] scratchT;

  SearchState(Candidates c) {
    this.c = c;
    this.chosen = new int[c.kEff];
    this.in = new boolean[c.m];
    this.used = new int[c.caps][];
    this.scratchGroups = new int[c.caps][];
    int maxGroups = 0;
    for (int cc = 0; cc < c.caps; cc++) {
      used[cc] = new int[c.groupCount[cc]];
      scratchGroups[cc] = new int[c.groupCount[cc]];
      maxGroups = Math.max(maxGroups, c.groupCount[cc]);
    }
    this.scratchTouched = new int[Math.max(maxGroups, c.m)];
    this.count = new int[c.quotas];
    this.scratchDeficit = new int[c.quotas];
    this.scratchT = new int[c.quotas + 1];
    this.penAt = new double[c.kEff + 1][c.m];
    this.fAt = new double[c.kEff + 1];
  }

  int size() {
    return size;
  }

  double objective() {
    return fAt[size];
  }

  /** lambda * Σ_{i∈S} sim(p, i). */
  double penalty(int p) {
    return penAt[size][p];
  }

  int coverage() {
    return coverage;
  }

  boolean contains(int p) {
    return in[p];
  }

  /** The positions of S (a copy, in insertion order). */
  int[] positions() {
    return java.util.Arrays.copyOf(chosen, size);
  }

  /** True when p is not in S and adding it exceeds no cap. */
  boolean canAdd(int p) {
    return !in[p] && capsAllow(p, -1);
  }

  /** True when adding p after removing {@code removed} (or nothing, -1) exceeds no cap. */
  boolean capsAllow(int p, int removed) {
    for (int cc = 0; cc < c.caps; cc++) {
      int g = c.group[cc][p];
      if (g >= 0) {
        int u = used[cc][g];
        if (removed >= 0 && c.group[cc][removed] == g) {
          u--;
        }
        if (u >= c.capMax[cc]) {
          return false;
        }
      }
    }
    return true;
  }

  /** How many more documents of group g cap cc lets S take. */
  int room(int cc, int g) {
    return c.capMax[cc] - used[cc][g];
  }

  /** How many more members quota q needs: max(0, min_q - count_q(S)). */
  int deficit(int q) {
    return Math.max(0, c.quotaMin[q] - count[q]);
  }

  /** F(S ∪ {p}) - F(S). */
  double gain(int p) {
    return c.v[p] - penAt[size][p];
  }

  /** Coverage(S ∪ {p}) - coverage(S): the quotas p is a member of that are not met yet. */
  int coverageGain(int p) {
    int g = 0;
    for (int q = 0; q < c.quotas; q++) {
      if (c.member[q][p] && count[q] < c.quotaMin[q]) {
        g++;
      }
    }
    return g;
  }

  /** Coverage change of removing p from S. */
  int coverageLoss(int p) {
    int l = 0;
    for (int q = 0; q < c.quotas; q++) {
      if (c.member[q][p] && count[q] <= c.quotaMin[q]) {
        l++;
      }
    }
    return l;
  }

  void add(int p) {
    coverage += coverageGain(p);
    push(p);
    in[p] = true;
    for (int cc = 0; cc < c.caps; cc++) {
      int g = c.group[cc][p];
      if (g >= 0) {
        used[cc][g]++;
      }
    }
    for (int q = 0; q < c.quotas; q++) {
      if (c.member[q][p]) {
        count[q]++;
      }
    }
  }

  /** Appends p as a new level: penalties and F of S ∪ {p}. */
  private void push(int p) {
    double[] below = penAt[size];
    double[] above = penAt[size + 1];
    int row = p * c.m;
    for (int j = 0; j < c.m; j++) {
      above[j] = below[j] + c.lsim[row + j];
    }
    fAt[size + 1] = fAt[size] + c.v[p] - below[p];
    chosen[size++] = p;
  }

  void remove(int p) {
    int at = size - 1;
    while (chosen[at] != p) {
      at--;
    }
    if (at == size - 1) {
      size--;
    } else {
      int[] later = java.util.Arrays.copyOfRange(chosen, at + 1, size);
      size = at;
      for (int q : later) {
        push(q);
      }
    }
    in[p] = false;
    for (int cc = 0; cc < c.caps; cc++) {
      int g = c.group[cc][p];
      if (g >= 0) {
        used[cc][g]--;
      }
    }
    for (int q = 0; q < c.quotas; q++) {
      if (c.member[q][p]) {
        count[q]--;
      }
    }
    coverage -= coverageGain(p);
  }

  /** Writes the positions from {@code from} on that can be added to S; returns how many. */
  int compatible(int from, int[] out) {
    int len = 0;
    for (int p = from; p < c.m; p++) {
      if (canAdd(p)) {
        out[len++] = p;
      }
    }
    return len;
  }

  /**
   * An upper bound on how many of {@code list[from..len)} can be added to S together (at most
   * {@code slots}): for each cap separately, each group contributes at most its remaining capacity.
   */
  int sizeBound(int[] list, int from, int len, int slots) {
    int bound = Math.min(slots, len - from);
    for (int cc = 0; cc < c.caps && bound > 0; cc++) {
      bound = Math.min(bound, cappedCount(cc, list, from, len, -1));
    }
    return bound;
  }

  /**
   * An upper bound on the coverage that adding at most {@code slots} documents of {@code
   * list[from..len)} to S can add: the sum over unmet quotas of min(deficit, members available,
   * counted per cap with each group's remaining capacity), and at most the sum of the {@code
   * slots} largest numbers of unmet quotas one document belongs to.
   */
  int coverageBound(int[] list, int from, int len, int slots) {
    if (c.quotas == 0 || slots <= 0) {
      return 0;
    }
    boolean anyDeficit = false;
    for (int q = 0; q < c.quotas; q++) {
      scratchDeficit[q] = Math.max(0, c.quotaMin[q] - count[q]);
      anyDeficit |= scratchDeficit[q] > 0;
    }
    if (!anyDeficit) {
      return 0;
    }
    int reachable = 0;
    for (int q = 0; q < c.quotas; q++) {
      if (scratchDeficit[q] == 0) {
        continue;
      }
      int avail = 0;
      for (int i = from; i < len; i++) {
        if (c.member[q][list[i]]) {
          avail++;
        }
      }
      for (int cc = 0; cc < c.caps && avail > 0; cc++) {
        avail = Math.min(avail, cappedCount(cc, list, from, len, q));
      }
      reachable += Math.min(scratchDeficit[q], avail);
    }
    java.util.Arrays.fill(scratchT, 0);
    for (int i = from; i < len; i++) {
      int t = 0;
      for (int q = 0; q < c.quotas; q++) {
        if (scratchDeficit[q] > 0 && c.member[q][list[i]]) {
          t++;
        }
      }
      scratchT[t]++;
    }
    int top = 0;
    int left = slots;
    for (int t = c.quotas; t > 0 && left > 0; t--) {
      int take = Math.min(left, scratchT[t]);
      top += take * t;
      left -= take;
    }
    return Math.min(reachable, top);
  }

  /**
   * How many of list[from..len) (only members of quota q when q >= 0) cap cc lets S take together:
   * per group min(count, remaining capacity), plus all documents without a group.
   */
  private int cappedCount(int cc, int[] list, int from, int len, int q) {
    int[] cnt = scratchGroups[cc];
    int touched = 0;
    int free = 0;
    for (int i = from; i < len; i++) {
      int p = list[i];
      if (q >= 0 && !c.member[q][p]) {
        continue;
      }
      int g = c.group[cc][p];
      if (g < 0) {
        free++;
      } else {
        if (cnt[g]++ == 0) {
          scratchTouched[touched++] = g;
        }
      }
    }
    int total = free;
    for (int t = 0; t < touched; t++) {
      int g = scratchTouched[t];
      total += Math.min(cnt[g], c.capMax[cc] - used[cc][g]);
      cnt[g] = 0;
    }
    return total;
  }

  /** Lexicographic comparison of (size, coverage, F) keys. */
  static int compareKey(int s1, int c1, double f1, int s2, int c2, double f2) {
    if (s1 != s2) {
      return Integer.compare(s1, s2);
    }
    if (c1 != c2) {
      return Integer.compare(c1, c2);
    }
    return Double.compare(f1, f2);
  }
}
