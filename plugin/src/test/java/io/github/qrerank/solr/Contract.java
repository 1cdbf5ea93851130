package io.github.qrerank.solr;

import static io.github.qrerank.solr.Responses.debugSection;
import static io.github.qrerank.solr.Responses.docs;
import static io.github.qrerank.solr.Responses.flt;
import static io.github.qrerank.solr.Responses.ids;
import static io.github.qrerank.solr.Responses.integer;
import static io.github.qrerank.solr.Responses.map;
import static io.github.qrerank.solr.Responses.num;
import static io.github.qrerank.solr.Responses.scores;
import static io.github.qrerank.solr.Responses.windowDocs;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a re-ranked response against the contract's "The result" section, given the first-pass
 * response of the same request without {@code rq} (ids and scores, in order). Shared with the
 * SolrCloud tests through this module's test-jar: a cluster's answer passes the same checks.
 */
public final class Contract {
  private Contract() {}

  /** The re-ranked order and score of every hit, computed from the debug section. */
  public record Expected(List<String> ids, List<Float> scores) {}

  /**
   * Checks the window, the selection order, the ranked list and scores, the transformer values and
   * the objective. {@code rsp} must hold every hit (rows large enough), with fl=id,score,[qrerank]
   * and debugQuery=true.
   */
  public static Expected check(
      Map<String, Object> rsp, List<String> firstIds, List<Float> firstScores, int reRankDocs) {
    Map<String, Object> section = debugSection(rsp);
    Expected expected = expected(section, firstIds, firstScores, reRankDocs);
    assertEquals("re-ranked order", expected.ids(), ids(rsp));
    assertEquals("re-ranked scores", expected.scores(), scores(rsp));
    checkTransformer(rsp, section, firstIds, firstScores);
    checkObjective(section);
    return expected;
  }

  public static Expected expected(
      Map<String, Object> section, List<String> firstIds, List<Float> firstScores, int reRankDocs) {
    List<Map<String, Object>> window = windowDocs(section);
    int w = Math.min(reRankDocs, firstIds.size());
    assertEquals("window size", w, window.size());
    assertEquals(w, integer(section.get("windowSize")));
    float max = Float.NEGATIVE_INFINITY;
    double minScore = Double.POSITIVE_INFINITY;
    double maxScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < w; i++) {
      Map<String, Object> d = window.get(i);
      assertEquals("window doc " + i, firstIds.get(i), d.get("id"));
      assertEquals(i, integer(d.get("firstPassRank")));
      assertEquals(firstScores.get(i), flt(d.get("firstPassScore")), 0f);
      max = Math.max(max, firstScores.get(i));
      minScore = Math.min(minScore, firstScores.get(i));
      maxScore = Math.max(maxScore, firstScores.get(i));
    }
    for (int i = 0; i < w; i++) {
      double s = firstScores.get(i);
      double normalised = maxScore > minScore ? (s - minScore) / (maxScore - minScore) : 1;
      assertEquals("ŝ of " + i, normalised, num(window.get(i).get("normalizedScore")), 1e-9);
    }

    int selectedCount = integer(section.get("selectedCount"));
    int k = integer(section.get("k"));
    assertTrue(selectedCount <= k);
    int[] byPosition = new int[selectedCount];
    java.util.Arrays.fill(byPosition, -1);
    for (int i = 0; i < w; i++) {
      Map<String, Object> d = window.get(i);
      if ((Boolean) d.get("selected")) {
        int p = integer(d.get("position"));
        assertEquals("position " + p + " used twice", -1, byPosition[p]);
        byPosition[p] = i;
      } else {
        assertFalse(d.containsKey("position"));
      }
    }
    for (int p = 1; p < selectedCount; p++) {
      double prev = num(window.get(byPosition[p - 1]).get("v"));
      double cur = num(window.get(byPosition[p]).get("v"));
      assertTrue(
          "selected ordered by v descending, ties in first-pass order",
          prev > cur || (prev == cur && byPosition[p - 1] < byPosition[p]));
    }

    List<String> ids = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    boolean[] taken = new boolean[w];
    for (int p = 0; p < selectedCount; p++) {
      taken[byPosition[p]] = true;
      ids.add(firstIds.get(byPosition[p]));
      scores.add((float) ((double) max + (k - p)));
    }
    for (int i = 0; i < firstIds.size(); i++) {
      if (i >= w || !taken[i]) {
        ids.add(firstIds.get(i));
        scores.add(firstScores.get(i));
      }
    }
    return new Expected(ids, scores);
  }

  private static void checkTransformer(
      Map<String, Object> rsp,
      Map<String, Object> section,
      List<String> firstIds,
      List<Float> firstScores) {
    List<Map<String, Object>> window = windowDocs(section);
    for (Map<String, Object> doc : docs(rsp)) {
      Map<String, Object> t = map(doc.get("[qrerank]"));
      String id = (String) doc.get("id");
      int rank = firstIds.indexOf(id);
      assertEquals(id, firstScores.get(rank), flt(t.get("originalScore")), 0f);
      if (rank < window.size()) {
        Map<String, Object> d = window.get(rank);
        assertEquals(id, d.get("selected"), t.get("selected"));
        assertEquals(id, d.get("position"), t.get("position"));
        assertEquals(id, num(d.get("v")), num(t.get("utility")), 0);
        assertEquals(id, t.containsKey("position") ? 4 : 3, t.size());
      } else {
        assertEquals(id, Boolean.FALSE, t.get("selected"));
        assertNull(t.get("position"));
        assertNull(t.get("utility"));
        assertEquals(id, 2, t.size());
      }
    }
  }

  /** The reported F(S) equals Σ v − λ Σ sim over the selected documents' debug values. */
  public static void checkObjective(Map<String, Object> section) {
    List<Map<String, Object>> window = windowDocs(section);
    List<Integer> selected = new ArrayList<>();
    for (int i = 0; i < window.size(); i++) {
      if ((Boolean) window.get(i).get("selected")) {
        selected.add(i);
      }
    }
    double[][] z = BruteForce.vectors(window);
    double[] v = BruteForce.utilities(window);
    double f = BruteForce.objective(selected, v, z, num(section.get("lambda")));
    assertEquals("objective", f, num(section.get("objective")), 1e-9);
  }
}
