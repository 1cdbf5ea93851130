package io.github.qrerank.solr.handler.component;

import io.github.qrerank.features.BuiltProblem;
import io.github.qrerank.features.WindowData;
import io.github.qrerank.model.ConstraintReport;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.solr.remote.RemoteTrace;
import io.github.qrerank.solr.search.QRerankOutcome;
import io.github.qrerank.solr.search.QRerankParams;
import io.github.qrerank.solver.SolveReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.common.util.SimpleOrderedMap;

/**
 * The {@code qrerank} debug section of one outcome. Enough to recompute F(S) and check the choice:
 * every window document's v_i and z_i, eligibility and constrained values (its {@code stock} when a
 * stock field is set, and under {@code groups} its canonical value of every cap and quota field,
 * null when missing), lambda, and which documents were selected; when QAOA ran, its figures
 * under {@code quantum} ({@link QuantumSection}); with {@code solver=remote}, what the remote
 * solver did under {@code remote} (where the samples came from, the job, retries, the circuit
 * breaker's state). Numbers that are missing or not finite are written as null.
 */
public final class DebugSection {
  private DebugSection() {}

  /** The section of {@code o}; for a distributed outcome each window document names its shard. */
  public static SimpleOrderedMap<Object> of(QRerankOutcome o) {
    QRerankParams p = o.params();
    SimpleOrderedMap<Object> out = new SimpleOrderedMap<>();
    SolveReport report = o.report();
    Selection selection = o.selection();
    out.add("recomputed", o.recomputed());
    out.add("solverRequested", p.solver().paramValue());
    out.add("solver", report == null ? null : report.answered());
    out.add("fallbackReason", report == null ? null : report.fallbackReason());
    out.add("objective", selection == null ? 0.0 : selection.objective());
    out.add("provenOptimal", selection != null && selection.provenOptimal());
    out.add("upperBound", selection == null ? null : finite(selection.upperBound()));
    out.add("windowSize", o.windowSize());
    out.add("maxFirstPassScore", o.windowSize() == 0 ? null : o.maxWindowScore());
    out.add("eligibleCount", selection == null ? 0 : selection.report().eligible());
    out.add("k", p.k());
    out.add("selectedCount", o.selected().length);
    boolean complete = selection != null && selection.report().complete();
    out.add("complete", complete);
    out.add("infeasible", !complete);
    out.add("constraints", constraints(selection));
    out.add("timingsMs", timings(o));
    out.add("lambda", p.lambda());
    out.add("dims", p.dims());
    out.add("componentsKept", o.built() == null ? 0 : o.built().componentsKept());
    out.add("scoreWeight", p.scoreWeight());
    out.add("affinityWeight", p.affinityWeight());
    SimpleOrderedMap<Object> weights = new SimpleOrderedMap<>();
    p.utility().forEach(weights::add);
    out.add("utilityWeights", weights);
    out.add("stockField", p.stockField());
    out.add("minStock", p.stockField() == null ? null : p.minStock());
    if (o.remote() != null) {
      out.add("remote", remote(o.remote()));
    }
    SimpleOrderedMap<Object> quantum = QuantumSection.of(o);
    if (quantum != null) {
      out.add("quantum", quantum);
    }
    out.add("docs", docs(o));
    return out;
  }

  private static SimpleOrderedMap<Object> remote(RemoteTrace t) {
    SimpleOrderedMap<Object> out = new SimpleOrderedMap<>();
    out.add("provider", t.provider());
    out.add("source", t.source());
    out.add("reason", t.reason());
    out.add("detail", t.detail());
    out.add("jobId", t.jobId());
    out.add("sharedJob", t.sharedJob());
    out.add("retries", t.retries());
    out.add("qubits", t.qubits());
    out.add("shots", t.shots());
    out.add("circuitKey", t.circuitKey());
    out.add("waitMs", t.waitNanos() / 1e6);
    out.add("breakerState", t.breakerState());
    return out;
  }

  private static SimpleOrderedMap<Object> constraints(Selection selection) {
    SimpleOrderedMap<Object> out = new SimpleOrderedMap<>();
    List<Object> caps = new ArrayList<>();
    List<Object> quotas = new ArrayList<>();
    if (selection != null) {
      ConstraintReport r = selection.report();
      for (ConstraintReport.CapUsage c : r.caps()) {
        SimpleOrderedMap<Object> cap = new SimpleOrderedMap<>();
        cap.add("field", c.field());
        cap.add("max", c.max());
        cap.add("used", c.used());
        SimpleOrderedMap<Object> groups = new SimpleOrderedMap<>();
        c.perGroup().forEach(groups::add);
        cap.add("perGroup", groups);
        caps.add(cap);
      }
      for (ConstraintReport.QuotaUsage q : r.quotas()) {
        SimpleOrderedMap<Object> quota = new SimpleOrderedMap<>();
        quota.add("field", q.field());
        quota.add("value", q.value());
        quota.add("min", q.min());
        quota.add("achieved", q.achieved());
        quota.add("met", q.met());
        quotas.add(quota);
      }
    }
    out.add("caps", caps);
    out.add("quotas", quotas);
    return out;
  }

  private static SimpleOrderedMap<Object> timings(QRerankOutcome o) {
    SimpleOrderedMap<Object> out = new SimpleOrderedMap<>();
    out.add("features", o.featureNanos() / 1e6);
    out.add("compression", o.compressionNanos() / 1e6);
    out.add("solve", o.solveNanos() / 1e6);
    out.add("rewrite", o.rewriteNanos() / 1e6);
    return out;
  }

  private static List<Object> docs(QRerankOutcome o) {
    List<Object> out = new ArrayList<>();
    BuiltProblem built = o.built();
    if (built == null) {
      return out;
    }
    QRerankParams p = o.params();
    Problem problem = built.problem();
    WindowData window = o.window();
    double[] scores = built.normalizedScores();
    double[] affinities = built.affinities();
    double[] stock = p.stockField() == null ? null : window.numeric(p.stockField());
    Map<String, String[]> groups = new LinkedHashMap<>();
    for (String field : groupFields(p)) {
      groups.put(field, window.groups(field));
    }
    Map<String, double[]> normalizedUtility = new LinkedHashMap<>();
    for (String field : p.utility().keySet()) {
      normalizedUtility.put(field, built.normalizedUtility(field));
    }
    for (int i = 0; i < o.windowSize(); i++) {
      SimpleOrderedMap<Object> d = new SimpleOrderedMap<>();
      d.add("id", window.id(i));
      if (o.isDistributed()) {
        d.add("shard", o.windowShard(i));
      }
      d.add("firstPassRank", i);
      d.add("firstPassScore", o.windowScore(i));
      d.add("normalizedScore", scores[i]);
      d.add("affinity", affinities[i]);
      SimpleOrderedMap<Object> utility = new SimpleOrderedMap<>();
      for (Map.Entry<String, double[]> e : normalizedUtility.entrySet()) {
        utility.add(e.getKey(), e.getValue()[i]);
      }
      d.add("utility", utility);
      d.add("v", problem.utility(i));
      d.add("z", vector(built.compressed(i)));
      d.add("eligible", problem.isEligible(i));
      if (stock != null) {
        d.add("stock", finite(stock[i]));
      }
      SimpleOrderedMap<Object> groupValues = new SimpleOrderedMap<>();
      for (Map.Entry<String, String[]> e : groups.entrySet()) {
        groupValues.add(e.getKey(), e.getValue()[i]);
      }
      d.add("groups", groupValues);
      int position = o.selectionPosition(i);
      d.add("selected", position >= 0);
      if (position >= 0) {
        d.add("position", position);
      }
      out.add(d);
    }
    return out;
  }

  /** The cap fields, then the quota fields, each once. */
  private static Set<String> groupFields(QRerankParams p) {
    Set<String> fields = new LinkedHashSet<>();
    p.caps().forEach(c -> fields.add(c.field()));
    p.quotas().forEach(q -> fields.add(q.field()));
    return fields;
  }

  private static List<Double> vector(double[] z) {
    if (z == null) {
      return null;
    }
    List<Double> out = new ArrayList<>(z.length);
    for (double x : z) {
      out.add(x);
    }
    return out;
  }

  private static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
