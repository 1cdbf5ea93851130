package io.github.qrerank.solr.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.VectorEncoding;
import org.apache.solr.schema.SchemaField;

/**
 * Which values {@link WindowExtractor} reads for one request: numeric fields (utility and stock),
 * group fields (caps and quotas), the vector field and the unique key. Built by the query parser
 * from already validated parameters; immutable.
 */
public final class ExtractionPlan {
  private final SchemaField keyField;
  private final Map<String, FieldKind> numericFields;
  private final Map<String, FieldKind> groupFields;
  private final String vectorField;
  private final VectorEncoding vectorEncoding;

  /**
   * @param keyField the schema's uniqueKey field, or null (then documents are named by docid)
   * @param numericFields fields read as numbers, in the order given (booleans read as 0/1)
   * @param groupFields fields read as canonical group strings
   * @param vectorField the dense vector field, or null
   * @param vectorEncoding its encoding (ignored when {@code vectorField} is null)
   */
  public ExtractionPlan(
      SchemaField keyField,
      Map<String, FieldKind> numericFields,
      Map<String, FieldKind> groupFields,
      String vectorField,
      VectorEncoding vectorEncoding) {
    this.keyField = keyField;
    this.numericFields = Collections.unmodifiableMap(new LinkedHashMap<>(numericFields));
    this.groupFields = Collections.unmodifiableMap(new LinkedHashMap<>(groupFields));
    for (FieldKind kind : this.numericFields.values()) {
      if (!kind.isNumeric() && kind != FieldKind.BOOLEAN) {
        throw new IllegalArgumentException("not a numeric kind: " + kind);
      }
    }
    this.vectorField = vectorField;
    this.vectorEncoding =
        vectorField == null ? null : Objects.requireNonNull(vectorEncoding, "vectorEncoding");
  }

  public SchemaField keyField() {
    return keyField;
  }

  public Map<String, FieldKind> numericFields() {
    return numericFields;
  }

  public Map<String, FieldKind> groupFields() {
    return groupFields;
  }

  /** The vector field, or null. */
  public String vectorField() {
    return vectorField;
  }

  public VectorEncoding vectorEncoding() {
    return vectorEncoding;
  }
}
