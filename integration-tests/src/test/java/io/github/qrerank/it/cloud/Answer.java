package io.github.qrerank.it.cloud;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;

/**
 * One {@code {!qrerank}} response as the SolrCloud tests compare it: the page (ids, scores, the
 * {@code [qrerank]} values) and, with {@code debugQuery=true}, the {@code qrerank} debug section.
 */
record Answer(
    long numFound,
    List<String> ids,
    List<Float> scores,
    List<Object> info,
    List<Map<String, Object>> fields,
    NamedList<?> section) {

  static final String TRANSFORMER = "[qrerank]";

  /**
   * Keys that differ between runs or between one core and a cluster by design (an indexed
   * document's {@code _version_} differs from one collection to another).
   */
  private static final Set<String> NOT_COMPARED =
      Set.of("timingsMs", "recomputed", "shards", "shard", "_version_");

  static Answer of(QueryResponse rsp) {
    List<String> ids = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    List<Object> info = new ArrayList<>();
    List<Map<String, Object>> fields = new ArrayList<>();
    for (SolrDocument d : rsp.getResults()) {
      Map<String, Object> values = new LinkedHashMap<>();
      d.forEach((name, value) -> values.put(name, value));
      values.remove(TRANSFORMER);
      fields.add(values);
      ids.add((String) d.getFieldValue("id"));
      Object score = d.getFieldValue("score");
      scores.add(score == null ? null : ((Number) score).floatValue());
      info.add(d.getFieldValue(TRANSFORMER));
    }
    Map<String, Object> debug = rsp.getDebugMap();
    NamedList<?> section = debug == null ? null : (NamedList<?>) debug.get("qrerank");
    return new Answer(rsp.getResults().getNumFound(), ids, scores, info, fields, section);
  }

  double objective() {
    return ((Number) debug().get("objective")).doubleValue();
  }

  /** The window documents' debug entries, first-pass order. */
  @SuppressWarnings("unchecked")
  List<NamedList<Object>> windowDocs() {
    return (List<NamedList<Object>>) debug().get("docs");
  }

  /** The selected ids, position 0 first. */
  List<String> selectedIds() {
    int count = ((Number) debug().get("selectedCount")).intValue();
    String[] out = new String[count];
    for (NamedList<Object> d : windowDocs()) {
      if (Boolean.TRUE.equals(d.get("selected"))) {
        out[((Number) d.get("position")).intValue()] = (String) d.get("id");
      }
    }
    return List.of(out);
  }

  /** The debug section, which the request must have asked for. */
  NamedList<?> debug() {
    assertNotNull("no qrerank debug section", section);
    return section;
  }

  /**
   * Asserts that {@code actual} (a cluster's answer) is the answer of {@code expected} (one core
   * holding the same documents): same page, same scores, same transformer values and, when both
   * have a debug section, the same section (numbers within 1e-9) apart from timings and shards.
   */
  static void assertSameAnswer(String context, Answer expected, Answer actual) {
    assertEquals(context + ": numFound", expected.numFound(), actual.numFound());
    assertEquals(context + ": ids", expected.ids(), actual.ids());
    assertEquals(context + ": scores", expected.scores(), actual.scores());
    similar(context + ": [qrerank]", expected.info(), actual.info());
    similar(context + ": fields", expected.fields(), actual.fields());
    if (expected.section() != null || actual.section() != null) {
      assertEquals(context + ": selected", expected.selectedIds(), actual.selectedIds());
      assertEquals(context + ": F(S)", expected.objective(), actual.objective(), 1e-9);
      similar(context + ": debug", expected.section(), actual.section());
    }
  }

  /**
   * Asserts that {@code actual} is {@code expected} up to the order of documents whose first-pass
   * scores are equal: one core breaks such ties by index order, a cluster by Solr's merge (shard,
   * then the order within the shard), so only there may the orders differ. Valid only when both
   * windows hold the same documents (no tie across the window's edge). The page of each (from
   * {@code start}) must have the same scores in the same order, and within each run of equal
   * scores the same ids (a run the page's ends may cut is not compared); the {@code [qrerank]}
   * values of every id on both pages must agree; and with debug sections, the same selection (ids
   * by position), F(S) within 1e-9 (the compression sees W's rows in another order, so the last
   * bits may differ), every window document's values by id apart from its rank and z_i (whose
   * redundancies F(S) covers), and the rest of the section as {@link #similar}, each cap's
   * per-group counts as a map (they are listed in window order).
   */
  static void assertSameUpToTies(String context, int start, Answer expected, Answer actual) {
    assertEquals(context + ": numFound", expected.numFound(), actual.numFound());
    assertEquals(context + ": scores", expected.scores(), actual.scores());
    List<Float> s = expected.scores();
    int n = s.size();
    for (int from = 0, to; from < n; from = to) {
      to = from + 1;
      while (to < n && s.get(to).equals(s.get(from))) {
        to++;
      }
      boolean cut = (from == 0 && start > 0) || (to == n && start + n < expected.numFound());
      if (!cut) {
        assertEquals(
            context + ": ids scored " + s.get(from),
            Set.copyOf(expected.ids().subList(from, to)),
            Set.copyOf(actual.ids().subList(from, to)));
      }
    }
    Map<String, Object> actualInfo = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      actualInfo.put(actual.ids().get(i), actual.info().get(i));
    }
    for (int i = 0; i < n; i++) {
      String id = expected.ids().get(i);
      if (actualInfo.containsKey(id)) {
        similar(context + ": [qrerank] of " + id, expected.info().get(i), actualInfo.get(id));
      }
    }
    if (expected.section() != null || actual.section() != null) {
      assertEquals(context + ": selected", expected.selectedIds(), actual.selectedIds());
      assertEquals(context + ": F(S)", expected.objective(), actual.objective(), 1e-9);
      Map<String, NamedList<Object>> actualDocs = new LinkedHashMap<>();
      actual.windowDocs().forEach(d -> actualDocs.put((String) d.get("id"), d));
      assertEquals(context + ": window", Set.copyOf(expected.windowIds()), actualDocs.keySet());
      for (NamedList<Object> d : expected.windowDocs()) {
        String id = (String) d.get("id");
        similar(context + ": window doc " + id, byId(d), byId(actualDocs.get(id)));
      }
      similar(context + ": debug", tieFree(expected.debug()), tieFree(actual.debug()));
    }
  }

  /** The window's ids, first-pass order. */
  List<String> windowIds() {
    List<String> out = new ArrayList<>();
    windowDocs().forEach(d -> out.add((String) d.get("id")));
    return out;
  }

  private static NamedList<Object> byId(NamedList<Object> doc) {
    NamedList<Object> out = doc.clone();
    out.removeAll("firstPassRank");
    out.removeAll("z");
    return out;
  }

  /** The section without its window documents, each cap's per-group counts sorted by group. */
  @SuppressWarnings("unchecked")
  private static NamedList<Object> tieFree(NamedList<?> section) {
    NamedList<Object> out = ((NamedList<Object>) section).clone();
    out.removeAll("docs");
    NamedList<Object> constraints = ((NamedList<Object>) out.get("constraints")).clone();
    List<Object> caps = new ArrayList<>();
    for (Object cap : (List<?>) constraints.get("caps")) {
      NamedList<Object> c = ((NamedList<Object>) cap).clone();
      NamedList<?> perGroup = (NamedList<?>) c.get("perGroup");
      Map<String, Object> sorted = new TreeMap<>();
      for (int i = 0; i < perGroup.size(); i++) {
        sorted.put(perGroup.getName(i), perGroup.getVal(i));
      }
      c.setVal(c.indexOf("perGroup", 0), sorted);
      caps.add(c);
    }
    constraints.setVal(constraints.indexOf("caps", 0), caps);
    out.setVal(out.indexOf("constraints", 0), constraints);
    return out;
  }

  /** Deep comparison of response values; numbers within 1e-9 (relative for large ones). */
  static void similar(String path, Object expected, Object actual) {
    if (expected instanceof NamedList<?> e) {
      assertTrue(path + ": not a map: " + actual, actual instanceof NamedList<?>);
      NamedList<?> a = (NamedList<?>) actual;
      List<String> ek = keys(e);
      List<String> ak = keys(a);
      assertEquals(path + ": keys", ek, ak);
      for (int i = 0; i < e.size(); i++) {
        if (e.getName(i) != null && NOT_COMPARED.contains(e.getName(i))) {
          continue;
        }
        similar(path + "." + e.getName(i), e.getVal(i), a.get(e.getName(i)));
      }
    } else if (expected instanceof Map<?, ?> e) {
      assertTrue(path + ": not a map: " + actual, actual instanceof Map<?, ?>);
      Map<?, ?> a = (Map<?, ?>) actual;
      assertEquals(path + ": keys", List.copyOf(e.keySet()), List.copyOf(a.keySet()));
      for (Map.Entry<?, ?> entry : e.entrySet()) {
        if (NOT_COMPARED.contains(String.valueOf(entry.getKey()))) {
          continue;
        }
        similar(path + "." + entry.getKey(), entry.getValue(), a.get(entry.getKey()));
      }
    } else if (expected instanceof Collection<?> e) {
      assertTrue(path + ": not a list: " + actual, actual instanceof Collection<?>);
      List<?> el = new ArrayList<>(e);
      List<?> al = new ArrayList<>((Collection<?>) actual);
      assertEquals(path + ": size", el.size(), al.size());
      for (int i = 0; i < el.size(); i++) {
        similar(path + "[" + i + "]", el.get(i), al.get(i));
      }
    } else if (expected instanceof Number e && actual instanceof Number a) {
      double x = e.doubleValue();
      double y = a.doubleValue();
      if (Double.isNaN(x) || Double.isNaN(y)) {
        assertEquals(path, Double.isNaN(x), Double.isNaN(y));
      } else {
        assertEquals(path, x, y, 1e-9 * Math.max(1, Math.abs(x)));
      }
    } else if (expected == null || actual == null) {
      if (expected != actual) {
        fail(path + ": expected " + expected + ", got " + actual);
      }
    } else {
      assertEquals(path, expected, actual);
    }
  }

  private static List<String> keys(NamedList<?> nl) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nl.size(); i++) {
      if (!NOT_COMPARED.contains(nl.getName(i))) {
        out.add(nl.getName(i));
      }
    }
    return out;
  }
}
