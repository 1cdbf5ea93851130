package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.qrerank.model.Problem;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.GreedySwapSolver;
import io.github.qrerank.testing.RandomProblems;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The BQM JSON: dimod's key layout and conventions, biases, and the round trip. */
class BqmJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A full-space QUBO with slack bits (a cap of 2 and a quota). */
  private static Qubo qubo() {
    Problem p = RandomProblems.random(11, 12, 4, 0.1, 3, 2, true);
    int[] docs = IntStream.range(0, p.size()).filter(p::isEligible).toArray();
    return Hamiltonian.of(p, docs, new GreedySwapSolver().solve(p, Budget.unlimited()).indices())
        .fullSpace();
  }

  @Test
  void layoutIsDimodsSerializableBqm() throws Exception {
    Qubo q = qubo();
    JsonNode doc = JSON.readTree(BqmJson.write(q));
    List<String> keys = new ArrayList<>();
    doc.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "type",
            "version",
            "use_bytes",
            "index_type",
            "bias_type",
            "num_variables",
            "num_interactions",
            "variable_labels",
            "variable_type",
            "offset",
            "info",
            "linear_biases",
            "quadratic_biases",
            "quadratic_head",
            "quadratic_tail"),
        keys);
    assertEquals("BinaryQuadraticModel", doc.get("type").asText());
    assertEquals("3.0.0", doc.get("version").get("bqm_schema").asText());
    assertFalse(doc.get("use_bytes").asBoolean());
    assertEquals("int32", doc.get("index_type").asText());
    assertEquals("float64", doc.get("bias_type").asText());
    assertEquals("BINARY", doc.get("variable_type").asText());
    assertTrue(doc.get("info").isObject() && doc.get("info").isEmpty());
    assertEquals(q.size(), doc.get("num_variables").asInt());
    assertEquals(q.interactionCount(), doc.get("num_interactions").asInt());
    assertEquals(q.offset(), doc.get("offset").asDouble(), 0);
  }

  @Test
  void biasesSitAtTheirSortedLabels() throws Exception {
    Qubo q = qubo();
    JsonNode doc = JSON.readTree(BqmJson.write(q));
    JsonNode labels = doc.get("variable_labels");
    String previous = "";
    int slack = 0;
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i).asText();
      assertTrue(label.compareTo(previous) > 0, "labels sorted and unique");
      previous = label;
      slack += label.startsWith("s") ? 1 : 0;
      assertEquals(q.linear(q.indexOf(label)), doc.get("linear_biases").get(i).asDouble(), 0);
    }
    assertTrue(slack > 0, "the instance has slack bits");
    Iterator<JsonNode> heads = doc.get("quadratic_head").elements();
    Iterator<JsonNode> tails = doc.get("quadratic_tail").elements();
    Iterator<JsonNode> biases = doc.get("quadratic_biases").elements();
    int lastHead = -1;
    int lastTail = -1;
    while (heads.hasNext()) {
      int h = heads.next().asInt();
      int t = tails.next().asInt();
      assertTrue(h < t, "head < tail");
      assertTrue(h > lastHead || (h == lastHead && t > lastTail), "sorted by (head, tail)");
      lastHead = h;
      lastTail = t;
      double expected =
          q.quadratic(q.indexOf(labels.get(h).asText()), q.indexOf(labels.get(t).asText()));
      assertEquals(expected, biases.next().asDouble(), 0);
    }
  }

  @Test
  void readBackGivesTheSameEnergies() {
    Qubo q = qubo();
    Qubo back = BqmJson.readBinary(BqmJson.write(q));
    assertEquals(q.size(), back.size());
    assertEquals(q.offset(), back.offset(), 0);
    for (int i = 0; i < q.size(); i++) {
      int bi = back.indexOf(q.label(i));
      assertEquals(q.linear(i), back.linear(bi), 0, "every bias reads back bit for bit");
      for (int j = 0; j < q.size(); j++) {
        assertEquals(q.quadratic(i, j), back.quadratic(bi, back.indexOf(q.label(j))), 0);
      }
    }
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      boolean[] y = new boolean[q.size()];
      boolean[] yBack = new boolean[q.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = rng.nextBoolean();
        yBack[back.indexOf(q.label(i))] = y[i];
      }
      assertEquals(q.energy(y), back.energy(yBack), 1e-9, "only the summation order differs");
    }
  }

  @Test
  void spinFormHasTheSameEnergies() throws Exception {
    Qubo q = qubo();
    JsonNode doc = JSON.readTree(BqmJson.write(q.toIsing()));
    assertEquals("SPIN", doc.get("variable_type").asText());
    JsonNode labels = doc.get("variable_labels");
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 100; trial++) {
      boolean[] y = new boolean[q.size()];
      int[] spin = new int[labels.size()];
      for (int i = 0; i < labels.size(); i++) {
        boolean one = rng.nextBoolean();
        y[q.indexOf(labels.get(i).asText())] = one;
        spin[i] = one ? 1 : -1; // dimod: s = 2y − 1
      }
      double e = doc.get("offset").asDouble();
      for (int i = 0; i < spin.length; i++) {
        e += doc.get("linear_biases").get(i).asDouble() * spin[i];
      }
      for (int t = 0; t < doc.get("num_interactions").asInt(); t++) {
        e +=
            doc.get("quadratic_biases").get(t).asDouble()
                * spin[doc.get("quadratic_head").get(t).asInt()]
                * spin[doc.get("quadratic_tail").get(t).asInt()];
      }
      assertEquals(q.energy(y), e, 1e-9);
    }
  }

  @Test
  void malformedDocumentsNameTheField() {
    String good = BqmJson.write(new Qubo.Builder("a", "b").addQuadratic(0, 1, 2).build());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> BqmJson.readBinary(good.replace("3.0.0", "2.0.0")))
            .getMessage()
            .contains("bqm_schema"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    BqmJson.readBinary(
                        good.replace("\"quadratic_tail\":[1]", "\"quadratic_tail\":[7]")))
            .getMessage()
            .contains("quadratic_tail[0]"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> BqmJson.readBinary(good.replace("BINARY", "SPIN")))
            .getMessage()
            .contains("variable_type"));
    assertThrows(IllegalArgumentException.class, () -> BqmJson.readBinary("{"));
  }
}
