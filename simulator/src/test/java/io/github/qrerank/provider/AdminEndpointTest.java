package io.github.qrerank.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.qrerank.provider.server.FaultPlan;
import io.github.qrerank.solver.Budget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server's test controls: fault plans changed over HTTP, counters, the same token. */
class AdminEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static HttpResponse<String> send(HttpRequest.Builder b, String token) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return http.send(
        b.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void faultsChangeOverHttpAndCountersFollow() throws Exception {
    try (ServerFixture f = ServerFixture.start()) {
      URI faults = f.server.baseUri().resolve("/admin/faults");
      HttpResponse<String> put =
          send(
              HttpRequest.newBuilder(faults)
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"error-share\":1}")),
              ServerFixture.TOKEN);
      assertEquals(200, put.statusCode(), put.body());
      assertEquals(new FaultPlan(1, 0, 2000, 0, 0, 0), f.server.faults());
      Budget d = Budget.ofMillis(10_000);
      SamplerRequest bell = SamplerRequest.of(ServerFixture.bell(), 30, "admin");
      ProviderErrorException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ProviderErrorException.class, () -> f.client.submit(bell, d));
      assertEquals(500, e.httpStatus());

      assertEquals(
          401,
          send(
                  HttpRequest.newBuilder(faults)
                      .PUT(HttpRequest.BodyPublishers.ofString("{\"error-share\":0}")),
                  "wrong")
              .statusCode());
      assertEquals(
          400,
          send(
                  HttpRequest.newBuilder(faults)
                      .PUT(HttpRequest.BodyPublishers.ofString("{\"error-share\":2}")),
                  ServerFixture.TOKEN)
              .statusCode());
      assertEquals(
          200,
          send(
                  HttpRequest.newBuilder(faults)
                      .PUT(HttpRequest.BodyPublishers.ofString("{\"error-share\":0}")),
                  ServerFixture.TOKEN)
              .statusCode());
      f.client.submit(bell, d);
      f.client.submit(bell, d);

      HttpResponse<String> stats =
          send(
              HttpRequest.newBuilder(f.server.baseUri().resolve("/admin/stats")).GET(),
              ServerFixture.TOKEN);
      JsonNode s = JSON.readTree(stats.body());
      assertEquals(3, s.get("requests").asInt(), stats.body());
      assertEquals(1, s.get("injected").get("error").asInt());
      assertEquals(1, s.get("jobs_created").asInt());
      assertEquals(1, s.get("jobs_replayed").asInt());
      assertEquals(30, s.get("shots_accepted").asInt());
    }
  }
}
