package io.github.qrerank.solr;

import static org.junit.Assert.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading a {@code /select} answer parsed from JSON ({@code wt=json}, as noggit's {@code
 * ObjectBuilder} builds it): hits, ids, scores and the {@code qrerank} debug section. Independent
 * of Solr's test base classes, so that the contract checks ({@link Contract}, {@link BruteForce})
 * also serve the SolrCloud tests of the integration-tests module (through this module's
 * test-jar).
 */
public final class Responses {
  private Responses() {}

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> docs(Map<String, Object> rsp) {
    Map<String, Object> response = (Map<String, Object>) rsp.get("response");
    return (List<Map<String, Object>>) response.get("docs");
  }

  @SuppressWarnings("unchecked")
  public static long numFound(Map<String, Object> rsp) {
    return ((Number) ((Map<String, Object>) rsp.get("response")).get("numFound")).longValue();
  }

  public static List<String> ids(Map<String, Object> rsp) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> d : docs(rsp)) {
      ids.add((String) d.get("id"));
    }
    return ids;
  }

  public static List<Float> scores(Map<String, Object> rsp) {
    List<Float> scores = new ArrayList<>();
    for (Map<String, Object> d : docs(rsp)) {
      scores.add(((Number) d.get("score")).floatValue());
    }
    return scores;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> debugSection(Map<String, Object> rsp) {
    Map<String, Object> debug = (Map<String, Object>) rsp.get("debug");
    assertNotNull("no debug section", debug);
    Map<String, Object> section = (Map<String, Object>) debug.get("qrerank");
    assertNotNull("no qrerank debug section", section);
    return section;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> windowDocs(Map<String, Object> section) {
    return (List<Map<String, Object>>) section.get("docs");
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  public static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  public static float flt(Object o) {
    return ((Number) o).floatValue();
  }

  public static int integer(Object o) {
    return ((Number) o).intValue();
  }
}
