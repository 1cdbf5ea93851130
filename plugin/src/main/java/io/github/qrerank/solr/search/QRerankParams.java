package io.github.qrerank.solr.search;

import io.github.qrerank.features.ModelSpec;
import io.github.qrerank.features.ModelSpec.CapSpec;
import io.github.qrerank.features.ModelSpec.QuotaSpec;
import io.github.qrerank.solver.QuantumSettings;
import io.github.qrerank.solver.SolverKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of {@code {!qrerank}}: their names, their built-in defaults and ranges, and the
 * validated values of one request (immutable; {@link #equals} and {@link #hashCode} cover every
 * parameter, so that the query result cache never mixes two different requests).
 *
 * <p>Values are read by {@link ParamsParser} (local params over the queryParser's init args over
 * the built-in defaults below) and bound to the schema by {@link SchemaBinding}, which puts quota
 * values in their canonical form.
 */
public final class QRerankParams {
  public static final String RERANK_DOCS = "reRankDocs";
  public static final int RERANK_DOCS_DEFAULT = 100;
  public static final int RERANK_DOCS_MAX = 1000;

  public static final String K = "k";
  public static final int K_DEFAULT = 5;
  public static final int K_MAX = 100;

  public static final String SCORE_WEIGHT = "scoreWeight";
  public static final double SCORE_WEIGHT_DEFAULT = 1.0;

  public static final String AFFINITY_WEIGHT = "affinityWeight";
  public static final double AFFINITY_WEIGHT_DEFAULT = 1.0;

  /** {@code field:weight,...}; default none. */
  public static final String UTILITY = "utility";

  /** A DenseVectorField; default none. */
  public static final String VECTOR_FIELD = "vectorField";

  /** {@code [f1,f2,...]}; default none. */
  public static final String USER_VECTOR = "userVector";

  public static final String DIMS = "dims";
  public static final int DIMS_DEFAULT = 8;
  public static final int DIMS_MAX = 1024;

  public static final String LAMBDA = "lambda";
  public static final double LAMBDA_DEFAULT = 0.5;

  /** A numeric docValues field; default none (every document eligible). */
  public static final String STOCK_FIELD = "stockField";

  public static final String MIN_STOCK = "minStock";
  public static final double MIN_STOCK_DEFAULT = 1.0;

  /** {@code field:max,...}; default none. */
  public static final String CAPS = "caps";

  /** {@code field=value:min,...}; default none. */
  public static final String QUOTAS = "quotas";

  public static final String SOLVER = "solver";
  public static final String SOLVER_DEFAULT = "auto";

  public static final String TIMEOUT_MS = "timeoutMs";
  public static final int TIMEOUT_MS_DEFAULT = 50;
  public static final int TIMEOUT_MS_MAX = 60_000;

  public static final String SEED = "seed";
  public static final long SEED_DEFAULT = 42L;

  public static final String SHOTS = "shots";
  public static final int SHOTS_DEFAULT = 1024;
  public static final int SHOTS_MAX = 1_000_000;

  public static final String LAYERS = "layers";
  public static final int LAYERS_DEFAULT = 2;
  public static final int LAYERS_MAX = 20;

  public static final String QUBITS = "qubits";
  public static final int QUBITS_DEFAULT = 20;
  public static final int QUBITS_MIN = 2;
  public static final int QUBITS_MAX = 26;

  /**
   * Additive parameter (not in the first contract): a solver to run beside the answer and report
   * in the debug section without changing the ranking: {@code none} (default) or {@code qaoa}.
   */
  public static final String COMPARE = "compare";
  public static final String COMPARE_NONE = "none";

  /**
   * Additive parameter: {@code true} puts the simulated QAOA circuit as OpenQASM 3 text in the
   * debug section (default {@code false}); the text is built only then.
   */
  public static final String QASM = "qasm";

  /** Every parameter name, in the order of the contract, then the additive ones. */
  public static final List<String> NAMES =
      List.of(
          RERANK_DOCS, K, SCORE_WEIGHT, AFFINITY_WEIGHT, UTILITY, VECTOR_FIELD, USER_VECTOR, DIMS,
          LAMBDA, STOCK_FIELD, MIN_STOCK, CAPS, QUOTAS, SOLVER, TIMEOUT_MS, SEED, SHOTS, LAYERS,
          QUBITS, COMPARE, QASM);

  private final int reRankDocs;
  private final int k;
  private final double scoreWeight;
  private final double affinityWeight;
  private final Map<String, Double> utility;
  private final String vectorField;
  private final float[] userVector;
  private final int dims;
  private final double lambda;
  private final String stockField;
  private final double minStock;
  private final List<CapSpec> caps;
  private final List<QuotaSpec> quotas;
  private final SolverKind solver;
  private final int timeoutMs;
  private final long seed;
  private final int shots;
  private final int layers;
  private final int qubits;
  private final SolverKind compare;
  private final boolean qasm;

  private QRerankParams(Builder b) {
    this.reRankDocs = b.reRankDocs;
    this.k = b.k;
    this.scoreWeight = b.scoreWeight;
    this.affinityWeight = b.affinityWeight;
    this.utility = Collections.unmodifiableMap(new LinkedHashMap<>(b.utility));
    this.vectorField = b.vectorField;
    this.userVector = b.userVector == null ? null : b.userVector.clone();
    this.dims = b.dims;
    this.lambda = b.lambda;
    this.stockField = b.stockField;
    this.minStock = b.minStock;
    this.caps = List.copyOf(b.caps);
    this.quotas = List.copyOf(b.quotas);
    this.solver = Objects.requireNonNull(b.solver);
    this.timeoutMs = b.timeoutMs;
    this.seed = b.seed;
    this.shots = b.shots;
    this.layers = b.layers;
    this.qubits = b.qubits;
    this.compare = b.compare;
    this.qasm = b.qasm;
  }

  public int reRankDocs() {
    return reRankDocs;
  }

  public int k() {
    return k;
  }

  public double scoreWeight() {
    return scoreWeight;
  }

  public double affinityWeight() {
    return affinityWeight;
  }

  /** Utility weights by field, in the order given. */
  public Map<String, Double> utility() {
    return utility;
  }

  /** The vector field, or null. */
  public String vectorField() {
    return vectorField;
  }

  /** A copy of the user vector, or null. */
  public float[] userVector() {
    return userVector == null ? null : userVector.clone();
  }

  public int dims() {
    return dims;
  }

  public double lambda() {
    return lambda;
  }

  /** The stock field, or null. */
  public String stockField() {
    return stockField;
  }

  public double minStock() {
    return minStock;
  }

  public List<CapSpec> caps() {
    return caps;
  }

  public List<QuotaSpec> quotas() {
    return quotas;
  }

  public SolverKind solver() {
    return solver;
  }

  public int timeoutMs() {
    return timeoutMs;
  }

  public long seed() {
    return seed;
  }

  public int shots() {
    return shots;
  }

  public int layers() {
    return layers;
  }

  public int qubits() {
    return qubits;
  }

  /** The solver reported beside the answer ({@link SolverKind#QAOA}), or null for none. */
  public SolverKind compare() {
    return compare;
  }

  /** Whether the debug section carries the QAOA circuit as OpenQASM 3. */
  public boolean qasm() {
    return qasm;
  }

  /**
   * True when a QAOA circuit is built for this request: simulated as the solver or beside it, or
   * sampled by the remote provider.
   */
  public boolean runsQaoa() {
    return solver == SolverKind.QAOA || solver == SolverKind.REMOTE || compare == SolverKind.QAOA;
  }

  /** The quantum solver's settings: {@code seed}, {@code shots}, {@code layers}, {@code qubits}. */
  public QuantumSettings quantumSettings() {
    return new QuantumSettings(seed, shots, layers, qubits);
  }

  /** The model the simulator's problem builder needs. */
  public ModelSpec toModelSpec() {
    return new ModelSpec(
        k, scoreWeight, affinityWeight, utility, userVector, dims, lambda, stockField, minStock,
        caps, quotas);
  }

  /** A copy with other quotas (the same ones in canonical form). */
  QRerankParams withQuotas(List<QuotaSpec> canonical) {
    Builder b = toBuilder();
    b.quotas = canonical;
    return new QRerankParams(b);
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.reRankDocs = reRankDocs;
    b.k = k;
    b.scoreWeight = scoreWeight;
    b.affinityWeight = affinityWeight;
    b.utility = utility;
    b.vectorField = vectorField;
    b.userVector = userVector;
    b.dims = dims;
    b.lambda = lambda;
    b.stockField = stockField;
    b.minStock = minStock;
    b.caps = caps;
    b.quotas = quotas;
    b.solver = solver;
    b.timeoutMs = timeoutMs;
    b.seed = seed;
    b.shots = shots;
    b.layers = layers;
    b.qubits = qubits;
    b.compare = compare;
    b.qasm = qasm;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QRerankParams p
        && reRankDocs == p.reRankDocs
        && k == p.k
        && Double.compare(scoreWeight, p.scoreWeight) == 0
        && Double.compare(affinityWeight, p.affinityWeight) == 0
        && utility.equals(p.utility)
        && Objects.equals(vectorField, p.vectorField)
        && Arrays.equals(userVector, p.userVector)
        && dims == p.dims
        && Double.compare(lambda, p.lambda) == 0
        && Objects.equals(stockField, p.stockField)
        && Double.compare(minStock, p.minStock) == 0
        && caps.equals(p.caps)
        && quotas.equals(p.quotas)
        && solver == p.solver
        && timeoutMs == p.timeoutMs
        && seed == p.seed
        && shots == p.shots
        && layers == p.layers
        && qubits == p.qubits
        && compare == p.compare
        && qasm == p.qasm;
  }

  @Override
  public int hashCode() {
    int h =
        Objects.hash(
            reRankDocs, k, scoreWeight, affinityWeight, utility, vectorField, dims, lambda,
            stockField, minStock, caps, quotas, solver, timeoutMs, seed, shots, layers, qubits,
            compare, qasm);
    return 31 * h + Arrays.hashCode(userVector);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(RERANK_DOCS).append('=').append(reRankDocs);
    sb.append(' ').append(K).append('=').append(k);
    sb.append(' ').append(SCORE_WEIGHT).append('=').append(scoreWeight);
    sb.append(' ').append(AFFINITY_WEIGHT).append('=').append(affinityWeight);
    if (!utility.isEmpty()) {
      sb.append(' ').append(UTILITY).append('=');
      utility.forEach((f, w) -> sb.append(f).append(':').append(w).append(','));
      sb.setLength(sb.length() - 1);
    }
    if (vectorField != null) {
      sb.append(' ').append(VECTOR_FIELD).append('=').append(vectorField);
    }
    if (userVector != null) {
      sb.append(' ').append(USER_VECTOR).append('=').append(Arrays.toString(userVector));
    }
    sb.append(' ').append(DIMS).append('=').append(dims);
    sb.append(' ').append(LAMBDA).append('=').append(lambda);
    if (stockField != null) {
      sb.append(' ').append(STOCK_FIELD).append('=').append(stockField);
      sb.append(' ').append(MIN_STOCK).append('=').append(minStock);
    }
    if (!caps.isEmpty()) {
      sb.append(' ').append(CAPS).append('=');
      caps.forEach(c -> sb.append(c.field()).append(':').append(c.max()).append(','));
      sb.setLength(sb.length() - 1);
    }
    if (!quotas.isEmpty()) {
      sb.append(' ').append(QUOTAS).append('=');
      quotas.forEach(
          q -> sb.append(q.field()).append('=').append(q.value()).append(':').append(q.min())
              .append(','));
      sb.setLength(sb.length() - 1);
    }
    sb.append(' ').append(SOLVER).append('=').append(solver.paramValue());
    sb.append(' ').append(TIMEOUT_MS).append('=').append(timeoutMs);
    sb.append(' ').append(SEED).append('=').append(seed);
    sb.append(' ').append(SHOTS).append('=').append(shots);
    sb.append(' ').append(LAYERS).append('=').append(layers);
    sb.append(' ').append(QUBITS).append('=').append(qubits);
    if (compare != null) {
      sb.append(' ').append(COMPARE).append('=').append(compare.paramValue());
    }
    if (qasm) {
      sb.append(' ').append(QASM).append("=true");
    }
    return sb.toString();
  }

  /** Collects values for {@link ParamsParser}; not validated here. */
  static final class Builder {
    int reRankDocs = RERANK_DOCS_DEFAULT;
    int k = K_DEFAULT;
    double scoreWeight = SCORE_WEIGHT_DEFAULT;
    double affinityWeight = AFFINITY_WEIGHT_DEFAULT;
    Map<String, Double> utility = Map.of();
    String vectorField;
    float[] userVector;
    int dims = DIMS_DEFAULT;
    double lambda = LAMBDA_DEFAULT;
    String stockField;
    double minStock = MIN_STOCK_DEFAULT;
    List<CapSpec> caps = List.of();
    List<QuotaSpec> quotas = List.of();
    SolverKind solver = SolverKind.AUTO;
    int timeoutMs = TIMEOUT_MS_DEFAULT;
    long seed = SEED_DEFAULT;
    int shots = SHOTS_DEFAULT;
    int layers = LAYERS_DEFAULT;
    int qubits = QUBITS_DEFAULT;
    SolverKind compare;
    boolean qasm;

    QRerankParams build() {
      return new QRerankParams(this);
    }
  }
}
