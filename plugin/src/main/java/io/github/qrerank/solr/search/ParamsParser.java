package io.github.qrerank.solr.search;

import static io.github.qrerank.solr.search.QRerankParams.*;

import io.github.qrerank.features.ModelSpec.CapSpec;
import io.github.qrerank.features.ModelSpec.QuotaSpec;
import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.solver.QaoaSolver;
import io.github.qrerank.solver.SolverKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.solr.common.params.SolrParams;

/**
 * Reads {@link QRerankParams} from a request's local params over the queryParser's defaults, and
 * checks everything that does not depend on the schema: syntax, ranges, finiteness, duplicates,
 * {@code k <= reRankDocs}, a user vector only with a vector field, and when a QAOA circuit is built
 * ({@code solver=qaoa}, {@code solver=remote} or {@code compare=qaoa}) {@code qubits >= k} and a
 * subspace of at most {@link QaoaSolver#MAX_DIMENSION} states; {@code qasm=true} only then; {@code
 * compare} only without {@code solver=remote}. Whether a provider is configured for {@code
 * solver=remote} is the query parser's check. Every failure is a
 * {@link org.apache.solr.common.SolrException} with code 400 whose message names the parameter.
 *
 * <p>An empty value of an optional parameter ({@code utility}, {@code vectorField}, {@code
 * userVector}, {@code stockField}, {@code caps}, {@code quotas}, {@code compare}) means "none", so
 * that a request can switch off a default.
 */
final class ParamsParser {
  /** Local params every Solr query parser may see besides its own. */
  private static final Set<String> GENERIC_LOCAL_PARAMS = Set.of("type", "v", "tag", "cache", "cost");

  /** Solvers that cannot run beside the answer ({@code compare}) in this version. */
  private static final Set<String> NOT_COMPARABLE_YET = Set.of("remote");

  private final SolrParams local;
  private final SolrParams defaults;

  private ParamsParser(SolrParams local, SolrParams defaults) {
    this.local = local;
    this.defaults = defaults;
  }

  /**
   * @param local the request's local params (may be null)
   * @param defaults the queryParser's init args (may be null)
   */
  static QRerankParams parse(SolrParams local, SolrParams defaults) {
    rejectUnknown(local);
    rejectUnknown(defaults);
    return new ParamsParser(local, defaults).parse();
  }

  private static void rejectUnknown(SolrParams params) {
    if (params == null) {
      return;
    }
    for (Iterator<String> it = params.getParameterNamesIterator(); it.hasNext(); ) {
      String name = it.next();
      if (!NAMES.contains(name) && !GENERIC_LOCAL_PARAMS.contains(name)) {
        throw ParamText.bad(name, "is not a qrerank parameter; known parameters: " + NAMES);
      }
    }
  }

  private String raw(String name) {
    String v = local == null ? null : local.get(name);
    if (v == null && defaults != null) {
      v = defaults.get(name);
    }
    return v;
  }

  /** The value, or null when absent or empty (optional parameters). */
  private String optional(String name) {
    String v = raw(name);
    return v == null || v.trim().isEmpty() ? null : v;
  }

  private QRerankParams parse() {
    QRerankParams.Builder b = new QRerankParams.Builder();
    String v;
    if ((v = raw(RERANK_DOCS)) != null) {
      b.reRankDocs = ParamText.intIn(RERANK_DOCS, v, 1, RERANK_DOCS_MAX);
    }
    if ((v = raw(K)) != null) {
      b.k = ParamText.intIn(K, v, 1, K_MAX);
    }
    if (b.k > b.reRankDocs) {
      throw ParamText.bad(
          K, "(" + b.k + ") must not exceed '" + RERANK_DOCS + "' (" + b.reRankDocs + ")");
    }
    if ((v = raw(SCORE_WEIGHT)) != null) {
      b.scoreWeight = ParamText.finite(SCORE_WEIGHT, v);
    }
    if ((v = raw(AFFINITY_WEIGHT)) != null) {
      b.affinityWeight = ParamText.finite(AFFINITY_WEIGHT, v);
    }
    if ((v = optional(UTILITY)) != null) {
      b.utility = utility(v);
    }
    if ((v = optional(VECTOR_FIELD)) != null) {
      b.vectorField = v.trim();
    }
    if ((v = optional(USER_VECTOR)) != null) {
      b.userVector = ParamText.vector(USER_VECTOR, v);
      if (b.vectorField == null) {
        throw ParamText.bad(USER_VECTOR, "needs '" + VECTOR_FIELD + "' to be set");
      }
    }
    if ((v = raw(DIMS)) != null) {
      b.dims = ParamText.intIn(DIMS, v, 1, DIMS_MAX);
    }
    if ((v = raw(LAMBDA)) != null) {
      b.lambda = ParamText.finiteNonNegative(LAMBDA, v);
    }
    if ((v = optional(STOCK_FIELD)) != null) {
      b.stockField = v.trim();
    }
    if ((v = raw(MIN_STOCK)) != null) {
      b.minStock = ParamText.finite(MIN_STOCK, v);
    }
    if ((v = optional(CAPS)) != null) {
      b.caps = caps(v);
    }
    if ((v = optional(QUOTAS)) != null) {
      b.quotas = quotas(v);
    }
    if ((v = raw(SOLVER)) != null) {
      b.solver = solver(v);
    }
    if ((v = raw(TIMEOUT_MS)) != null) {
      b.timeoutMs = ParamText.intIn(TIMEOUT_MS, v, 1, TIMEOUT_MS_MAX);
    }
    if ((v = raw(SEED)) != null) {
      b.seed = ParamText.longValue(SEED, v);
    }
    if ((v = raw(SHOTS)) != null) {
      b.shots = ParamText.intIn(SHOTS, v, 1, SHOTS_MAX);
    }
    if ((v = raw(LAYERS)) != null) {
      b.layers = ParamText.intIn(LAYERS, v, 0, LAYERS_MAX);
    }
    if ((v = raw(QUBITS)) != null) {
      b.qubits = ParamText.intIn(QUBITS, v, QUBITS_MIN, QUBITS_MAX);
    }
    if ((v = optional(COMPARE)) != null) {
      b.compare = compare(v);
    }
    if ((v = raw(QASM)) != null) {
      b.qasm = ParamText.bool(QASM, v);
    }
    QRerankParams params = b.build();
    if (params.solver() == SolverKind.REMOTE && params.compare() != null) {
      throw ParamText.bad(
          COMPARE,
          "must be none with solver=remote: the remote answer is already QAOA's, sampled by the"
              + " provider");
    }
    if (params.runsQaoa()) {
      checkQuantumSettings(params);
    } else if (params.qasm()) {
      throw ParamText.bad(
          QASM,
          "is true but no QAOA circuit runs: set '" + SOLVER + "' or '" + COMPARE
              + "' to qaoa, or solver to remote (solver is '" + params.solver().paramValue()
              + "')");
    }
    return params;
  }

  /** {@code qubits} must hold k documents, and the subspace C(qubits, k) must be simulable. */
  private static void checkQuantumSettings(QRerankParams p) {
    String why =
        p.solver() == SolverKind.QAOA || p.solver() == SolverKind.REMOTE
            ? "solver=" + p.solver().paramValue()
            : "compare=qaoa";
    if (p.qubits() < p.k()) {
      throw ParamText.bad(
          QUBITS,
          "(" + p.qubits() + ") must be >= '" + K + "' (" + p.k() + ") with " + why
              + ": QAOA puts each document it may select on a qubit");
    }
    long states = WeightSubspace.binomial(p.qubits(), p.k());
    if (states > QaoaSolver.MAX_DIMENSION) {
      throw ParamText.bad(
          QUBITS,
          "(" + p.qubits() + ") with '" + K + "' (" + p.k() + ") needs C(" + p.qubits() + ","
              + p.k() + ") = " + states + " states, more than the simulator's limit of "
              + QaoaSolver.MAX_DIMENSION + " with " + why + "; lower qubits or k");
    }
  }

  /** {@code none} or a solver that can run beside the answer ({@code qaoa}). */
  private static SolverKind compare(String value) {
    String name = value.trim().toLowerCase(Locale.ROOT);
    if (name.equals(COMPARE_NONE)) {
      return null;
    }
    if (name.equals(SolverKind.QAOA.paramValue())) {
      return SolverKind.QAOA;
    }
    if (NOT_COMPARABLE_YET.contains(name)) {
      throw ParamText.bad(
          COMPARE, "'" + name + "' is not available in this version yet; available: none, qaoa");
    }
    throw ParamText.bad(COMPARE, "must be none or qaoa, got '" + value + "'");
  }

  private static Map<String, Double> utility(String value) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String entry : ParamText.split(UTILITY, value, ',')) {
      int colon = ParamText.indexOfUnescaped(entry, ':', true);
      if (colon <= 0 || colon == entry.length() - 1) {
        throw ParamText.bad(UTILITY, "entries must look like field:weight, got '" + entry + "'");
      }
      String field = ParamText.unescape(entry.substring(0, colon));
      String weight = entry.substring(colon + 1);
      double w;
      try {
        w = ParamText.finite(UTILITY, weight);
      } catch (RuntimeException e) {
        throw ParamText.bad(
            UTILITY, "weight of '" + field + "' must be a finite number, got '" + weight + "'");
      }
      if (out.put(field, w) != null) {
        throw ParamText.bad(UTILITY, "names field '" + field + "' twice");
      }
    }
    return out;
  }

  private static List<CapSpec> caps(String value) {
    List<CapSpec> out = new ArrayList<>();
    for (String entry : ParamText.split(CAPS, value, ',')) {
      int colon = ParamText.indexOfUnescaped(entry, ':', true);
      if (colon <= 0 || colon == entry.length() - 1) {
        throw ParamText.bad(CAPS, "entries must look like field:max, got '" + entry + "'");
      }
      String field = ParamText.unescape(entry.substring(0, colon));
      int max = nonNegativeInt(CAPS, entry, entry.substring(colon + 1), "max");
      if (out.stream().anyMatch(c -> c.field().equals(field))) {
        throw ParamText.bad(CAPS, "names field '" + field + "' twice");
      }
      out.add(new CapSpec(field, max));
    }
    return out;
  }

  private static List<QuotaSpec> quotas(String value) {
    List<QuotaSpec> out = new ArrayList<>();
    for (String entry : ParamText.split(QUOTAS, value, ',')) {
      int colon = ParamText.indexOfUnescaped(entry, ':', true);
      int eq = colon < 0 ? -1 : ParamText.indexOfUnescaped(entry.substring(0, colon), '=', false);
      if (eq <= 0 || colon == entry.length() - 1) {
        throw ParamText.bad(
            QUOTAS, "entries must look like field=value:min, got '" + entry + "'");
      }
      String field = ParamText.unescape(entry.substring(0, eq));
      String groupValue = ParamText.unescape(entry.substring(eq + 1, colon));
      if (groupValue.isEmpty()) {
        throw ParamText.bad(QUOTAS, "entry '" + entry + "' has an empty value");
      }
      int min = nonNegativeInt(QUOTAS, entry, entry.substring(colon + 1), "min");
      out.add(new QuotaSpec(field, groupValue, min));
    }
    return out;
  }

  private static int nonNegativeInt(String param, String entry, String text, String what) {
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ParamText.bad(
        param, "entry '" + entry + "': " + what + " must be an integer >= 0, got '" + text + "'");
  }

  private static SolverKind solver(String value) {
    String name = value.trim().toLowerCase(Locale.ROOT);
    SolverKind kind = name.isEmpty() ? null : SolverKind.parse(name);
    if (kind != null) {
      return kind;
    }
    String available =
        Arrays.stream(SolverKind.values())
            .map(SolverKind::paramValue)
            .collect(Collectors.joining(", "));
    throw ParamText.bad(SOLVER, "must be one of " + available + ", got '" + value + "'");
  }
}
