package io.github.qrerank.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The already-validated model parameters of one request (see the contract): weights of the
 * utility, the user vector, compression, redundancy weight, eligibility, caps, quotas and k.
 * Validation with parameter names happens in the plugin; this class only rejects impossible values.
 */
public record ModelSpec(
    int k,
    double scoreWeight,
    double affinityWeight,
    Map<String, Double> utilityWeights,
    float[] userVector,
    int dims,
    double lambda,
    String stockField,
    double minStock,
    List<CapSpec> caps,
    List<QuotaSpec> quotas) {

  /** {@code field:max}. */
  public record CapSpec(String field, int max) {
    public CapSpec {
      Objects.requireNonNull(field, "field");
    }
  }

  /** {@code field=value:min}; {@code value} is in the same canonical form as the group values. */
  public record QuotaSpec(String field, String value, int min) {
    public QuotaSpec {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }
  }

  public ModelSpec {
    utilityWeights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(utilityWeights));
    userVector = userVector == null ? null : userVector.clone();
    caps = List.copyOf(caps);
    quotas = List.copyOf(quotas);
    if (k < 0 || dims < 1 || !(lambda >= 0)) {
      throw new IllegalArgumentException("k >= 0, dims >= 1 and lambda >= 0 are required");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelSpec m
        && k == m.k
        && Double.compare(scoreWeight, m.scoreWeight) == 0
        && Double.compare(affinityWeight, m.affinityWeight) == 0
        && utilityWeights.equals(m.utilityWeights)
        && java.util.Arrays.equals(userVector, m.userVector)
        && dims == m.dims
        && Double.compare(lambda, m.lambda) == 0
        && Objects.equals(stockField, m.stockField)
        && Double.compare(minStock, m.minStock) == 0
        && caps.equals(m.caps)
        && quotas.equals(m.quotas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
            k, scoreWeight, affinityWeight, utilityWeights, dims, lambda, stockField, minStock,
            caps, quotas)
        * 31
        + java.util.Arrays.hashCode(userVector);
  }

  @Override
  public float[] userVector() {
    return userVector == null ? null : userVector.clone();
  }
}
