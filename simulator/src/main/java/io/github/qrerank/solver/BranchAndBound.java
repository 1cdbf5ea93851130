package io.github.qrerank.solver;

/**
 * Depth-first branch and bound over the candidates in position order (utility descending): a node
 * is a partial selection S whose last position is below {@code next}; its children add one
 * compatible position at or after {@code next}, so every feasible set is visited at most once.
 *
 * <p>Goal: the lexicographic maximum of (|S|, quota coverage, F(S)). A node's region (all sets
 * extending S) is pruned when it cannot beat the incumbent: its size bound is below the
 * incumbent's size; or equal, and its coverage bound is below; or both equal, and F(S) plus an
 * {@link ObjectiveBounds} bound for the missing documents does not exceed the incumbent's F. The
 * loop over the children stops as soon as the same test holds for the remaining suffix of the
 * compatible list (all three bounds only shrink along it). The first incumbent is the greedy+swap
 * answer, and a set replaces the incumbent only when its key is strictly larger, so the result is
 * deterministic.
 *
 * <p>The budget is checked every {@link #CHECK_EVERY} nodes. When it expires, the search stops
 * and {@link #upperBound()} bounds F over every unexplored set of the incumbent's size.
 */
final class BranchAndBound {
  /**
   * Nodes between two budget checks. A check (System.nanoTime) costs tens of ns, a node from about
   * 1 µs (deep, N = 100) to 100 µs (shallow, N = 1000, where the star bound scans many
   * candidates): checking every 16 nodes costs little and keeps the overshoot past the deadline
   * around a millisecond.
   */
  static final int CHECK_EVERY = 16;

  private final Candidates c;
  private final SearchState s;
  private final ObjectiveBounds bounds;
  private final Budget budget;

  private int[] incumbent;
  private int incSize;
  private int incCov;
  private double incF;
  private boolean incumbentFromGreedy = true;

  private long nodes;
  private boolean expired;
  private double unexplored = Double.NEGATIVE_INFINITY;

  private final int[][] lists;
  private final double[][] margs;
  private final NodeBounds[] nodeBounds;

  BranchAndBound(Candidates c, SearchState greedy, Budget budget) {
    this.c = c;
    this.s = new SearchState(c);
    this.bounds = new ObjectiveBounds(c);
    this.budget = budget;
    // Re-evaluate the greedy answer adding in position order, exactly as the search would reach
    // it, so that finding the same set again is not mistaken for an improvement.
    this.incumbent = greedy.positions();
    java.util.Arrays.sort(incumbent);
    SearchState replay = new SearchState(c);
    for (int p : incumbent) {
      replay.add(p);
    }
    this.incSize = replay.size();
    this.incCov = replay.coverage();
    this.incF = replay.objective();
    int depths = c.kEff + 1;
    this.lists = new int[depths][c.m];
    this.margs = new double[depths][c.m];
    this.nodeBounds = new NodeBounds[depths];
    for (int d = 0; d < depths; d++) {
      nodeBounds[d] = new NodeBounds();
    }
  }

  /** Runs the search; returns true when it finished (the incumbent is proven optimal). */
  boolean run() {
    node(0, 0);
    return !expired;
  }

  int[] incumbent() {
    return incumbent.clone();
  }

  boolean incumbentFromGreedy() {
    return incumbentFromGreedy;
  }

  long nodes() {
    return nodes;
  }

  /**
   * An upper bound on F over all feasible sets of the incumbent's size (the incumbent's F when the
   * search finished).
   */
  double upperBound() {
    return Math.max(incF, unexplored);
  }

  private void node(int next, int depth) {
    nodes++;
    if (SearchState.compareKey(depth, s.coverage(), s.objective(), incSize, incCov, incF) > 0) {
      incumbent = s.positions();
      incSize = depth;
      incCov = s.coverage();
      incF = s.objective();
      incumbentFromGreedy = false;
    }
    if (depth == c.kEff) {
      return;
    }
    int[] list = lists[depth];
    double[] marg = margs[depth];
    int len = s.compatible(next, list);
    for (int i = 0; i < len; i++) {
      marg[i] = s.gain(list[i]);
    }
    if ((nodes % CHECK_EVERY == 0 || depth == 0) && budget.expired()) {
      expired = true;
      unexplored = Math.max(unexplored, regionBound(depth, list, marg, 0, len));
      return;
    }
    if (len == 0) {
      return;
    }
    NodeBounds nb = nodeBounds[depth];
    nb.reset(depth, list, len);
    for (int idx = 0; idx < len; idx++) {
      if (cannotImprove(nb, depth, list, marg, idx, len)) {
        return;
      }
      int p = list[idx];
      s.add(p);
      node(p + 1, depth + 1);
      s.remove(p);
      if (expired) {
        unexplored = Math.max(unexplored, regionBound(depth, list, marg, idx + 1, len));
        return;
      }
    }
  }

  /**
   * True when no set S ∪ A with A a non-empty subset of list[from..len) beats the incumbent. Each
   * bound used only shrinks as {@code from} grows, so once true it stays true for the rest of the
   * children.
   */
  private boolean cannotImprove(
      NodeBounds nb, int depth, int[] list, double[] marg, int from, int len) {
    int sizeBound = depth + Math.min(nb.addable, len - from);
    if (sizeBound != incSize) {
      return sizeBound < incSize;
    }
    int need = incSize - depth;
    if (need == 0) {
      return true;
    }
    int covBound = s.coverage() + nb.coverage(need);
    if (covBound != incCov) {
      return covBound < incCov;
    }
    boolean quotasForced = incCov == c.fullCoverage;
    return bounds.cannotExceed(
        s, list, marg, from, len, need, quotasForced, incF - s.objective());
  }

  /**
   * The size and coverage bounds of a node's whole compatible list, computed once per node (and
   * per number of missing documents); valid for every suffix of the list.
   */
  private final class NodeBounds {
    private int[] list;
    private int len;
    private int addable;
    private int coverageNeed;
    private int coverage;

    void reset(int depth, int[] list, int len) {
      this.list = list;
      this.len = len;
      this.addable = s.sizeBound(list, 0, len, c.kEff - depth);
      this.coverageNeed = -1;
    }

    int coverage(int need) {
      if (need != coverageNeed) {
        coverage = s.coverageBound(list, 0, len, need);
        coverageNeed = need;
      }
      return coverage;
    }
  }

  /**
   * Bound on F over the unexplored sets S ∪ A, A ⊆ list[from..len) non-empty, of the incumbent's
   * size (the additive relaxation).
   */
  private double regionBound(int depth, int[] list, double[] marg, int from, int len) {
    int need = incSize - depth;
    if (need <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return s.objective() + bounds.top(list, marg, from, len, need);
  }
}
