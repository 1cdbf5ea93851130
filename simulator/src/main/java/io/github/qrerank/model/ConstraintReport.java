package io.github.qrerank.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a selection stands against the problem's constraints: size against k, each cap (the most
 * documents any one group got, and the count per group used) and each quota (achieved against
 * min). {@link #complete()} is true when the selection has k documents and every quota is met.
 */
public final class ConstraintReport {

  /** One cap's usage: the highest count any one group reached, and the counts of groups used. */
  public record CapUsage(String field, int max, int used, Map<String, Integer> perGroup) {}

  /** One quota's achievement. */
  public record QuotaUsage(String field, String value, int min, int achieved) {
    public boolean met() {
      return achieved >= min;
    }
  }

  private final int k;
  private final int selected;
  private final int eligible;
  private final List<CapUsage> caps;
  private final List<QuotaUsage> quotas;

  private ConstraintReport(
      int k, int selected, int eligible, List<CapUsage> caps, List<QuotaUsage> quotas) {
    this.k = k;
    this.selected = selected;
    this.eligible = eligible;
    this.caps = List.copyOf(caps);
    this.quotas = List.copyOf(quotas);
  }

  /** Computes the report of {@code selection} (document indices) against {@code problem}. */
  public static ConstraintReport of(Problem problem, int[] selection) {
    int eligible = 0;
    for (int i = 0; i < problem.size(); i++) {
      if (problem.isEligible(i)) {
        eligible++;
      }
    }
    List<CapUsage> caps = new ArrayList<>();
    for (Cap c : problem.caps()) {
      int[] count = new int[c.groupCount()];
      int used = 0;
      for (int i : selection) {
        int g = c.groupOf(i);
        if (g >= 0) {
          used = Math.max(used, ++count[g]);
        }
      }
      Map<String, Integer> perGroup = new LinkedHashMap<>();
      for (int g = 0; g < count.length; g++) {
        if (count[g] > 0) {
          perGroup.put(c.groupName(g), count[g]);
        }
      }
      caps.add(new CapUsage(c.field(), c.max(), used, perGroup));
    }
    List<QuotaUsage> quotas = new ArrayList<>();
    for (Quota q : problem.quotas()) {
      int achieved = 0;
      for (int i : selection) {
        if (q.isMember(i)) {
          achieved++;
        }
      }
      quotas.add(new QuotaUsage(q.field(), q.value(), q.min(), achieved));
    }
    return new ConstraintReport(problem.k(), selection.length, eligible, caps, quotas);
  }

  public int k() {
    return k;
  }

  public int selected() {
    return selected;
  }

  /** How many window documents pass the eligibility rule. */
  public int eligible() {
    return eligible;
  }

  public List<CapUsage> caps() {
    return caps;
  }

  public List<QuotaUsage> quotas() {
    return quotas;
  }

  /** k documents selected and every quota met. */
  public boolean complete() {
    return selected == k && quotas.stream().allMatch(QuotaUsage::met);
  }
}
