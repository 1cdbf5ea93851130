package io.github.qrerank.provider.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.qrerank.provider.BearerToken;
import java.io.IOException;

/**
 * Test controls under {@code /admin}, behind the same bearer token and free of faults: {@code GET
 * /admin/faults} and {@code PUT /admin/faults} (a JSON object of {@link FaultPlan}'s fields; those
 * absent keep their value) read and change fault injection while the server runs; {@code GET
 * /admin/stats} answers {@link ServerStats}.
 */
final class AdminHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(ProviderServer.class.getName());

  private final BearerToken token;
  private final Exchanges exchanges;
  private final FaultInjector faults;
  private final ServerStats stats;
  private final int maxBodyBytes;

  AdminHandler(
      BearerToken token,
      Exchanges exchanges,
      FaultInjector faults,
      ServerStats stats,
      int maxBodyBytes) {
    this.token = token;
    this.exchanges = exchanges;
    this.faults = faults;
    this.stats = stats;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      serve(ex);
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.DEBUG, () -> "admin request failed: " + e.getClass().getSimpleName());
    } finally {
      ex.close();
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    byte[] body = Exchanges.body(ex, maxBodyBytes);
    if (!token.matchesAuthorization(ex.getRequestHeaders().getFirst("Authorization"))) {
      exchanges.error(ex, 401, "unauthorized", "missing or invalid bearer token", false);
      return;
    }
    switch (method + " " + path) {
      case "GET /admin/faults" ->
          exchanges.json(
              ex, 200, faults.plan().toJson(exchanges.mapper().createObjectNode()), false);
      case "PUT /admin/faults" -> {
        FaultPlan next;
        try {
          JsonNode json = exchanges.mapper().readTree(body);
          next = faults.plan().with(json == null ? exchanges.mapper().nullNode() : json);
        } catch (IOException | IllegalArgumentException e) {
          String why = e instanceof IllegalArgumentException ? e.getMessage() : "body is not JSON";
          exchanges.error(ex, 400, "bad_request", why, false);
          return;
        }
        faults.plan(next);
        LOG.log(System.Logger.Level.INFO, () -> "fault plan now " + next);
        exchanges.json(ex, 200, next.toJson(exchanges.mapper().createObjectNode()), false);
      }
      case "GET /admin/stats" ->
          exchanges.json(ex, 200, stats.toJson(exchanges.mapper().createObjectNode()), false);
      default ->
          exchanges.error(ex, 404, "not_found", "no such resource: " + method + " " + path, false);
    }
  }
}
