package io.github.qrerank.bench;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small seeded problems with every constraint kind, and a brute-force optimum, to check the CP-SAT
 * model independently of the simulator's solvers.
 */
final class SmallProblems {
  private SmallProblems() {}

  static Problem random(long seed, int n, int k) {
    Random rnd = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextDouble() * 2;
    }
    double[] sim = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble();
        sim[i * n + j] = s;
        sim[j * n + i] = s;
      }
    }
    boolean[] eligible = new boolean[n];
    int[] brand = new int[n];
    boolean[] isNew = new boolean[n];
    for (int i = 0; i < n; i++) {
      eligible[i] = rnd.nextDouble() >= 0.15;
      brand[i] = rnd.nextDouble() < 0.1 ? -1 : rnd.nextInt(3);
      isNew[i] = rnd.nextDouble() < 0.3;
    }
    List<Cap> caps = List.of(new Cap("brand", 2, brand, new String[] {"a", "b", "c"}));
    List<Quota> quotas = new ArrayList<>();
    if (seed % 2 == 0) {
      quotas.add(new Quota("is_new", "true", 1, isNew));
    }
    return new Problem(v, sim, 0.2 + rnd.nextDouble(), eligible, caps, quotas, k);
  }

  /** Best F over every k-subset that respects eligibility, caps and quotas; NaN when none does. */
  static double bruteForceOptimum(Problem p) {
    return search(p, new int[p.k()], 0, 0, Double.NaN);
  }

  private static double search(Problem p, int[] chosen, int depth, int from, double best) {
    if (depth == chosen.length) {
      if (!p.respectsHardConstraints(chosen) || !quotasMet(p, chosen)) {
        return best;
      }
      double f = p.objective(chosen);
      return Double.isNaN(best) || f > best ? f : best;
    }
    for (int i = from; i < p.size(); i++) {
      chosen[depth] = i;
      best = search(p, chosen, depth + 1, i + 1, best);
    }
    return best;
  }

  static boolean quotasMet(Problem p, int[] selection) {
    for (Quota q : p.quotas()) {
      int have = 0;
      for (int i : selection) {
        if (q.isMember(i)) {
          have++;
        }
      }
      if (have < q.min()) {
        return false;
      }
    }
    return true;
  }
}
