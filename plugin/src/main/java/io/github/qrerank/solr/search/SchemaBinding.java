package io.github.qrerank.solr.search;

import static io.github.qrerank.solr.search.QRerankParams.*;

import io.github.qrerank.features.ModelSpec.CapSpec;
import io.github.qrerank.features.ModelSpec.QuotaSpec;
import io.github.qrerank.solr.feature.ExtractionPlan;
import io.github.qrerank.solr.feature.FieldKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.VectorEncoding;
import org.apache.solr.common.SolrException;
import org.apache.solr.schema.DenseVectorField;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.schema.SchemaField;

/**
 * Checks parameters that name fields against the schema (400 naming the parameter when a field is
 * missing or unsuitable), puts quota values in the canonical form of their field's type, and
 * derives the {@link ExtractionPlan} of the request.
 */
final class SchemaBinding {
  private final QRerankParams params;
  private final ExtractionPlan plan;

  private SchemaBinding(QRerankParams params, ExtractionPlan plan) {
    this.params = params;
    this.plan = plan;
  }

  QRerankParams params() {
    return params;
  }

  ExtractionPlan plan() {
    return plan;
  }

  /**
   * @param defaulted the parameters whose value came from the queryParser's init args (their
   *     errors say so: the fix is in solrconfig.xml, not in the request)
   */
  static SchemaBinding bind(QRerankParams p, IndexSchema schema, Set<String> defaulted) {
    Map<String, FieldKind> numeric = new LinkedHashMap<>();
    for (String field : p.utility().keySet()) {
      FieldKind kind = kind(schema, defaulted, UTILITY, field);
      if (!kind.isNumeric() && kind != FieldKind.BOOLEAN) {
        throw bad(defaulted, 
            UTILITY, "field '" + field + "' must be numeric or boolean, but it is a string field");
      }
      numeric.put(field, kind);
    }
    if (p.stockField() != null) {
      FieldKind kind = kind(schema, defaulted, STOCK_FIELD, p.stockField());
      if (!kind.isNumeric()) {
        throw bad(defaulted, 
            STOCK_FIELD,
            "field '" + p.stockField() + "' must be numeric, but it is " + describe(kind));
      }
      numeric.putIfAbsent(p.stockField(), kind);
    }

    Map<String, FieldKind> groups = new LinkedHashMap<>();
    for (CapSpec cap : p.caps()) {
      groups.put(cap.field(), kind(schema, defaulted, CAPS, cap.field()));
    }
    List<QuotaSpec> canonical = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (QuotaSpec q : p.quotas()) {
      FieldKind kind = kind(schema, defaulted, QUOTAS, q.field());
      groups.putIfAbsent(q.field(), kind);
      String value;
      try {
        value = kind.canonicalize(q.value());
      } catch (IllegalArgumentException e) {
        throw bad(defaulted, 
            QUOTAS, "value of field '" + q.field() + "' is not valid: " + e.getMessage());
      }
      if (!seen.add(q.field() + '\u0000' + value)) {
        throw bad(defaulted, QUOTAS, "names " + q.field() + "=" + value + " twice");
      }
      canonical.add(new QuotaSpec(q.field(), value, q.min()));
    }

    VectorEncoding encoding = null;
    if (p.vectorField() != null) {
      SchemaField sf = field(schema, defaulted, VECTOR_FIELD, p.vectorField());
      if (!(sf.getType() instanceof DenseVectorField)) {
        throw bad(defaulted, 
            VECTOR_FIELD,
            "field '"
                + p.vectorField()
                + "' must be a DenseVectorField, but it is a "
                + sf.getType().getClass().getSimpleName());
      }
      DenseVectorField type = (DenseVectorField) sf.getType();
      encoding = type.getVectorEncoding();
      float[] user = p.userVector();
      if (user != null && user.length != type.getDimension()) {
        throw bad(defaulted, 
            USER_VECTOR,
            "has "
                + user.length
                + " values but '"
                + p.vectorField()
                + "' has dimension "
                + type.getDimension());
      }
    }
    ExtractionPlan plan =
        new ExtractionPlan(schema.getUniqueKeyField(), numeric, groups, p.vectorField(), encoding);
    return new SchemaBinding(p.withQuotas(canonical), plan);
  }

  private static SchemaField field(
      IndexSchema schema, Set<String> defaulted, String param, String name) {
    SchemaField sf = schema.getFieldOrNull(name);
    if (sf == null) {
      throw bad(defaulted, param, "field '" + name + "' is not in the schema");
    }
    return sf;
  }

  /** The kind of a docValues field qrerank can read, or a 400 saying why it cannot. */
  private static FieldKind kind(
      IndexSchema schema, Set<String> defaulted, String param, String name) {
    SchemaField sf = field(schema, defaulted, param, name);
    FieldKind kind = FieldKind.of(sf);
    if (kind != null) {
      return kind;
    }
    String why;
    if (!sf.hasDocValues()) {
      why = "has no docValues";
    } else if (sf.multiValued()) {
      why = "is multiValued";
    } else {
      why = "is a " + sf.getType().getClass().getSimpleName();
    }
    throw bad(
        defaulted,
        param,
        "field '"
            + name
            + "' "
            + why
            + "; it must be a single-valued string, boolean or numeric (int, long, float, double)"
            + " point field with docValues");
  }

  private static SolrException bad(Set<String> defaulted, String param, String message) {
    return ParamText.bad(
        param,
        defaulted.contains(param)
            ? message + " (the default from the init args of <queryParser name=\"qrerank\">)"
            : message);
  }

  private static String describe(FieldKind kind) {
    return kind == FieldKind.BOOLEAN ? "a boolean field" : "a string field";
  }
}
