package io.github.qrerank.it.cloud;

import static io.github.qrerank.solr.Responses.debugSection;
import static io.github.qrerank.solr.Responses.ids;
import static io.github.qrerank.solr.Responses.integer;
import static io.github.qrerank.solr.Responses.map;
import static io.github.qrerank.solr.Responses.num;
import static io.github.qrerank.solr.Responses.numFound;
import static io.github.qrerank.solr.Responses.scores;
import static io.github.qrerank.solr.Responses.windowDocs;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.github.qrerank.solr.BruteForce;
import io.github.qrerank.solr.BruteForce.CapRule;
import io.github.qrerank.solr.BruteForce.QuotaRule;
import io.github.qrerank.solr.Contract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.JsonMapResponseParser;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.NamedList;

/**
 * The single-core contract checks of the plugin module ({@link Contract}, {@link BruteForce}, from
 * its test-jar), run on a SolrCloud answer. For a request and the page the cluster answered, it
 * asks the same collection for the request's first pass (without {@code rq}, every hit) and for
 * the re-ranked request with every hit, {@code [qrerank]} and the debug section, then checks:
 *
 * <ul>
 *   <li>{@link Contract#check}: the window is the distributed first pass's top {@code reRankDocs},
 *       the selection's order, every score, the transformer values and F(S) as the contract says;
 *   <li>for the exact solver, {@link BruteForce#assertOptimal} where the window is small enough to
 *       enumerate ({@value #BRUTE_FORCE_SUBSETS} subsets of a size at most);
 *   <li>against the indexed documents themselves: each window document's constrained values and
 *       eligibility in the debug section (which brute force reads), and the selection's caps,
 *       stock and quota counts;
 *   <li>the page: its ids and scores are the slice {@code start}, {@code rows} of that order, and
 *       its own debug section (if any) selected the same documents with the same F(S).
 * </ul>
 *
 * Constrained fields are compared by their string value, which is the canonical group value for
 * the string fields these tests cap and count ({@code brand}, {@code category}).
 */
final class CloudContract {
  static final long BRUTE_FORCE_SUBSETS = 150_000;

  private final SolrClient client;
  private final Map<String, SolrInputDocument> indexed = new HashMap<>();

  /**
   * @param client a client of the cluster
   * @param documents every document indexed in the collections it checks
   */
  CloudContract(SolrClient client, List<SolrInputDocument> documents) {
    this.client = client;
    for (SolrInputDocument d : documents) {
      indexed.put((String) d.getFieldValue("id"), d);
    }
  }

  /** What was checked. */
  record Checked(Contract.Expected expected, Map<String, Object> section, boolean bruteForced) {}

  /** Checks {@code page}, the cluster's answer to {@code q} on {@code collection}. */
  Checked check(String collection, SolrQuery q, Answer page) throws Exception {
    String context = collection + " " + q;
    RankParams rank = RankParams.of(q);
    long hits = page.numFound();
    Map<String, Object> first = json(collection, firstPass(q, hits));
    assertEquals(context + ": first-pass hits", hits, numFound(first));
    Map<String, Object> all = json(collection, everyHit(q, hits));
    Contract.Expected expected = Contract.check(all, ids(first), scores(first), rank.reRankDocs());
    Map<String, Object> section = debugSection(all);
    boolean bruteForced = checkSelection(section, rank, context);
    checkPage(context, q, page, expected, section);
    return new Checked(expected, section, bruteForced);
  }

  /**
   * The checks of {@link #check} that need no second request: the selection of one answer (asked
   * for here, with its debug section) against the indexed documents and, where the window is small
   * enough, brute force. For answers whose window another request may not reproduce: where
   * first-pass scores tie across shards of a collection with several replicas, Solr's merge orders
   * the ties by the replicas it picked for that request.
   *
   * @return the answer's debug section
   */
  Map<String, Object> checkSelection(String collection, SolrQuery q) throws Exception {
    SolrQuery debug = q.getCopy();
    debug.set("debugQuery", true);
    Map<String, Object> section = debugSection(json(collection, debug));
    checkSelection(section, RankParams.of(q), collection + " " + q);
    return section;
  }

  /** @return whether brute force checked the optimum */
  private boolean checkSelection(Map<String, Object> section, RankParams rank, String context) {
    checkAgainstDocuments(section, rank, context);
    boolean bruteForced =
        "exact".equals(rank.solver())
            && subsets(windowDocs(section).size(), rank.k()) <= BRUTE_FORCE_SUBSETS;
    if (bruteForced) {
      BruteForce.assertOptimal(section, rank.caps(), rank.quotas(), context);
    }
    return bruteForced;
  }

  /** Runs {@code q} on {@code collection} and parses the JSON answer as the plugin tests do. */
  Map<String, Object> json(String collection, SolrQuery q) throws Exception {
    QueryRequest request = new QueryRequest(q);
    request.setResponseParser(new JsonMapResponseParser());
    NamedList<Object> rsp = client.request(request, collection);
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < rsp.size(); i++) {
      out.put(rsp.getName(i), rsp.getVal(i));
    }
    return out;
  }

  private static SolrQuery firstPass(SolrQuery q, long hits) {
    SolrQuery first = q.getCopy();
    first.remove("rq");
    first.remove("debugQuery");
    first.setFields("id", "score");
    first.setStart(0);
    first.setRows((int) Math.max(1, hits));
    return first;
  }

  private static SolrQuery everyHit(SolrQuery q, long hits) {
    SolrQuery all = q.getCopy();
    all.setFields("id", "score", "[qrerank]");
    all.setStart(0);
    all.setRows((int) Math.max(1, hits));
    all.set("debugQuery", true);
    return all;
  }

  private void checkAgainstDocuments(Map<String, Object> section, RankParams rank, String context) {
    List<String> fields = new ArrayList<>();
    rank.caps().forEach(c -> fields.add(c.field()));
    rank.quotas().forEach(c -> fields.add(c.field()));
    List<SolrInputDocument> selected = new ArrayList<>();
    for (Map<String, Object> d : windowDocs(section)) {
      String id = (String) d.get("id");
      SolrInputDocument doc = indexed.get(id);
      assertNotNull(context + ": " + id + " is not an indexed document", doc);
      Map<String, Object> groups = map(d.get("groups"));
      for (String field : fields) {
        assertEquals(context + ": " + id + "." + field, value(doc, field), groups.get(field));
      }
      boolean eligible = rank.stockField() == null || stock(doc, rank) >= rank.minStock();
      assertEquals(context + ": " + id + " eligible", eligible, d.get("eligible"));
      if (Boolean.TRUE.equals(d.get("selected"))) {
        selected.add(doc);
      }
    }
    assertTrue(context + ": more than k selected", selected.size() <= rank.k());
    for (SolrInputDocument doc : selected) {
      assertTrue(
          context + ": selected out of stock: " + doc,
          rank.stockField() == null || stock(doc, rank) >= rank.minStock());
    }
    for (CapRule cap : rank.caps()) {
      Map<String, Integer> counts = new HashMap<>();
      for (SolrInputDocument doc : selected) {
        String v = value(doc, cap.field());
        if (v != null) {
          counts.merge(v, 1, Integer::sum);
        }
      }
      counts.forEach(
          (v, n) -> assertTrue(context + ": cap " + cap + " broken by " + v, n <= cap.max()));
    }
    @SuppressWarnings("unchecked")
    List<Object> reports = (List<Object>) map(section.get("constraints")).get("quotas");
    assertEquals(context + ": quota reports", rank.quotas().size(), reports.size());
    boolean met = true;
    for (int i = 0; i < rank.quotas().size(); i++) {
      QuotaRule quota = rank.quotas().get(i);
      long achieved =
          selected.stream().filter(d -> quota.value().equals(value(d, quota.field()))).count();
      assertEquals(context + ": " + quota, achieved, integer(map(reports.get(i)).get("achieved")));
      met &= achieved >= quota.min();
    }
    assertEquals(
        context + ": complete", selected.size() == rank.k() && met, section.get("complete"));
  }

  private static void checkPage(
      String context,
      SolrQuery q,
      Answer page,
      Contract.Expected expected,
      Map<String, Object> section) {
    int size = expected.ids().size();
    int start = q.getStart() == null ? 0 : q.getStart();
    int rows = q.getRows() == null ? 10 : q.getRows();
    int from = Math.min(start, size);
    int to = (int) Math.min((long) start + rows, size);
    if (!page.ids().contains(null)) {
      assertEquals(context + ": page ids", expected.ids().subList(from, to), page.ids());
    }
    if (!page.scores().contains(null)) {
      assertEquals(context + ": page scores", expected.scores().subList(from, to), page.scores());
    }
    if (page.section() != null) {
      String[] selected = new String[integer(section.get("selectedCount"))];
      for (Map<String, Object> d : windowDocs(section)) {
        if (Boolean.TRUE.equals(d.get("selected"))) {
          selected[integer(d.get("position"))] = (String) d.get("id");
        }
      }
      assertEquals(context + ": page selection", Arrays.asList(selected), page.selectedIds());
      assertEquals(context + ": page F(S)", num(section.get("objective")), page.objective(), 0);
    }
  }

  private static String value(SolrInputDocument doc, String field) {
    Object v = doc.getFieldValue(field);
    return v == null ? null : v.toString();
  }

  private static double stock(SolrInputDocument doc, RankParams rank) {
    Object v = doc.getFieldValue(rank.stockField());
    return v == null ? 0 : ((Number) v).doubleValue();
  }

  /** The most subsets of one size up to {@code k} that brute force enumerates over {@code w}. */
  static long subsets(int w, int k) {
    long most = 1;
    long c = 1;
    for (int s = 1; s <= Math.min(k, w); s++) {
      c = c * (w - s + 1) / s;
      most = Math.max(most, c);
      if (most > BRUTE_FORCE_SUBSETS) {
        return most;
      }
    }
    return most;
  }
}
