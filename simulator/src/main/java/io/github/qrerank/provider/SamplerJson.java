package io.github.qrerank.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON of the Qiskit Runtime sampler REST API, written and read with Jackson: the body of
 * {@code POST /jobs} and the answers of {@code POST /jobs}, {@code GET /jobs/{id}} and {@code GET
 * /jobs/{id}/results}. Anything that breaks the protocol is a {@link ProviderBadResponseException}
 * naming the field.
 */
final class SamplerJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Job ids go into URL paths: letters, digits, '-' and '_' only. */
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private static final int MESSAGE_CHARS = 200;

  private SamplerJson() {}

  /**
   * {@code {"program_id":"sampler","backend":<backend>,"params":{"pubs":[[<qasm>,null,<shots>]]}}}:
   * one primitive unified bloc (circuit, no parameter values, shots).
   */
  static byte[] jobBody(SamplerRequest request, String backend) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("program_id", "sampler");
    root.put("backend", backend);
    ArrayNode pub = MAPPER.createArrayNode();
    pub.add(request.qasm());
    pub.addNull();
    pub.add(request.shots());
    root.putObject("params").putArray("pubs").add(pub);
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a job body", e);
    }
  }

  /** The {@code id} of a created job. */
  static String jobId(byte[] body) {
    JsonNode id = object(body, "job creation").path("id");
    if (!id.isTextual() || !JOB_ID.matcher(id.asText()).matches()) {
      throw bad("job creation: 'id' must be a string of letters, digits, '-' or '_'");
    }
    return id.asText();
  }

  /** {@code state.status} (or, lacking {@code state}, the top-level {@code status}) and reason. */
  static JobState state(byte[] body, String jobId) {
    JsonNode root = object(body, "status of job " + jobId);
    JsonNode state = root.path("state");
    JsonNode status = state.isObject() ? state.path("status") : root.path("status");
    JobStatus s = status.isTextual() ? JobStatus.fromApi(status.asText()) : null;
    if (s == null) {
      throw bad(
          "status of job "
              + jobId
              + ": 'state.status' must be one of Queued, Running, "
              + "Completed, Failed, Cancelled; got "
              + shorten(status.toString()));
    }
    JsonNode reason = state.path("reason");
    return new JobState(s, reason.isTextual() ? shorten(reason.asText()) : null);
  }

  /**
   * {@code results[0].data.<register>.samples}: exactly {@code job.shots()} hex strings, each
   * fitting the register; {@code num_bits}, when present, must equal the register's width.
   */
  static Samples samples(byte[] body, JobRef job) {
    String what = "results of job " + job.id();
    JsonNode results = object(body, what).path("results");
    if (!results.isArray() || results.isEmpty()) {
      throw bad(what + ": 'results' must be a non-empty array");
    }
    JsonNode data = results.get(0).path("data");
    if (!data.isObject()) {
      throw bad(what + ": 'results[0].data' must be an object");
    }
    String name = job.register().name();
    JsonNode register = data.path(name);
    if (!register.isObject()) {
      List<String> names = new ArrayList<>();
      data.fieldNames().forEachRemaining(names::add);
      throw bad(what + ": no register '" + name + "' in results[0].data (has " + names + ")");
    }
    int numBits = job.register().numBits();
    JsonNode declared = register.path("num_bits");
    if (!declared.isMissingNode() && (!declared.isInt() || declared.asInt() != numBits)) {
      throw bad(what + ": num_bits " + shorten(declared.toString()) + ", expected " + numBits);
    }
    JsonNode samples = register.path("samples");
    if (!samples.isArray() || samples.size() != job.shots()) {
      throw bad(
          what
              + ": '"
              + name
              + ".samples' must be an array of "
              + job.shots()
              + " hex strings, got "
              + (samples.isArray() ? samples.size() + " entries" : shorten(samples.toString())));
    }
    long[] values = new long[samples.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode s = samples.get(i);
      long v = s.isTextual() ? Samples.parseHex(s.asText()) : -1;
      if (v < 0 || v >>> numBits != 0) {
        throw bad(
            what
                + ": sample "
                + i
                + " = "
                + shorten(s.toString())
                + " is not a hex value of "
                + numBits
                + " bits");
      }
      values[i] = v;
    }
    return new Samples(numBits, values);
  }

  /**
   * A short description of an error answer: {@code errors[0].message} (IBM's error layout) or
   * {@code message}, else the start of the body.
   */
  static String errorMessage(byte[] body) {
    if (body == null || body.length == 0) {
      return "(empty body)";
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      JsonNode m = root.path("errors").path(0).path("message");
      if (!m.isTextual()) {
        m = root.path("message");
      }
      if (m.isTextual()) {
        return shorten(m.asText());
      }
    } catch (IOException e) {
      // not JSON: fall through to the raw text
    }
    return shorten(new String(body, StandardCharsets.UTF_8));
  }

  private static JsonNode object(byte[] body, String what) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the offending text, which could be anything the provider sent:
      // report only where parsing stopped, and do not chain the exception.
      var at = e.getLocation();
      throw bad(
          what
              + ": body is not valid JSON ("
              + e.getClass().getSimpleName()
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ")");
    } catch (IOException e) {
      throw bad(what + ": body cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || !root.isObject()) {
      throw bad(what + ": body must be a JSON object");
    }
    return root;
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MESSAGE_CHARS
        ? oneLine
        : oneLine.substring(0, MESSAGE_CHARS) + "...";
  }

  private static ProviderBadResponseException bad(String message) {
    return new ProviderBadResponseException(message, null);
  }
}
