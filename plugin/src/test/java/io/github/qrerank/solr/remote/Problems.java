package io.github.qrerank.solr.remote;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.List;
import java.util.Random;

/** Seeded random selection problems with a brand cap and a quota, for the remote solver. */
final class Problems {
  private Problems() {}

  /**
   * n documents over 5 brands (at most 2 of one brand), about a tenth ineligible, a quota of at
   * least one document of brand 4, k to select.
   */
  static Problem random(long seed, int n, int k) {
    Random r = new Random(seed);
    double[] utility = new double[n];
    double[] sim = new double[n * n];
    boolean[] eligible = new boolean[n];
    int[] brand = new int[n];
    boolean[] quotaMember = new boolean[n];
    for (int i = 0; i < n; i++) {
      utility[i] = r.nextDouble() * 2;
      eligible[i] = r.nextDouble() >= 0.1;
      brand[i] = r.nextInt(5);
      quotaMember[i] = brand[i] == 4;
      for (int j = 0; j < i; j++) {
        double s = r.nextDouble() < 0.3 ? r.nextDouble() : 0;
        sim[i * n + j] = s;
        sim[j * n + i] = s;
      }
    }
    Cap cap = new Cap("brand", 2, brand, new String[] {"b0", "b1", "b2", "b3", "b4"});
    Quota quota = new Quota("brand", "b4", 1, quotaMember);
    return new Problem(utility, sim, 0.5, eligible, List.of(cap), List.of(quota), k);
  }
}
