package io.github.qrerank.solver;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.Arrays;

/**
 * Maps a set of documents (a measured sample) to one that respects every hard constraint and meets
 * the quotas where it can, changing as little as it must and never optimising F: no step looks at
 * redundancy, so the repaired set reflects what was sampled.
 *
 * <ol>
 *   <li><b>Caps.</b> The sampled documents are taken in utility order (highest first); one that
 *       would exceed a cap is dropped. So an over-full group loses its lowest-utility members.
 *       Ineligible or repeated documents are dropped too.
 *   <li><b>Quotas</b>, in the problem's order. While quota q is short, its non-selected members are
 *       tried in pool order: a member is added when there is room (fewer than k selected) and no
 *       cap objects; otherwise it replaces the lowest-utility selected document whose removal keeps
 *       every quota at or above what it has (no member of a quota at or below its minimum) and
 *       makes the caps accept the member. A quota no member can be brought into stays short.
 *   <li><b>Fill.</b> While fewer than k are selected, the first document of the pool that no cap
 *       objects to is added.
 * </ol>
 *
 * The pool is the shortlist in utility order followed by the window's other selectable documents in
 * utility order. Deterministic; not thread-safe (scratch arrays), one per solve.
 */
final class SampleRepair {
  private final Problem problem;
  private final int[] pool;
  private final int k;
  private final int[][] capCount;
  private final int[] quotaCount;
  private final boolean[] selected;
  private final int[] set;
  private int size;

  /**
   * @param pool every selectable document, in the order fills and quota members are tried
   */
  SampleRepair(Problem problem, int[] pool) {
    this.problem = problem;
    this.pool = pool.clone();
    this.k = problem.k();
    this.capCount = new int[problem.caps().size()][];
    for (int c = 0; c < capCount.length; c++) {
      capCount[c] = new int[problem.caps().get(c).groupCount()];
    }
    this.quotaCount = new int[problem.quotas().size()];
    this.selected = new boolean[problem.size()];
    this.set = new int[Math.max(k, 0)];
  }

  /** The repaired selection of {@code sample} (window document indices), in selection order. */
  int[] repair(int[] sample) {
    clear();
    int[] ordered = byUtility(sample);
    for (int d : ordered) {
      if (size < k
          && d >= 0
          && d < selected.length
          && !selected[d]
          && problem.isEligible(d)
          && capsAllow(d)) {
        add(d);
      }
    }
    for (int q = 0; q < quotaCount.length; q++) {
      Quota quota = problem.quotas().get(q);
      while (quotaCount[q] < quota.min() && bringIn(q)) {
        // one more member each round
      }
    }
    for (int d : pool) {
      if (size >= k) {
        break;
      }
      if (!selected[d] && capsAllow(d)) {
        add(d);
      }
    }
    return Arrays.copyOf(set, size);
  }

  /**
   * Adds one member of quota q: the first in pool order that fits as it is (when fewer than k are
   * selected), else the first that fits in exchange for a free document; false if none does.
   */
  private boolean bringIn(int q) {
    Quota quota = problem.quotas().get(q);
    if (size < k) {
      for (int a : pool) {
        if (!selected[a] && quota.isMember(a) && capsAllow(a)) {
          add(a);
          return true;
        }
      }
    }
    for (int a : pool) {
      if (!selected[a] && quota.isMember(a)) {
        int r = replaceable(a);
        if (r >= 0) {
          remove(r);
          add(a);
          return true;
        }
      }
    }
    return false;
  }

  /** The lowest-utility selected document that may leave so that {@code a} fits; −1 if none. */
  private int replaceable(int a) {
    int best = -1;
    int[] current = Arrays.copyOf(set, size);
    for (int r : current) {
      if (isProtected(r) || (best >= 0 && !lowerUtility(r, best))) {
        continue;
      }
      remove(r);
      boolean fits = capsAllow(a);
      add(r);
      if (fits) {
        best = r;
      }
    }
    return best;
  }

  private boolean lowerUtility(int a, int b) {
    int c = Double.compare(problem.utility(a), problem.utility(b));
    return c != 0 ? c < 0 : a > b;
  }

  /** A member of a quota that is at or below its minimum. */
  private boolean isProtected(int d) {
    for (int q = 0; q < quotaCount.length; q++) {
      Quota quota = problem.quotas().get(q);
      if (quota.isMember(d) && quotaCount[q] <= quota.min()) {
        return true;
      }
    }
    return false;
  }

  private boolean capsAllow(int d) {
    for (int c = 0; c < capCount.length; c++) {
      Cap cap = problem.caps().get(c);
      int g = cap.groupOf(d);
      if (g >= 0 && capCount[c][g] >= cap.max()) {
        return false;
      }
    }
    return true;
  }

  private void add(int d) {
    selected[d] = true;
    set[size++] = d;
    count(d, 1);
  }

  private void remove(int d) {
    selected[d] = false;
    for (int i = 0; i < size; i++) {
      if (set[i] == d) {
        set[i] = set[--size];
        break;
      }
    }
    count(d, -1);
  }

  private void count(int d, int delta) {
    for (int c = 0; c < capCount.length; c++) {
      int g = problem.caps().get(c).groupOf(d);
      if (g >= 0) {
        capCount[c][g] += delta;
      }
    }
    for (int q = 0; q < quotaCount.length; q++) {
      if (problem.quotas().get(q).isMember(d)) {
        quotaCount[q] += delta;
      }
    }
  }

  private void clear() {
    for (int i = 0; i < size; i++) {
      selected[set[i]] = false;
    }
    size = 0;
    for (int[] c : capCount) {
      Arrays.fill(c, 0);
    }
    Arrays.fill(quotaCount, 0);
  }

  /** A copy of {@code docs} in utility order, highest first (insertion sort: samples are small). */
  private int[] byUtility(int[] docs) {
    int[] out = docs.clone();
    for (int i = 1; i < out.length; i++) {
      int d = out[i];
      int j = i - 1;
      while (j >= 0 && lowerUtility(out[j], d)) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = d;
    }
    return out;
  }
}
