package io.github.qrerank.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import io.github.qrerank.model.Selection;
import io.github.qrerank.testing.RandomProblems;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSolverTest {
  private static final double EPS = 1e-9;

  /** Asserts exact's answer has brute force's key, is proven, and returns it. */
  static Selection assertMatchesBruteForce(Problem p, String label) {
    Selection exact = new ExactSolver().solve(p, Budget.unlimited());
    Selection brute = new BruteForceSolver().solve(p, Budget.unlimited());
    int[] e = exact.indices();
    int[] b = brute.indices();
    assertTrue(p.respectsHardConstraints(e), label + ": hard constraints " + exact);
    assertTrue(exact.provenOptimal(), label + ": not proven");
    assertEquals(ExactSolver.NAME, exact.solver(), label);
    assertEquals(b.length, e.length, label + ": size, exact " + exact + " brute " + brute);
    assertEquals(
        BruteForceSolver.coverage(p, b), BruteForceSolver.coverage(p, e), label + ": coverage");
    assertEquals(brute.objective(), exact.objective(), EPS, label + ": F " + exact + " " + brute);
    assertEquals(exact.objective(), exact.upperBound(), 0, label + ": bound of a proven answer");
    return exact;
  }

  @Test
  void matchesBruteForceOnRealisticInstances() {
    Random rng = new Random(7);
    for (int t = 0; t < 300; t++) {
      int n = 6 + rng.nextInt(9);
      int k = 1 + rng.nextInt(10);
      double ineligible = rng.nextInt(3) * 0.2;
      int brands = rng.nextInt(5);
      int cap = rng.nextInt(4);
      boolean quotas = rng.nextBoolean();
      Problem p = RandomProblems.random(1000 + t, n, k, ineligible, brands, cap, quotas);
      assertMatchesBruteForce(
          p, "random#" + t + " n=" + n + " k=" + k + " brands=" + brands + " cap=" + cap);
    }
  }

  @Test
  void matchesBruteForceWithExactTies() {
    Random rng = new Random(11);
    int incomplete = 0;
    for (int t = 0; t < 300; t++) {
      int n = 6 + rng.nextInt(9);
      int k = 1 + rng.nextInt(10);
      double ineligible = rng.nextInt(3) * 0.15;
      int brands = rng.nextInt(4);
      int cap = rng.nextInt(4);
      int quotaMin = rng.nextInt(5);
      Problem p = RandomProblems.discrete(2000 + t, n, k, ineligible, brands, cap, quotaMin);
      Selection s =
          assertMatchesBruteForce(
              p, "discrete#" + t + " n=" + n + " k=" + k + " cap=" + cap + " quota=" + quotaMin);
      if (!s.report().complete()) {
        incomplete++;
      }
    }
    assertTrue(incomplete > 20, "the generator should produce infeasible instances: " + incomplete);
  }

  @Test
  void matchesBruteForceWithTwoCapsAndTwoQuotas() {
    Random rng = new Random(17);
    for (int t = 0; t < 300; t++) {
      int n = 6 + rng.nextInt(9);
      int k = 1 + rng.nextInt(10);
      int brandCap = rng.nextInt(4);
      int colorCap = rng.nextInt(4);
      int brandQuota = rng.nextInt(4);
      int colorQuota = rng.nextInt(4);
      Problem p =
          RandomProblems.twoFields(
              3000 + t, n, k, rng.nextInt(3) * 0.15, brandCap, colorCap, brandQuota, colorQuota);
      assertMatchesBruteForce(
          p,
          "twoFields#" + t + " n=" + n + " k=" + k + " caps=" + brandCap + "," + colorCap
              + " quotas=" + brandQuota + "," + colorQuota);
    }
  }

  @Test
  void deterministic() {
    Problem p = RandomProblems.discrete(5, 14, 6, 0.1, 3, 2, 2);
    Selection a = new ExactSolver().solve(p, Budget.unlimited());
    Selection b = new ExactSolver().solve(p, Budget.unlimited());
    assertArrayEquals(a.indices(), b.indices());
    assertEquals(a.objective(), b.objective(), 0);
    assertEquals(a.nodes(), b.nodes());
  }

  @Test
  void kZeroKAboveNAndNoEligibleDocument() {
    Problem base = RandomProblems.random(1, 8, 0, 0, 0, 0, false);
    Selection none = new ExactSolver().solve(base, Budget.unlimited());
    assertEquals(0, none.size());
    assertTrue(none.provenOptimal());

    Problem all = RandomProblems.random(1, 8, 12, 0, 0, 0, false);
    Selection s = assertMatchesBruteForce(all, "k > n");
    assertEquals(8, s.size());
    assertFalse(s.report().complete(), "8 of k = 12");

    Problem empty = RandomProblems.random(1, 8, 3, 1.0, 2, 1, true);
    Selection e = new ExactSolver().solve(empty, Budget.unlimited());
    assertEquals(0, e.size());
    assertEquals(0, e.report().eligible());
    assertTrue(e.provenOptimal());

    Problem zeroWindow =
        new Problem(new double[0], new double[0], 0.5, new boolean[0], List.of(), List.of(), 5);
    assertEquals(0, new ExactSolver().solve(zeroWindow, Budget.unlimited()).size());
  }

  /** n documents of utility n-i, no redundancy, brands given, all eligible. */
  private static Problem handMade(int[] brand, int cap, List<Quota> quotas, int k) {
    int n = brand.length;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = n - i;
    }
    int groups = Arrays.stream(brand).max().orElse(-1) + 1;
    String[] names = new String[groups];
    for (int g = 0; g < groups; g++) {
      names[g] = "b" + g;
    }
    List<Cap> caps = cap >= 0 ? List.of(new Cap("brand", cap, brand, names)) : List.of();
    boolean[] eligible = new boolean[n];
    Arrays.fill(eligible, true);
    return new Problem(v, new double[n * n], 0.5, eligible, caps, quotas, k);
  }

  private static Quota quota(int[] brand, int value, int min) {
    boolean[] member = new boolean[brand.length];
    for (int i = 0; i < brand.length; i++) {
      member[i] = brand[i] == value;
    }
    return new Quota("brand", "b" + value, min, member);
  }

  @Test
  void infeasibleCapsGiveTheLargestFeasibleSize() {
    int[] oneBrand = {0, 0, 0, 0, 0, 0, 0};
    Selection s = assertMatchesBruteForce(handMade(oneBrand, 2, List.of(), 5), "one brand cap 2");
    assertArrayEquals(new int[] {0, 1}, s.indices());
    assertFalse(s.report().complete());
    assertEquals(2, s.report().caps().get(0).used());

    // Documents without a brand are not capped.
    int[] someMissing = {0, 0, -1, 0, -1, 0};
    Selection t = assertMatchesBruteForce(handMade(someMissing, 1, List.of(), 5), "missing brands");
    assertArrayEquals(new int[] {0, 2, 4}, t.indices());

    // A cap of 0 excludes the group entirely.
    Selection u =
        assertMatchesBruteForce(handMade(new int[] {0, 1, 0, 1}, 0, List.of(), 2), "cap 0");
    assertEquals(0, u.size());
  }

  @Test
  void unsatisfiableQuotasAreMetAsFarAsPossible() {
    int[] brand = {0, 0, 1, 0, 2, 0, 1, 0};
    // More wanted than exist: brand 2 has one document.
    Selection a =
        assertMatchesBruteForce(handMade(brand, -1, List.of(quota(brand, 2, 3)), 4), "too few");
    assertEquals(4, a.size());
    assertEquals(1, a.report().quotas().get(0).achieved());
    assertTrue(Arrays.stream(a.indices()).anyMatch(i -> i == 4));

    // Sum of quotas above k: 2 of brand 1 and 2 of brand 2 with k = 3.
    Selection b =
        assertMatchesBruteForce(
            handMade(brand, -1, List.of(quota(brand, 1, 2), quota(brand, 2, 2)), 3), "sum > k");
    assertArrayEquals(new int[] {2, 4, 6}, b.indices());
    assertEquals(3, b.report().quotas().stream().mapToInt(q -> q.achieved()).sum());

    // Caps fighting quotas: brand 0 capped at 1 but 3 wanted.
    Selection c =
        assertMatchesBruteForce(handMade(brand, 1, List.of(quota(brand, 0, 3)), 3), "cap vs quota");
    assertEquals(1, c.report().quotas().get(0).achieved());
    assertEquals(3, c.size());
    assertFalse(c.report().complete());

    // A quota that is met forces a low-utility member in.
    Selection d =
        assertMatchesBruteForce(handMade(brand, -1, List.of(quota(brand, 2, 1)), 2), "forced");
    assertArrayEquals(new int[] {0, 4}, d.indices());
    assertTrue(d.report().complete());
  }

  @Test
  void expiredBudgetReturnsAFeasibleUnprovenIncumbent() {
    Random rng = new Random(5);
    for (int t = 0; t < 40; t++) {
      int n = 8 + rng.nextInt(7);
      Problem p = RandomProblems.random(300 + t, n, 1 + rng.nextInt(6), 0.2, 3, 1, t % 2 == 0);
      Selection s = new ExactSolver().solve(p, Budget.ofNanos(0));
      assertFalse(s.provenOptimal());
      assertTrue(p.respectsHardConstraints(s.indices()));
      assertEquals(GreedySwapSolver.NAME, s.solver());
      Selection brute = new BruteForceSolver().solve(p, Budget.unlimited());
      if (s.size() == brute.size()
          && BruteForceSolver.coverage(p, s.indices())
              == BruteForceSolver.coverage(p, brute.indices())) {
        assertTrue(
            s.upperBound() >= brute.objective() - EPS,
            "bound " + s.upperBound() + " below the optimum " + brute.objective());
      }
      assertTrue(s.upperBound() >= s.objective());
    }
  }

  @Test
  void interruptedSearchKeepsAValidBound() {
    // Whatever the machine's speed, the answer is feasible and its bound covers the optimum.
    Problem p = RandomProblems.random(2, 1000, 10, 0.2, 10, 2, false);
    Selection optimum = new ExactSolver().solve(p, Budget.unlimited());
    assertTrue(optimum.provenOptimal());
    for (long micros : new long[] {200, 2000, 20000}) {
      Selection s = new ExactSolver().solve(p, Budget.ofNanos(micros * 1000));
      assertTrue(p.respectsHardConstraints(s.indices()));
      assertEquals(optimum.size(), s.size());
      assertTrue(s.objective() <= optimum.objective() + EPS);
      assertTrue(s.upperBound() >= optimum.objective() - EPS, s + " vs " + optimum);
      if (!s.provenOptimal()) {
        assertTrue(s.solver().equals(ExactSolver.NAME) || s.solver().equals(GreedySwapSolver.NAME));
      }
    }
  }

  @Test
  void provesWindowsOfOneHundredAndOneThousand() {
    long maxNodes = 0;
    for (int seed = 0; seed < 40; seed++) {
      for (boolean quotas : new boolean[] {false, true}) {
        Problem p = RandomProblems.random(seed, 100, 5, 0.2, 10, 2, quotas);
        Selection s = new ExactSolver().solve(p, Budget.unlimited());
        assertTrue(s.provenOptimal());
        assertTrue(p.respectsHardConstraints(s.indices()));
        assertEquals(5, s.size());
        maxNodes = Math.max(maxNodes, s.nodes());
      }
    }
    assertTrue(maxNodes < 20_000, "N=100, k=5 needed up to " + maxNodes + " nodes");
    for (int seed : new int[] {1, 3}) {
      Problem p = RandomProblems.random(seed, 1000, 10, 0.2, 10, 2, false);
      Selection s = new ExactSolver().solve(p, Budget.unlimited());
      assertTrue(s.provenOptimal());
      assertEquals(10, s.size());
      assertTrue(s.nodes() < 50_000, "N=1000, k=10 seed " + seed + ": " + s.nodes() + " nodes");
    }
  }
}
