package io.github.qrerank.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.qrerank.provider.server.FaultPlan;
import io.github.qrerank.solver.Budget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bearer token stays secret (no log line, no exception message, no recorded request holds it,
 * even when a provider echoes it back), and what a provider receives is only the circuit and the
 * number of shots: the privacy guarantee that only the circuit's numbers leave Solr.
 */
class SecretsAndRecordingTest {
  private static final Duration POLL = Duration.ofMillis(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Collects every record logged under {@code io.github.qrerank.provider}, at every level. */
  private static final class Capture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.github.qrerank.provider");
    private final Level previous = logger.getLevel();
    final List<String> lines = new ArrayList<>();

    Capture() {
      setLevel(Level.ALL);
      logger.setLevel(Level.ALL);
      logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord r) {
      StringBuilder sb = new StringBuilder(String.valueOf(r.getMessage()));
      if (r.getParameters() != null) {
        for (Object p : r.getParameters()) {
          sb.append(' ').append(p);
        }
      }
      if (r.getThrown() != null) {
        sb.append(' ').append(stackTrace(r.getThrown()));
      }
      lines.add(sb.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
      logger.setLevel(previous);
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  private static SamplerRequest bell(String key) {
    return SamplerRequest.of(ServerFixture.bell(), 50, key);
  }

  @Test
  void theTokenIsInNoLogLineAndNoExceptionWhateverHappens() throws Exception {
    List<Throwable> thrown = new ArrayList<>();
    List<String> logged;
    try (Capture capture = new Capture();
        ServerFixture f = ServerFixture.start();
        ServerFixture wrongToken =
            ServerFixture.start("wrong-" + ServerFixture.TOKEN, Duration.ofSeconds(5))) {
      Budget d = Budget.ofMillis(10_000);
      JobRef job = f.client.submit(bell("ok"), d);
      SamplerCalls.awaitResults(f.client, job, d, POLL);
      collect(thrown, () -> f.client.cancel(job, d));
      collect(thrown, () -> wrongToken.client.submit(bell("auth"), d));
      FaultPlan[] plans = {
        new FaultPlan(1, 0, 0, 0, 0, 0),
        new FaultPlan(0, 1, 3000, 0, 0, 0),
        new FaultPlan(0, 0, 0, 1, 0, 0),
        new FaultPlan(0, 0, 0, 0, 1, 0),
        new FaultPlan(0, 0, 0, 0, 0, 1)
      };
      for (FaultPlan plan : plans) {
        f.server.faults(plan);
        collect(
            thrown,
            () ->
                SamplerCalls.run(
                    f.client, bell("p" + plan.hashCode()), Budget.ofMillis(300), POLL));
      }
      logged = new ArrayList<>(capture.lines);
    }
    assertEquals(7, thrown.size(), "every failure scenario threw: " + thrown);
    assertTrue(
        logged.stream().anyMatch(l -> l.contains("refused POST /jobs")),
        "the server logs refused requests: " + logged);
    assertTrue(
        logged.stream().anyMatch(l -> l.contains("provider submit: HTTP 200")),
        "client calls are logged at DEBUG: " + logged);
    for (String line : logged) {
      assertFalse(line.contains(ServerFixture.TOKEN), "token logged: " + line);
    }
    for (Throwable t : thrown) {
      assertFalse(stackTrace(t).contains(ServerFixture.TOKEN), "token in " + stackTrace(t));
    }
  }

  private static void collect(List<Throwable> thrown, CallThatFails call) {
    try {
      call.run();
    } catch (Throwable t) {
      thrown.add(t);
    }
  }

  @FunctionalInterface
  private interface CallThatFails {
    void run() throws Exception;
  }

  @Test
  void aProviderEchoingTheTokenDoesNotLeakItIntoMessages() throws Exception {
    HttpServer echo =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    echo.createContext(
        "/",
        ex -> {
          String auth = ex.getRequestHeaders().getFirst("Authorization");
          boolean error = ex.getRequestMethod().equals("POST");
          ObjectNode body = JSON.createObjectNode();
          body.putArray("errors").addObject().put("message", "refused " + auth);
          byte[] bytes =
              error
                  ? JSON.writeValueAsBytes(body)
                  : ("{\"id\": " + auth + "}")
                      .getBytes(StandardCharsets.UTF_8); // invalid JSON on purpose
          ex.sendResponseHeaders(error ? 500 : 200, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    echo.start();
    HttpProviderConfig config =
        HttpProviderConfig.builder()
            .baseUri(URI.create("http://127.0.0.1:" + echo.getAddress().getPort()))
            .token(BearerToken.of(ServerFixture.TOKEN))
            .build();
    try (RuntimeSamplerClient client = new RuntimeSamplerClient(config)) {
      Budget d = Budget.ofMillis(5000);
      ProviderErrorException e =
          assertThrows(ProviderErrorException.class, () -> client.submit(bell("echo"), d));
      assertTrue(e.getMessage().contains("refused Bearer ***"), e.getMessage());
      assertFalse(stackTrace(e).contains(ServerFixture.TOKEN));
      JobRef job = new JobRef("abc", new MeasuredRegister("c", 2), 50, "k");
      ProviderBadResponseException bad =
          assertThrows(ProviderBadResponseException.class, () -> client.status(job, d));
      assertFalse(stackTrace(bad).contains(ServerFixture.TOKEN), stackTrace(bad));
    } finally {
      echo.stop(0);
    }
  }

  /**
   * A statement of the emitted subset: declarations, gates on q[i] with numeric angles, measure.
   */
  private static final Pattern NUMBERS_ONLY =
      Pattern.compile(
          "OPENQASM 3\\.0;|include \"stdgates\\.inc\";|qubit\\[\\d+\\] q;|bit\\[\\d+\\] c;|c ="
              + " measure q;|(x|rx|ry|rz|cx|cry)(\\(-?[0-9.]+(E-?\\d+)?\\))? q\\[\\d+\\](,"
              + " q\\[\\d+\\])?;");

  @Test
  void theRecordHoldsOnlyTheCircuitAndTheShots() throws Exception {
    Path record = Files.createTempFile("qrerank-provider-record", ".jsonl");
    String qasm = ServerFixture.dicke(6, 2);
    String key = SamplerRequest.contentKey(qasm, 256);
    try (ServerFixture f = ServerFixture.start("--record", record.toString())) {
      Budget d = Budget.ofMillis(10_000);
      JobRef job = f.client.submit(SamplerRequest.of(qasm, 256), d);
      SamplerCalls.awaitResults(f.client, job, d, POLL);
      assertThrows(ProviderErrorException.class, () -> f.client.cancel(job, d));
    }
    String text = Files.readString(record);
    assertFalse(text.contains(ServerFixture.TOKEN), "the token was recorded");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertTrue(lines.size() >= 4, "submit, status, results, cancel: " + lines.size());

    JsonNode submit = lines.get(0);
    assertEquals("POST", submit.get("method").asText());
    assertEquals("/jobs", submit.get("path").asText());
    ObjectNode expected = JSON.createObjectNode();
    expected.put("program_id", "sampler");
    expected.put("backend", HttpProviderConfig.DEFAULT_BACKEND);
    expected.putObject("params").putArray("pubs").addArray().add(qasm).addNull().add(256);
    assertEquals(
        expected, submit.get("body"), "the body is the circuit and the shots, nothing else");
    for (String statement : qasm.split("\n")) {
      assertTrue(NUMBERS_ONLY.matcher(statement).matches(), "not only numbers: " + statement);
    }

    JsonNode headers = submit.get("headers");
    assertEquals("[\"<redacted>\"]", headers.get("authorization").toString());
    assertEquals(
        key,
        headers.get("idempotency-key").get(0).asText(),
        "the key is a hash of the circuit and shots");
    Set<String> names = new TreeSet<>();
    headers.fieldNames().forEachRemaining(names::add);
    assertTrue(
        Set.of(
                "accept",
                "authorization",
                "content-length",
                "content-type",
                "host",
                "idempotency-key",
                "user-agent",
                "connection")
            .containsAll(names),
        "only transport headers besides the key: " + names);

    for (JsonNode line : lines.subList(1, lines.size())) {
      assertTrue(line.get("body").isNull(), "only the submit has a body: " + line);
      assertNotNull(line.get("headers").get("authorization"));
      assertFalse(line.get("headers").has("idempotency-key"), line.toString());
    }
  }
}
