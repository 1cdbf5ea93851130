package io.github.qrerank.provider.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends what the server received on {@code /jobs} to a file, one JSON object per line: {@code
 * method}, {@code path}, {@code headers} (names in lower case, each with its values) and {@code
 * body} (the parsed JSON, or the text when it is not JSON, or null when empty). The {@code
 * Authorization} header is recorded as {@code "<redacted>"}: the recording is for checking what a
 * client sends (for example that only the circuit's numbers leave Solr), never for keeping secrets.
 */
final class RequestRecorder implements Closeable {
  static final String REDACTED = "<redacted>";

  private final ObjectMapper mapper;
  private final BufferedWriter out;

  RequestRecorder(Path file, ObjectMapper mapper) throws IOException {
    this.mapper = mapper;
    this.out =
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);
  }

  void record(String method, String path, Map<String, List<String>> headers, byte[] body) {
    ObjectNode line = mapper.createObjectNode();
    line.put("method", method);
    line.put("path", path);
    ObjectNode h = line.putObject("headers");
    Map<String, List<String>> sorted = new TreeMap<>();
    headers.forEach((k, v) -> sorted.put(k.toLowerCase(Locale.ROOT), v));
    sorted.forEach(
        (name, values) -> {
          ArrayNode a = h.putArray(name);
          for (String v : values) {
            a.add(name.equals("authorization") ? REDACTED : v);
          }
        });
    line.set("body", body(body));
    try {
      String text = mapper.writeValueAsString(line);
      synchronized (out) {
        out.write(text);
        out.newLine();
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the request record", e);
    }
  }

  private JsonNode body(byte[] body) {
    if (body.length == 0) {
      return mapper.nullNode();
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      return mapper.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (out) {
      out.close();
    }
  }
}
