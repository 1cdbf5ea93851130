package io.github.qrerank.solr;

import static io.github.qrerank.solr.Responses.integer;
import static io.github.qrerank.solr.Responses.map;
import static io.github.qrerank.solr.Responses.num;
import static io.github.qrerank.solr.Responses.windowDocs;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The test's own reference for the selection problem, from the values in the debug section: v_i,
 * z_i, eligibility, the constrained field values, lambda. Enumerates every subset of a size, so
 * only for small windows. Shared with the SolrCloud tests through this module's test-jar.
 */
public final class BruteForce {
  public record CapRule(String field, int max) {}

  public record QuotaRule(String field, String value, int min) {}

  private final int n;
  private final double[] v;
  private final double[][] z;
  private final double lambda;
  private final boolean[] eligible;
  private final List<Map<String, Object>> values;
  private final List<CapRule> caps;
  private final List<QuotaRule> quotas;

  public BruteForce(
      List<Map<String, Object>> window, double lambda, List<CapRule> caps, List<QuotaRule> quotas) {
    this.n = window.size();
    this.v = utilities(window);
    this.z = vectors(window);
    this.lambda = lambda;
    this.eligible = new boolean[n];
    this.values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      eligible[i] = (Boolean) window.get(i).get("eligible");
      values.add(map(window.get(i).get("groups")));
    }
    this.caps = caps;
    this.quotas = quotas;
  }

  static double[] utilities(List<Map<String, Object>> window) {
    double[] v = new double[window.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = num(window.get(i).get("v"));
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static double[][] vectors(List<Map<String, Object>> window) {
    double[][] z = new double[window.size()][];
    for (int i = 0; i < z.length; i++) {
      List<Number> zi = (List<Number>) window.get(i).get("z");
      if (zi != null) {
        z[i] = zi.stream().mapToDouble(Number::doubleValue).toArray();
      }
    }
    return z;
  }

  static double sim(double[] a, double[] b) {
    if (a == null || b == null) {
      return 0;
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int d = 0; d < a.length; d++) {
      dot += a[d] * b[d];
      na += a[d] * a[d];
      nb += b[d] * b[d];
    }
    if (na == 0 || nb == 0) {
      return 0;
    }
    return Math.max(0, dot / (Math.sqrt(na) * Math.sqrt(nb)));
  }

  static double objective(List<Integer> s, double[] v, double[][] z, double lambda) {
    double f = 0;
    for (int a = 0; a < s.size(); a++) {
      f += v[s.get(a)];
      for (int b = a + 1; b < s.size(); b++) {
        f -= lambda * sim(z[s.get(a)], z[s.get(b)]);
      }
    }
    return f;
  }

  /** The best F over subsets of exactly {@code size} meeting every constraint, or NaN if none. */
  public double bestComplete(int size) {
    double[] best = {Double.NaN};
    search(new ArrayList<>(), 0, size, true, best);
    return best[0];
  }

  /** True when some subset of {@code size} meets eligibility and caps (quotas ignored). */
  public boolean hardFeasible(int size) {
    double[] best = {Double.NaN};
    search(new ArrayList<>(), 0, size, false, best);
    return !Double.isNaN(best[0]);
  }

  /**
   * Asserts that the debug {@code section} of an exact solver's answer, for a request with these
   * caps and quotas, is the optimum: when some k documents meet every constraint, the answer is
   * complete, proven optimal, and its F(S) is the brute-force best; when none do, it is reported
   * incomplete and selects the largest number of documents that eligibility and caps allow.
   *
   * @return whether the request was feasible (some k documents meet every constraint)
   */
  public static boolean assertOptimal(
      Map<String, Object> section, List<CapRule> caps, List<QuotaRule> quotas, String message) {
    List<Map<String, Object>> window = windowDocs(section);
    int k = integer(section.get("k"));
    BruteForce brute = new BruteForce(window, num(section.get("lambda")), caps, quotas);
    double best = brute.bestComplete(k);
    if (Double.isNaN(best)) {
      assertEquals(message, Boolean.FALSE, section.get("complete"));
      int largest = k;
      while (largest > 0 && !brute.hardFeasible(largest)) {
        largest--;
      }
      assertEquals(message + " largest feasible size", largest, integer(section.get("selectedCount")));
      return false;
    }
    assertEquals(message, Boolean.TRUE, section.get("complete"));
    assertEquals(message, Boolean.TRUE, section.get("provenOptimal"));
    assertEquals(message + " F is optimal", best, num(section.get("objective")), 1e-9);
    assertEquals(message, num(section.get("objective")), num(section.get("upperBound")), 1e-9);
    assertEquals("exact", section.get("solver"));
    assertNull(section.get("fallbackReason"));
    return true;
  }

  private void search(List<Integer> chosen, int from, int size, boolean quotasToo, double[] best) {
    if (chosen.size() == size) {
      if (quotasToo && !quotasMet(chosen)) {
        return;
      }
      double f = objective(chosen, v, z, lambda);
      if (Double.isNaN(best[0]) || f > best[0]) {
        best[0] = f;
      }
      return;
    }
    for (int i = from; i <= n - (size - chosen.size()); i++) {
      if (!eligible[i]) {
        continue;
      }
      chosen.add(i);
      if (capsRespected(chosen)) {
        search(chosen, i + 1, size, quotasToo, best);
      }
      chosen.remove(chosen.size() - 1);
      if (!quotasToo && !Double.isNaN(best[0])) {
        return;
      }
    }
  }

  boolean capsRespected(List<Integer> s) {
    for (CapRule c : caps) {
      for (int a : s) {
        Object group = values.get(a).get(c.field());
        if (group == null) {
          continue;
        }
        long count = s.stream().filter(b -> group.equals(values.get(b).get(c.field()))).count();
        if (count > c.max()) {
          return false;
        }
      }
    }
    return true;
  }

  boolean quotasMet(List<Integer> s) {
    for (QuotaRule q : quotas) {
      long count =
          s.stream().filter(b -> Objects.equals(q.value(), values.get(b).get(q.field()))).count();
      if (count < q.min()) {
        return false;
      }
    }
    return true;
  }
}
