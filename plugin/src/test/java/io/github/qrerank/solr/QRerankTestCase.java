package io.github.qrerank.solr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.solr.SolrTestCaseJ4;
import org.apache.solr.common.SolrException;
import org.noggit.ObjectBuilder;

/** Helpers shared by the qrerank Solr tests: JSON requests and reading their answers. */
public abstract class QRerankTestCase extends SolrTestCaseJ4 {
  static void initQRerankCore() throws Exception {
    initCore("solrconfig.xml", "schema.xml");
  }

  /** Indexes the catalog over {@code segments} commits, then deletes {@code deleted}. */
  static void index(Catalog catalog, int segments, String... deleted) {
    List<Catalog.Product> all = catalog.all();
    int per = (all.size() + segments - 1) / segments;
    for (int i = 0; i < all.size(); i++) {
      assertU(adoc(all.get(i).toDoc()));
      if ((i + 1) % per == 0 || i == all.size() - 1) {
        assertU(commit());
      }
    }
    for (String id : deleted) {
      assertU(delI(id));
    }
    assertU(commit());
  }

  /** Runs a /select request and parses its JSON answer. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> query(String... params) throws Exception {
    String[] all = Arrays.copyOf(params, params.length + 4);
    all[params.length] = "wt";
    all[params.length + 1] = "json";
    all[params.length + 2] = "qt";
    all[params.length + 3] = "/select";
    String json = h.query(req(all));
    return (Map<String, Object>) ObjectBuilder.fromJSON(json);
  }

  /** The request's exception (asserting it is one), for checking code and message. */
  static SolrException error(String... params) {
    ignoreException("qrerank");
    try {
      query(params);
    } catch (SolrException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a SolrException, got " + e, e);
    } finally {
      unIgnoreException("qrerank");
    }
    throw new AssertionError("expected an error for " + Arrays.toString(params));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> docs(Map<String, Object> rsp) {
    Map<String, Object> response = (Map<String, Object>) rsp.get("response");
    return (List<Map<String, Object>>) response.get("docs");
  }

  @SuppressWarnings("unchecked")
  static long numFound(Map<String, Object> rsp) {
    return ((Number) ((Map<String, Object>) rsp.get("response")).get("numFound")).longValue();
  }

  static List<String> ids(Map<String, Object> rsp) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> d : docs(rsp)) {
      ids.add((String) d.get("id"));
    }
    return ids;
  }

  static List<Float> scores(Map<String, Object> rsp) {
    List<Float> scores = new ArrayList<>();
    for (Map<String, Object> d : docs(rsp)) {
      scores.add(((Number) d.get("score")).floatValue());
    }
    return scores;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> debugSection(Map<String, Object> rsp) {
    Map<String, Object> debug = (Map<String, Object>) rsp.get("debug");
    assertNotNull("no debug section", debug);
    Map<String, Object> section = (Map<String, Object>) debug.get("qrerank");
    assertNotNull("no qrerank debug section", section);
    return section;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> windowDocs(Map<String, Object> section) {
    return (List<Map<String, Object>>) section.get("docs");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  static float flt(Object o) {
    return ((Number) o).floatValue();
  }

  static int integer(Object o) {
    return ((Number) o).intValue();
  }
}
