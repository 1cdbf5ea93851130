package io.github.qrerank.provider.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.qrerank.provider.server.FaultPlan.Fault;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults follow the cumulative shares, are seeded, and can be changed as JSON. */
class FaultPlanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sharesAreCumulativeInTheDocumentedOrder() {
    FaultPlan p = new FaultPlan(0.1, 0.2, 5, 0.3, 0.1, 0);
    assertEquals(Fault.ERROR, p.fault(0.0));
    assertEquals(Fault.ERROR, p.fault(0.0999));
    assertEquals(Fault.SLOW, p.fault(0.1));
    assertEquals(Fault.MALFORMED, p.fault(0.31));
    assertEquals(Fault.DROP, p.fault(0.61));
    assertEquals(Fault.NONE, p.fault(0.71));
    assertEquals(Fault.NONE, FaultPlan.NONE.fault(0.0));
  }

  /** Over 20,000 seeded draws each fault's frequency is within 5 binomial sigmas of its share. */
  @Test
  void theInjectorDrawsEachFaultAtItsShare() {
    FaultInjector injector = new FaultInjector(new FaultPlan(0.1, 0.2, 5, 0.3, 0.1, 0), 7);
    Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      counts.merge(injector.next(), 1, Integer::sum);
    }
    Map<Fault, Double> shares =
        Map.of(
            Fault.ERROR,
            0.1,
            Fault.SLOW,
            0.2,
            Fault.MALFORMED,
            0.3,
            Fault.DROP,
            0.1,
            Fault.NONE,
            0.3);
    shares.forEach(
        (f, p) ->
            assertEquals(
                p,
                counts.getOrDefault(f, 0) / (double) n,
                5 * Math.sqrt(p * (1 - p) / n),
                f.name()));
    FaultInjector again = new FaultInjector(new FaultPlan(0.1, 0.2, 5, 0.3, 0.1, 0), 7);
    FaultInjector first = new FaultInjector(new FaultPlan(0.1, 0.2, 5, 0.3, 0.1, 0), 7);
    for (int i = 0; i < 100; i++) {
      assertEquals(first.next(), again.next(), "same seed, same faults");
    }
  }

  @Test
  void jsonUpdatesOnlyTheFieldsGiven() throws Exception {
    FaultPlan p = new FaultPlan(0.1, 0, 100, 0, 0, 0.2);
    FaultPlan q = p.with(JSON.readTree("{\"drop-share\":0.5,\"slow-ms\":7}"));
    assertEquals(new FaultPlan(0.1, 0, 7, 0, 0.5, 0.2), q);
    assertEquals(q, q.with(q.toJson(JSON.createObjectNode())));
    assertEquals(
        "unknown fault field: drops",
        assertThrows(IllegalArgumentException.class, () -> p.with(JSON.readTree("{\"drops\":1}")))
            .getMessage());
    assertEquals(
        "error-share must be a number: \"x\"",
        assertThrows(
                IllegalArgumentException.class,
                () -> p.with(JSON.readTree("{\"error-share\":\"x\"}")))
            .getMessage());
  }
}
