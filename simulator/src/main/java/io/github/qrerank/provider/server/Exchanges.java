package io.github.qrerank.provider.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** Reading requests and writing JSON answers on an {@link HttpExchange}. */
final class Exchanges {
  /** A request body over the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(int limit) {
      super("request body larger than " + limit + " bytes");
    }
  }

  /** A body no JSON parser accepts: an object whose first key never ends. */
  private static final byte[] UNTERMINATED = {'{', '"'};

  private final ObjectMapper mapper;

  Exchanges(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** The request body, at most {@code limit} bytes. */
  static byte[] body(HttpExchange exchange, int limit) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] data = in.readNBytes(limit + 1);
      if (data.length > limit) {
        throw new TooLarge(limit);
      }
      return data;
    }
  }

  /**
   * Sends {@code json} with {@code status}. When {@code malformed}, the body is cut to its first
   * half (a JSON text that no parser accepts) and the status is 200, as a broken provider might.
   */
  void json(HttpExchange exchange, int status, JsonNode json, boolean malformed)
      throws IOException {
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write the answer", e);
    }
    if (malformed) {
      bytes = Arrays.copyOf(bytes, bytes.length / 2);
      status = 200;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, status, bytes);
  }

  /**
   * An answer without a body (e.g. 204), or, when {@code malformed}, a 200 with a non-JSON body.
   */
  void empty(HttpExchange exchange, int status, boolean malformed) throws IOException {
    if (malformed) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      send(exchange, 200, UNTERMINATED);
      return;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /**
   * An error in IBM's layout: {@code {"errors":[{"code":..., "message":...}], "status_code":...}}.
   */
  void error(HttpExchange exchange, int status, String code, String message, boolean malformed)
      throws IOException {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode e = root.putArray("errors").addObject();
    e.put("code", code);
    e.put("message", message);
    root.put("status_code", status);
    json(exchange, status, root, malformed);
  }

  private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
