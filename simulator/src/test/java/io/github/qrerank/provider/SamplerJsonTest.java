package io.github.qrerank.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The protocol's JSON: the job body written, and every answer's rules enforced on reading. */
class SamplerJsonTest {
  private static final JobRef JOB = new JobRef("job1", new MeasuredRegister("c", 3), 2, "k");

  private static byte[] b(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String badMessage(Runnable r) {
    return assertThrows(ProviderBadResponseException.class, r::run).getMessage();
  }

  @Test
  void theJobBodyIsOneSamplerPubOfCircuitNullAndShots() throws Exception {
    String qasm = ServerFixture.bell();
    JsonNode body =
        SamplerJson.MAPPER.readTree(SamplerJson.jobBody(SamplerRequest.of(qasm, 77, "k"), "dev"));
    assertEquals("sampler", body.get("program_id").asText());
    assertEquals("dev", body.get("backend").asText());
    JsonNode pub = body.get("params").get("pubs").get(0);
    assertEquals(1, body.get("params").get("pubs").size());
    assertEquals(qasm, pub.get(0).asText());
    assertTrue(pub.get(1).isNull());
    assertEquals(77, pub.get(2).asInt());
    assertEquals(3, body.size());
  }

  @Test
  void jobIdsMustBeUrlSafe() {
    assertEquals(
        "c5dge2d3rn7breq27i9g",
        SamplerJson.jobId(b("{\"id\":\"c5dge2d3rn7breq27i9g\",\"backend\":\"x\"}")));
    assertTrue(badMessage(() -> SamplerJson.jobId(b("{\"id\":\"../admin\"}"))).contains("'id'"));
    assertTrue(badMessage(() -> SamplerJson.jobId(b("{\"id\":7}"))).contains("'id'"));
    assertTrue(badMessage(() -> SamplerJson.jobId(b("[]"))).contains("JSON object"));
    assertTrue(badMessage(() -> SamplerJson.jobId(b(""))).contains("JSON object"));
    assertTrue(
        badMessage(() -> SamplerJson.jobId(b("{\"id\":\"a\"} x"))).contains("not valid JSON"));
  }

  @Test
  void statusesReadAsTheFiveStates() {
    assertEquals(
        JobStatus.RUNNING,
        SamplerJson.state(b("{\"state\":{\"status\":\"Running\"}}"), "j").status());
    JobState failed =
        SamplerJson.state(b("{\"state\":{\"status\":\"Failed\",\"reason\":\"calibration\"}}"), "j");
    assertEquals(JobStatus.FAILED, failed.status());
    assertEquals("calibration", failed.reason());
    assertEquals(
        JobStatus.CANCELLED,
        SamplerJson.state(b("{\"state\":{\"status\":\"Cancelled - Ran too long\"}}"), "j")
            .status());
    JobState topLevel = SamplerJson.state(b("{\"status\":\"QUEUED\"}"), "j");
    assertEquals(JobStatus.QUEUED, topLevel.status());
    assertNull(topLevel.reason());
    assertTrue(
        badMessage(() -> SamplerJson.state(b("{\"state\":{\"status\":\"Done\"}}"), "j"))
            .contains("'state.status' must be one of"));
    assertTrue(
        badMessage(() -> SamplerJson.state(b("{\"state\":{}}"), "j")).contains("state.status"));
  }

  @Test
  void samplesAreCheckedAgainstTheJob() {
    String ok = "{\"results\":[{\"data\":{\"c\":{\"samples\":[\"0x7\",\"0x0\"],\"num_bits\":3}}}]}";
    Samples s = SamplerJson.samples(b(ok), JOB);
    assertEquals(7, s.value(0));
    assertEquals(0, s.value(1));
    assertTrue(
        badMessage(() -> SamplerJson.samples(b("{\"results\":[]}"), JOB))
            .contains("non-empty array"));
    assertTrue(
        badMessage(
                () ->
                    SamplerJson.samples(
                        b("{\"results\":[{\"data\":{\"meas\":{\"samples\":[\"0x1\",\"0x1\"]}}}]}"),
                        JOB))
            .contains("no register 'c' in results[0].data (has [meas])"));
    assertTrue(
        badMessage(
                () ->
                    SamplerJson.samples(
                        b("{\"results\":[{\"data\":{\"c\":{\"samples\":[\"0x1\"]}}}]}"), JOB))
            .contains("array of 2 hex strings, got 1 entries"));
    assertTrue(
        badMessage(
                () ->
                    SamplerJson.samples(
                        b("{\"results\":[{\"data\":{\"c\":{\"samples\":[\"0x1\",\"0x8\"]}}}]}"),
                        JOB))
            .contains("sample 1 = \"0x8\" is not a hex value of 3 bits"));
    assertTrue(
        badMessage(
                () ->
                    SamplerJson.samples(
                        b("{\"results\":[{\"data\":{\"c\":{\"samples\":[\"0x1\",\"1\"]}}}]}"), JOB))
            .contains("sample 1"));
    assertTrue(
        badMessage(
                () ->
                    SamplerJson.samples(
                        b(
                            "{\"results\":[{\"data\":{\"c\":{\"samples\":[\"0x1\",\"0x1\"],\"num_bits\":4}}}]}"),
                        JOB))
            .contains("num_bits 4, expected 3"));
  }

  @Test
  void errorMessagesComeFromIbmsLayoutOrTheRawText() {
    assertEquals(
        "no such backend",
        SamplerJson.errorMessage(b("{\"errors\":[{\"code\":1,\"message\":\"no such backend\"}]}")));
    assertEquals("busy", SamplerJson.errorMessage(b("{\"message\":\"busy\"}")));
    assertEquals("Bad Gateway", SamplerJson.errorMessage(b("Bad\n  Gateway")));
    assertEquals("(empty body)", SamplerJson.errorMessage(new byte[0]));
    assertEquals(203, SamplerJson.errorMessage(b("x".repeat(500))).length());
  }

  @Test
  void parseErrorsDoNotQuoteTheBody() {
    String secret = "Zsecret-echoed-by-a-broken-provider";
    String m = badMessage(() -> SamplerJson.jobId(b("{\"id\": " + secret + "}")));
    assertFalse(m.contains(secret), m);
    assertTrue(m.contains("line 1, column"), m);
  }
}
