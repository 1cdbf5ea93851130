package io.github.qrerank.solr;

import static io.github.qrerank.solr.QRerankSearchTest.firstPass;
import static io.github.qrerank.solr.QRerankSearchTest.reranked;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Many seeded random requests: the selection respects stock, caps and quotas (checked against the
 * catalog's own values), its objective is the optimum found by brute force over the debug values,
 * and every value qrerank read from the index (numbers of each type, booleans, groups, float and
 * byte vectors, missing values) matches the catalog.
 */
public class QRerankConstraintsTest extends QRerankTestCase {
  private static final Catalog CATALOG = QRerankSearchTest.CATALOG;
  static final String[] QUERIES = {
    "phone", "phone case pro", "charger cable", "screen wireless fast", "max mini", "*:*"
  };

  @BeforeClass
  public static void beforeClass() throws Exception {
    initQRerankCore();
    index(CATALOG, 3, QRerankSearchTest.DELETED);
  }

  /** One random request's parameters, kept to check the answer. */
  static final class Request {
    final Map<String, String> local = new LinkedHashMap<>();
    final Map<String, Double> utility = new LinkedHashMap<>();
    final List<BruteForce.CapRule> caps = new ArrayList<>();
    final List<BruteForce.QuotaRule> quotas = new ArrayList<>();
    float[] userVector;
    Integer minStock;
    String vectorField = "embedding";

    String rq() {
      StringBuilder sb = new StringBuilder("{!qrerank");
      local.forEach((k, v) -> sb.append(' ').append(k).append("='").append(v).append('\''));
      return sb.append('}').toString();
    }
  }

  static Request randomRequest(Random r) {
    Request q = new Request();
    int reRankDocs = 5 + r.nextInt(18);
    int k = 1 + r.nextInt(Math.min(5, reRankDocs));
    q.local.put("reRankDocs", "" + reRankDocs);
    q.local.put("k", "" + k);
    q.local.put("lambda", "" + r.nextInt(4) * 0.5);
    q.local.put("dims", "" + (r.nextBoolean() ? 8 : 1 + r.nextInt(4)));
    for (String f : new String[] {"price", "margin", "popularity", "is_new", "rating"}) {
      if (r.nextInt(3) == 0) {
        q.utility.put(f, Math.round((r.nextDouble() * 3 - 1) * 100) / 100.0);
      }
    }
    if (!q.utility.isEmpty()) {
      StringBuilder u = new StringBuilder();
      q.utility.forEach((f, w) -> u.append(u.length() == 0 ? "" : ",").append(f).append(':').append(w));
      q.local.put("utility", u.toString());
    }
    if (r.nextInt(5) == 0) {
      q.vectorField = "embedding_byte";
      q.local.put("vectorField", q.vectorField);
    }
    if (r.nextBoolean()) {
      q.userVector = new float[4];
      StringBuilder v = new StringBuilder("[");
      for (int d = 0; d < 4; d++) {
        q.userVector[d] = Math.round((r.nextFloat() * 2 - 1) * 100) / 100f;
        v.append(d == 0 ? "" : ",").append(q.userVector[d]);
      }
      q.local.put("userVector", v.append(']').toString());
      q.local.put("affinityWeight", "" + (1 + r.nextInt(3)));
    }
    if (r.nextInt(5) < 3) {
      q.minStock = 1 + r.nextInt(4);
      q.local.put("stockField", "stock");
      q.local.put("minStock", "" + q.minStock);
    }
    if (r.nextBoolean()) {
      q.caps.add(new BruteForce.CapRule("brand", 1 + r.nextInt(2)));
    }
    if (r.nextInt(5) < 2) {
      q.caps.add(new BruteForce.CapRule("category", 1 + r.nextInt(2)));
    }
    if (r.nextInt(5) == 0) {
      q.caps.add(new BruteForce.CapRule("is_new", 1 + r.nextInt(3)));
    }
    if (!q.caps.isEmpty()) {
      q.local.put("caps", join(q.caps, c -> c.field() + ":" + c.max()));
    }
    if (r.nextInt(5) < 2) {
      q.quotas.add(new BruteForce.QuotaRule("is_new", "true", 1 + r.nextInt(2)));
    }
    if (r.nextInt(10) < 3) {
      String c = Catalog.CATEGORIES[r.nextInt(Catalog.CATEGORIES.length)];
      q.quotas.add(new BruteForce.QuotaRule("category", c, 1));
    }
    if (r.nextInt(5) == 0) {
      String b = Catalog.BRANDS[r.nextInt(Catalog.BRANDS.length)];
      q.quotas.add(new BruteForce.QuotaRule("brand", b, 1));
    }
    if (!q.quotas.isEmpty()) {
      // booleans in another spelling: the quota value is canonicalised through the field type
      q.local.put(
          "quotas",
          join(q.quotas, x -> x.field() + "=" + spelling(x) + ":" + x.min()));
    }
    return q;
  }

  private static String spelling(BruteForce.QuotaRule quota) {
    return quota.field().equals("is_new") ? quota.value().toUpperCase(Locale.ROOT) : quota.value();
  }

  private static <T> String join(List<T> items, Function<T, String> f) {
    StringBuilder sb = new StringBuilder();
    for (T t : items) {
      sb.append(sb.length() == 0 ? "" : ",").append(f.apply(t));
    }
    return sb.toString();
  }

  @Test
  public void randomRequestsRespectConstraintsAndAreOptimal() throws Exception {
    Random r = new Random(20260101L);
    int complete = 0;
    int incomplete = 0;
    for (int round = 0; round < 75; round++) {
      Request q = randomRequest(r);
      // every third request: a solver that may stop early; hard constraints must hold all the same
      boolean exact = round % 3 != 0;
      if (!exact) {
        q.local.put("solver", r.nextBoolean() ? "greedy" : "auto");
        q.local.put("timeoutMs", "1");
      }
      List<String> params = new ArrayList<>(List.of("q", QUERIES[r.nextInt(QUERIES.length)]));
      if (r.nextInt(5) == 0) {
        params.addAll(List.of("fq", "-category:home"));
      }
      String[] p = params.toArray(new String[0]);
      String message = "round " + round + ": " + params + " " + q.rq();
      Map<String, Object> first = firstPass(p);
      Map<String, Object> rsp = reranked(q.rq(), p);
      int reRankDocs = Integer.parseInt(q.local.get("reRankDocs"));
      Contract.check(rsp, ids(first), scores(first), reRankDocs);
      Map<String, Object> section = debugSection(rsp);
      checkValues(section, q, message);
      checkConstraintsAgainstCatalog(section, q, message);
      if (!exact) {
        continue;
      }
      if (BruteForce.assertOptimal(section, q.caps, q.quotas, message)) {
        complete++;
      } else {
        incomplete++;
      }
    }
    assertTrue("some requests are feasible", complete > 15);
    assertTrue("some requests are infeasible", incomplete > 2);
  }

  /** Hard constraints hold and the constraint report is right, with the catalog's values. */
  static void checkConstraintsAgainstCatalog(
      Map<String, Object> section, Request q, String message) {
    List<Catalog.Product> selected = new ArrayList<>();
    for (Map<String, Object> d : windowDocs(section)) {
      if ((Boolean) d.get("selected")) {
        selected.add(CATALOG.get((String) d.get("id")));
      }
    }
    int k = integer(section.get("k"));
    assertTrue(message, selected.size() <= k);
    if (q.minStock != null) {
      for (Catalog.Product p : selected) {
        int stock = p.stock() == null ? 0 : p.stock();
        assertTrue(message + " stock of " + p.id(), stock >= q.minStock);
      }
    }
    List<Object> capReports = (List<Object>) map(section.get("constraints")).get("caps");
    assertEquals(message, q.caps.size(), capReports.size());
    for (int c = 0; c < q.caps.size(); c++) {
      BruteForce.CapRule cap = q.caps.get(c);
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Catalog.Product p : selected) {
        String g = group(p, cap.field());
        if (g != null) {
          counts.merge(g, 1, Integer::sum);
        }
      }
      int used = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      assertTrue(message + " cap " + cap, used <= cap.max());
      Map<String, Object> report = map(capReports.get(c));
      assertEquals(message, cap.field(), report.get("field"));
      assertEquals(message, cap.max(), integer(report.get("max")));
      assertEquals(message, used, integer(report.get("used")));
      Map<String, Object> perGroup = map(report.get("perGroup"));
      assertEquals(message, counts.keySet(), perGroup.keySet());
      counts.forEach((g, n) -> assertEquals(message, (int) n, integer(perGroup.get(g))));
    }
    List<Object> quotaReports = (List<Object>) map(section.get("constraints")).get("quotas");
    boolean quotasMet = true;
    for (int i = 0; i < q.quotas.size(); i++) {
      BruteForce.QuotaRule quota = q.quotas.get(i);
      long achieved =
          selected.stream().filter(p -> quota.value().equals(group(p, quota.field()))).count();
      Map<String, Object> report = map(quotaReports.get(i));
      assertEquals(message, quota.field(), report.get("field"));
      assertEquals(message, quota.value(), report.get("value"));
      assertEquals(message, quota.min(), integer(report.get("min")));
      assertEquals(message, achieved, integer(report.get("achieved")));
      assertEquals(message, achieved >= quota.min(), report.get("met"));
      quotasMet &= achieved >= quota.min();
    }
    assertEquals(message, selected.size() == k && quotasMet, section.get("complete"));
    assertEquals(message, selected.size(), integer(section.get("selectedCount")));
  }

  /** The canonical group value of a product's field, as qrerank writes it. */
  private static String group(Catalog.Product p, String field) {
    switch (field) {
      case "brand":
        return p.brand();
      case "category":
        return p.category();
      case "is_new":
        return p.isNew() == null ? null : p.isNew().toString();
      case "stock":
        return p.stock() == null ? null : p.stock().toString();
      default:
        throw new IllegalArgumentException(field);
    }
  }

  private static Double number(Catalog.Product p, String field) {
    Number n;
    switch (field) {
      case "price" -> n = p.price();
      case "margin" -> n = p.margin();
      case "popularity" -> n = p.popularity();
      case "rating" -> n = p.rating();
      case "views" -> n = p.views();
      case "stock" -> n = p.stock();
      case "is_new" -> n = p.isNew() == null ? null : (p.isNew() ? 1 : 0);
      default -> throw new IllegalArgumentException(field);
    }
    return n == null ? null : n.doubleValue();
  }

  private static double[] vectorOf(Catalog.Product p, String vectorField) {
    if (vectorField.equals("embedding")) {
      if (p.embedding() == null) {
        return null;
      }
      double[] v = new double[4];
      for (int d = 0; d < 4; d++) {
        v[d] = p.embedding()[d];
      }
      return v;
    }
    if (p.embeddingByte() == null) {
      return null;
    }
    return java.util.Arrays.stream(p.embeddingByte()).asDoubleStream().toArray();
  }

  /**
   * Every window document's values against the catalog: constrained values, normalised utility
   * fields, affinity, eligibility, whether it has a compressed vector, and v_i.
   */
  static void checkValues(Map<String, Object> section, Request q, String message) {
    List<Map<String, Object>> window = windowDocs(section);
    Map<String, double[]> normalised = new LinkedHashMap<>();
    for (String f : q.utility.keySet()) {
      Double[] raw = new Double[window.size()];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < raw.length; i++) {
        raw[i] = number(CATALOG.get((String) window.get(i).get("id")), f);
        if (raw[i] != null) {
          min = Math.min(min, raw[i]);
          max = Math.max(max, raw[i]);
        }
      }
      double[] x = new double[raw.length];
      for (int i = 0; i < raw.length; i++) {
        double value = raw[i] == null ? min : raw[i];
        x[i] = min == Double.POSITIVE_INFINITY ? 0 : max > min ? (value - min) / (max - min) : 1;
      }
      normalised.put(f, x);
    }
    double scoreWeight = num(section.get("scoreWeight"));
    double affinityWeight = num(section.get("affinityWeight"));
    for (int i = 0; i < window.size(); i++) {
      Map<String, Object> d = window.get(i);
      Catalog.Product p = CATALOG.get((String) d.get("id"));
      String m = message + " doc " + p.id();
      Map<String, Object> values = map(d.get("groups"));
      if (q.minStock != null) {
        Double stock = number(p, "stock");
        assertEquals(m, stock, d.get("stock") == null ? null : num(d.get("stock")));
        assertEquals(m, (stock == null ? 0 : stock) >= q.minStock, d.get("eligible"));
      } else {
        assertEquals(m, Boolean.TRUE, d.get("eligible"));
        assertFalse(m, d.containsKey("stock"));
      }
      for (BruteForce.CapRule c : q.caps) {
        assertEquals(m, group(p, c.field()), values.get(c.field()));
      }
      for (BruteForce.QuotaRule c : q.quotas) {
        assertEquals(m, group(p, c.field()), values.get(c.field()));
      }
      double v = scoreWeight * num(d.get("normalizedScore"));
      Map<String, Object> utility = map(d.get("utility"));
      assertEquals(m, q.utility.keySet(), utility.keySet());
      for (Map.Entry<String, double[]> e : normalised.entrySet()) {
        assertEquals(m + " " + e.getKey(), e.getValue()[i], num(utility.get(e.getKey())), 1e-9);
        v += q.utility.get(e.getKey()) * e.getValue()[i];
      }
      double[] e = vectorOf(p, q.vectorField);
      double affinity = 0;
      if (q.userVector != null && e != null) {
        double dot = 0;
        double nu = 0;
        double ne = 0;
        for (int j = 0; j < 4; j++) {
          dot += q.userVector[j] * e[j];
          nu += (double) q.userVector[j] * q.userVector[j];
          ne += e[j] * e[j];
        }
        affinity = nu == 0 || ne == 0 ? 0 : dot / Math.sqrt(nu * ne);
      }
      assertEquals(m + " affinity", affinity, num(d.get("affinity")), 1e-9);
      v += affinityWeight * affinity;
      assertEquals(m + " v", v, num(d.get("v")), 1e-9);
      if (e == null) {
        assertNull(m + " no vector, no z", d.get("z"));
      }
    }
  }

  @Test
  public void everyFieldTypeIsReadAsIndexed() throws Exception {
    Request q = new Request();
    q.local.put("reRankDocs", "1000");
    q.local.put("k", "3");
    for (String f : new String[] {"price", "views", "rating", "is_new", "popularity"}) {
      q.utility.put(f, 1.0);
    }
    q.local.put("utility", "price:1,views:1,rating:1,is_new:1,popularity:1");
    q.minStock = 2;
    q.local.put("stockField", "stock");
    q.local.put("minStock", "2");
    q.caps.add(new BruteForce.CapRule("stock", 1));
    q.caps.add(new BruteForce.CapRule("is_new", 2));
    q.local.put("caps", "stock:1,is_new:2");
    q.quotas.add(new BruteForce.QuotaRule("stock", "3", 1));
    q.local.put("quotas", "stock=+3:1");
    q.userVector = new float[] {0.5f, -0.25f, 1f, 0f};
    q.local.put("userVector", "[0.5,-0.25,1,0]");
    for (String vectorField : new String[] {"embedding", "embedding_byte"}) {
      q.vectorField = vectorField;
      q.local.put("vectorField", vectorField);
      Map<String, Object> first = firstPass("q", "*:*");
      Map<String, Object> rsp = reranked(q.rq(), "q", "*:*");
      Contract.check(rsp, ids(first), scores(first), 1000);
      Map<String, Object> section = debugSection(rsp);
      assertEquals(CATALOG.all().size() - QRerankSearchTest.DELETED.length,
          integer(section.get("windowSize")));
      checkValues(section, q, vectorField);
      checkConstraintsAgainstCatalog(section, q, vectorField);
      int withVector = 0;
      for (Map<String, Object> d : windowDocs(section)) {
        Catalog.Product p = CATALOG.get((String) d.get("id"));
        boolean has = vectorOf(p, vectorField) != null;
        assertEquals(p.id(), has, d.get("z") != null);
        withVector += has ? 1 : 0;
      }
      assertTrue(withVector > 0 && withVector < windowDocs(section).size());
    }
  }
}
