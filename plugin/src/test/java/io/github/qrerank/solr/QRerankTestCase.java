package io.github.qrerank.solr;

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

  // The readers of a JSON answer live in Responses (no Solr test base class there, so the
  // integration tests can share them); these keep the subclasses' unqualified calls.

  static List<Map<String, Object>> docs(Map<String, Object> rsp) {
    return Responses.docs(rsp);
  }

  static long numFound(Map<String, Object> rsp) {
    return Responses.numFound(rsp);
  }

  static List<String> ids(Map<String, Object> rsp) {
    return Responses.ids(rsp);
  }

  static List<Float> scores(Map<String, Object> rsp) {
    return Responses.scores(rsp);
  }

  static Map<String, Object> debugSection(Map<String, Object> rsp) {
    return Responses.debugSection(rsp);
  }

  static List<Map<String, Object>> windowDocs(Map<String, Object> section) {
    return Responses.windowDocs(section);
  }

  static Map<String, Object> map(Object o) {
    return Responses.map(o);
  }

  static double num(Object o) {
    return Responses.num(o);
  }

  static float flt(Object o) {
    return Responses.flt(o);
  }

  static int integer(Object o) {
    return Responses.integer(o);
  }
}
