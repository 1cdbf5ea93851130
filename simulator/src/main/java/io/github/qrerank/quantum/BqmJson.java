package io.github.qrerank.quantum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A {@link Qubo} (or its {@link Qubo.Ising} form) as JSON in the layout of D-Wave dimod's {@code
 * BinaryQuadraticModel.to_serializable()} with {@code bqm_schema} 3.0.0 and {@code
 * use_bytes=false}, so that {@code dimod.BinaryQuadraticModel.from_serializable(json.load(f))}
 * loads it:
 *
 * <pre>
 * {"type": "BinaryQuadraticModel", "version": {"bqm_schema": "3.0.0"}, "use_bytes": false,
 *  "index_type": "int32", "bias_type": "float64", "num_variables": n, "num_interactions": m,
 *  "variable_labels": [...], "variable_type": "BINARY" | "SPIN", "offset": c, "info": {},
 *  "linear_biases": [n numbers], "quadratic_biases": [m numbers],
 *  "quadratic_head": [m indices], "quadratic_tail": [m indices]}
 * </pre>
 *
 * As dimod writes it: variables in sorted label order (labels are strings, so lexicographic),
 * interactions with head &lt; tail indices into that order, sorted by (head, tail); only non-zero
 * interactions are listed. Numbers are written with the shortest decimal that reads back to the
 * same double.
 */
public final class BqmJson {
  public static final String SCHEMA_VERSION = "3.0.0";
  public static final String BINARY = "BINARY";
  public static final String SPIN = "SPIN";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BqmJson() {}

  /** The QUBO as a BINARY model. */
  public static String write(Qubo qubo) {
    return write(BINARY, qubo.size(), qubo::label, qubo::linear, qubo::quadratic, qubo.offset());
  }

  /** The Ising form as a SPIN model (dimod's spins: s = 2y − 1). */
  public static String write(Qubo.Ising ising) {
    return write(SPIN, ising.size(), ising::label, ising::h, ising::j, ising.offset());
  }

  private interface Labels {
    String label(int i);
  }

  private interface Linear {
    double bias(int i);
  }

  private interface Pairwise {
    double bias(int i, int j);
  }

  private static String write(
      String vartype, int n, Labels labels, Linear linear, Pairwise pairwise, double offset) {
    int[] order =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparing(labels::label))
            .mapToInt(Integer::intValue)
            .toArray();
    ObjectNode doc = MAPPER.createObjectNode();
    doc.put("type", "BinaryQuadraticModel");
    doc.putObject("version").put("bqm_schema", SCHEMA_VERSION);
    doc.put("use_bytes", false);
    doc.put("index_type", "int32");
    doc.put("bias_type", "float64");
    doc.put("num_variables", n);
    ArrayNode heads = MAPPER.createArrayNode();
    ArrayNode tails = MAPPER.createArrayNode();
    ArrayNode quadratic = MAPPER.createArrayNode();
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        double bias = pairwise.bias(order[a], order[b]);
        if (bias != 0) {
          heads.add(a);
          tails.add(b);
          quadratic.add(bias);
        }
      }
    }
    doc.put("num_interactions", quadratic.size());
    ArrayNode labelArray = doc.putArray("variable_labels");
    ArrayNode linearArray = MAPPER.createArrayNode();
    for (int a = 0; a < n; a++) {
      labelArray.add(labels.label(order[a]));
      linearArray.add(linear.bias(order[a]));
    }
    doc.put("variable_type", vartype);
    doc.put("offset", offset);
    doc.putObject("info");
    doc.set("linear_biases", linearArray);
    doc.set("quadratic_biases", quadratic);
    doc.set("quadratic_head", heads);
    doc.set("quadratic_tail", tails);
    try {
      return MAPPER.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write BQM JSON", e);
    }
  }

  /**
   * Reads a BINARY model in this layout (as written by {@link #write(Qubo)} or by dimod with {@code
   * use_bytes=false} and string labels) back into a {@link Qubo} whose variables follow the file's
   * label order. Repeated (head, tail) pairs are summed, as dimod does.
   *
   * @throws IllegalArgumentException naming the first field that is missing or malformed
   */
  public static Qubo readBinary(String json) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    expectText(doc, "type", "BinaryQuadraticModel");
    JsonNode version = doc.get("version");
    if (version == null || !SCHEMA_VERSION.equals(version.path("bqm_schema").asText(null))) {
      throw new IllegalArgumentException("version.bqm_schema must be " + SCHEMA_VERSION);
    }
    if (doc.path("use_bytes").asBoolean(true)) {
      throw new IllegalArgumentException("use_bytes must be false");
    }
    expectText(doc, "variable_type", BINARY);
    JsonNode labels = array(doc, "variable_labels");
    JsonNode linear = array(doc, "linear_biases");
    JsonNode quadratic = array(doc, "quadratic_biases");
    JsonNode heads = array(doc, "quadratic_head");
    JsonNode tails = array(doc, "quadratic_tail");
    int n = labels.size();
    if (linear.size() != n || doc.path("num_variables").asInt(-1) != n) {
      throw new IllegalArgumentException(
          "num_variables, variable_labels and linear_biases disagree");
    }
    int m = quadratic.size();
    if (heads.size() != m || tails.size() != m || doc.path("num_interactions").asInt(-1) != m) {
      throw new IllegalArgumentException(
          "num_interactions, quadratic_biases, quadratic_head and quadratic_tail disagree");
    }
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      if (!labels.get(i).isTextual()) {
        throw new IllegalArgumentException("variable_labels[" + i + "] must be a string");
      }
      names[i] = labels.get(i).asText();
    }
    Qubo.Builder b = new Qubo.Builder(names);
    for (int i = 0; i < n; i++) {
      b.addLinear(i, number(linear.get(i), "linear_biases[" + i + "]"));
    }
    for (int t = 0; t < m; t++) {
      int head = index(heads.get(t), n, "quadratic_head[" + t + "]");
      int tail = index(tails.get(t), n, "quadratic_tail[" + t + "]");
      if (head == tail) {
        throw new IllegalArgumentException(
            "interaction " + t + " joins variable " + head + " to itself");
      }
      b.addQuadratic(head, tail, number(quadratic.get(t), "quadratic_biases[" + t + "]"));
    }
    b.addOffset(number(doc.get("offset"), "offset"));
    return b.build();
  }

  private static void expectText(JsonNode doc, String field, String expected) {
    if (!expected.equals(doc.path(field).asText(null))) {
      throw new IllegalArgumentException(field + " must be \"" + expected + "\"");
    }
  }

  private static JsonNode array(JsonNode doc, String field) {
    JsonNode a = doc.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException(field + " must be an array");
    }
    return a;
  }

  private static double number(JsonNode node, String what) {
    if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
      throw new IllegalArgumentException(what + " must be a finite number");
    }
    return node.asDouble();
  }

  private static int index(JsonNode node, int n, String what) {
    if (node == null
        || !node.canConvertToInt()
        || !node.isIntegralNumber()
        || node.asInt() < 0
        || node.asInt() >= n) {
      throw new IllegalArgumentException(what + " must be an index in [0, " + n + ")");
    }
    return node.asInt();
  }
}
