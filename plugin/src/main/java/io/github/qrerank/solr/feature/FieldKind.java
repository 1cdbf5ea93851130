package io.github.qrerank.solr.feature;

import java.util.Locale;
import org.apache.solr.schema.BoolField;
import org.apache.solr.schema.DenseVectorField;
import org.apache.solr.schema.FieldType;
import org.apache.solr.schema.NumberType;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.schema.StrField;
import org.apache.lucene.util.BytesRef;

/**
 * How qrerank reads a single-valued docValues field and writes its values as numbers or as
 * canonical group strings. The canonical string of a value is the same whether it comes from the
 * index or from a request parameter (a quota value), so that quotas match the documents they name.
 *
 * <ul>
 *   <li>{@link #STRING}: {@code StrField}, SORTED docValues; the term itself. Not numeric.
 *   <li>{@link #BOOLEAN}: {@code BoolField}, SORTED docValues holding "T" or "F"; canonical {@code
 *       true} / {@code false}; numeric value 1 or 0.
 *   <li>{@link #INT}, {@link #LONG}: point fields, NUMERIC docValues holding the value.
 *   <li>{@link #FLOAT}, {@link #DOUBLE}: point fields, NUMERIC docValues holding the IEEE bits of
 *       the value ({@link Float#floatToIntBits} / {@link Double#doubleToLongBits}), which is how
 *       Solr writes single-valued float and double docValues (multi-valued ones use the sortable
 *       encoding instead, but multi-valued fields are refused).
 * </ul>
 */
public enum FieldKind {
  STRING,
  BOOLEAN,
  INT,
  LONG,
  FLOAT,
  DOUBLE;

  /**
   * The kind of a schema field, or null when qrerank cannot read it (no docValues, multi-valued,
   * dates, vectors, text or Trie fields).
   */
  public static FieldKind of(SchemaField field) {
    if (field == null || !field.hasDocValues() || field.multiValued()) {
      return null;
    }
    FieldType type = field.getType();
    if (type instanceof DenseVectorField) {
      return null;
    }
    if (type instanceof BoolField) {
      return BOOLEAN;
    }
    if (type instanceof StrField) {
      return STRING;
    }
    if (!type.isPointField()) {
      return null;
    }
    NumberType nt = type.getNumberType();
    if (nt == null) {
      return null;
    }
    switch (nt) {
      case INTEGER:
        return INT;
      case LONG:
        return LONG;
      case FLOAT:
        return FLOAT;
      case DOUBLE:
        return DOUBLE;
      default:
        return null;
    }
  }

  /** True for kinds whose values are numbers (booleans count as 0/1 only where asked). */
  public boolean isNumeric() {
    return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
  }

  /** True for kinds backed by SORTED docValues (terms) rather than NUMERIC docValues. */
  boolean isSorted() {
    return this == STRING || this == BOOLEAN;
  }

  /** The number stored in NUMERIC docValues {@code bits}. */
  double decodeNumber(long bits) {
    switch (this) {
      case INT:
        return (int) bits;
      case LONG:
        return bits;
      case FLOAT:
        return Float.intBitsToFloat((int) bits);
      case DOUBLE:
        return Double.longBitsToDouble(bits);
      default:
        throw new IllegalStateException(this + " is not stored as NUMERIC docValues");
    }
  }

  /** The canonical string of NUMERIC docValues {@code bits}. */
  String canonicalNumber(long bits) {
    switch (this) {
      case INT:
        return Integer.toString((int) bits);
      case LONG:
        return Long.toString(bits);
      case FLOAT:
        return Float.toString(Float.intBitsToFloat((int) bits));
      case DOUBLE:
        return Double.toString(Double.longBitsToDouble(bits));
      default:
        throw new IllegalStateException(this + " is not stored as NUMERIC docValues");
    }
  }

  /** The canonical string of a SORTED docValues term. */
  String canonicalTerm(BytesRef term) {
    String s = term.utf8ToString();
    if (this == BOOLEAN) {
      return Boolean.toString(s.startsWith("T"));
    }
    return s;
  }

  /** The number of a SORTED docValues term (booleans only: 1 for true, 0 for false). */
  double termNumber(BytesRef term) {
    if (this != BOOLEAN) {
      throw new IllegalStateException(this + " has no numeric value");
    }
    return term.length > 0 && term.bytes[term.offset] == 'T' ? 1 : 0;
  }

  /**
   * The canonical string of a value written in a request, or throws {@link
   * IllegalArgumentException} with a short reason when the value is not valid for this kind.
   */
  public String canonicalize(String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      throw new IllegalArgumentException("the value is empty");
    }
    try {
      switch (this) {
        case STRING:
          return v;
        case BOOLEAN:
          String lower = v.toLowerCase(Locale.ROOT);
          if (lower.equals("true") || lower.equals("false")) {
            return lower;
          }
          throw new IllegalArgumentException("'" + value + "' is not true or false");
        case INT:
          return Integer.toString(Integer.parseInt(v));
        case LONG:
          return Long.toString(Long.parseLong(v));
        case FLOAT:
          float f = Float.parseFloat(v);
          if (!Float.isFinite(f)) {
            throw new IllegalArgumentException("'" + value + "' is not a finite float");
          }
          return Float.toString(f);
        case DOUBLE:
          double d = Double.parseDouble(v);
          if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("'" + value + "' is not a finite double");
          }
          return Double.toString(d);
        default:
          throw new IllegalStateException(name());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a valid " + name().toLowerCase(Locale.ROOT), e);
    }
  }
}
