package io.github.qrerank.solr.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.features.WindowData;
import io.github.qrerank.solr.feature.ExtractionPlan;
import io.github.qrerank.solr.feature.FieldKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.VectorEncoding;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.junit.jupiter.api.Test;

/** The shard section survives javabin (what shards answer in) unchanged, and bad ones are named. */
class ShardWindowTest {
  private static final ExtractionPlan PLAN = plan("embedding");

  private static ExtractionPlan plan(String vectorField) {
    Map<String, FieldKind> numeric = new LinkedHashMap<>();
    numeric.put("margin", FieldKind.FLOAT);
    numeric.put("stock", FieldKind.INT);
    Map<String, FieldKind> groups = new LinkedHashMap<>();
    groups.put("brand", FieldKind.STRING);
    return new ExtractionPlan(null, numeric, groups, vectorField, VectorEncoding.FLOAT32);
  }

  private static ShardWindow sample() {
    WindowData window =
        WindowData.builder(new String[] {"a", "b", "c"}, new double[] {3.5, 2.25, 2.25})
            .numeric("margin", new double[] {0.5, Double.NaN, -1e-300})
            .numeric("stock", new double[] {3, 0, 2_000_000_000})
            .groups("brand", new String[] {"x", null, "x"})
            .vectors(new float[][] {{1f, -2f}, null, {0f, Float.MIN_VALUE}})
            .build();
    NamedList<List<Object>> sort = new SimpleOrderedMap<>();
    sort.add("price", List.of(1.5f, 2.5f, 2.5f, 9f));
    return new ShardWindow(
        new String[] {"a", "b", "c", "d"}, new float[] {3.5f, 2.25f, 2.25f, 1f}, sort, window, 7L);
  }

  private static Object javabinRoundTrip(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JavaBinCodec codec = new JavaBinCodec()) {
      codec.marshal(value, out);
    }
    try (JavaBinCodec codec = new JavaBinCodec()) {
      return codec.unmarshal(new ByteArrayInputStream(out.toByteArray()));
    }
  }

  @Test
  void survivesJavabinExactly() throws IOException {
    ShardWindow sent = sample();
    NamedList<?> received = (NamedList<?>) javabinRoundTrip(sent.encode(PLAN));
    ShardWindow got = ShardWindow.decode(received, PLAN);
    assertEquals(4, got.candidates());
    assertEquals("d", got.id(3));
    assertEquals(1f, got.score(3));
    assertEquals(List.of(1.5f, 2.5f, 2.5f, 9f), got.sortValues().get("price"));
    WindowData w = got.window();
    assertEquals(3, w.size());
    assertArrayEquals(
        new double[] {3.5, 2.25, 2.25}, new double[] {w.score(0), w.score(1), w.score(2)});
    assertArrayEquals(new double[] {0.5, Double.NaN, -1e-300}, w.numeric("margin"));
    assertArrayEquals(new double[] {3, 0, 2_000_000_000}, w.numeric("stock"));
    assertArrayEquals(new String[] {"x", null, "x"}, w.groups("brand"));
    assertArrayEquals(new float[] {1f, -2f}, w.vector(0));
    assertNull(w.vector(1));
    assertArrayEquals(new float[] {0f, Float.MIN_VALUE}, w.vector(2));
    assertEquals(7L, got.extractNanos());
  }

  @Test
  void binaryValuesAlsoReadFromBase64Text() {
    SimpleOrderedMap<Object> section = sample().encode(PLAN);
    int i = section.indexOf("scores", 0);
    section.setVal(i, Base64.getEncoder().encodeToString((byte[]) section.getVal(i)));
    assertEquals(2.25f, ShardWindow.decode(section, PLAN).score(2));
  }

  @Test
  void vectorsTakeFourBytesPerValue() {
    SimpleOrderedMap<Object> section = sample().encode(PLAN);
    assertEquals(2 * 2 * Float.BYTES, ((byte[]) section.get("vectors")).length);
    assertEquals(
        3 * Double.BYTES, ((byte[]) ((NamedList<?>) section.get("numeric")).get("margin")).length);
    assertTrue(PayloadSize.javabinBytes(section) < 400);
  }

  @Test
  void malformedSectionsSayWhatIsWrong() {
    SimpleOrderedMap<Object> section = sample().encode(PLAN);
    section.setVal(section.indexOf("v", 0), 2);
    assertTrue(message(section, PLAN).contains("format version 2"));

    SimpleOrderedMap<Object> shortScores = sample().encode(PLAN);
    shortScores.setVal(shortScores.indexOf("scores", 0), new byte[5]);
    assertTrue(message(shortScores, PLAN).contains("scores holds 5 bytes, expected 16"));

    Map<String, FieldKind> more = new LinkedHashMap<>(PLAN.numericFields());
    more.put("price", FieldKind.FLOAT);
    ExtractionPlan other =
        new ExtractionPlan(null, more, PLAN.groupFields(), "embedding", VectorEncoding.FLOAT32);
    assertTrue(message(sample().encode(PLAN), other).contains("numeric.price"));

    SimpleOrderedMap<Object> badWindow = sample().encode(PLAN);
    badWindow.setVal(badWindow.indexOf("window", 0), 9);
    assertTrue(message(badWindow, PLAN).contains("window 9 is not in [0, 4]"));
  }

  private static String message(NamedList<?> section, ExtractionPlan plan) {
    return assertThrows(IllegalArgumentException.class, () -> ShardWindow.decode(section, plan))
        .getMessage();
  }
}
