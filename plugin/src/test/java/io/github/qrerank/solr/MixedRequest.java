package io.github.qrerank.solr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One request of {@link QRerankConcurrencyTest}'s mix: a seeded random {@code {!qrerank}} request
 * ({@link QRerankConstraintsTest#randomRequest}) with a solver, main query, filter, sort, page,
 * debug and transformer choice, and what the sequential run established about it.
 *
 * <p>Two knobs decide whether the query result cache can answer it: {@code noCache} adds {@code
 * cache=false} to the rank query (its {@code getCache()} decides, since Solr caches the rank query
 * wrapped around the main one), and {@code salted} adds {@code timeoutMs=60000-salt}, a value that
 * changes the query's identity (every parameter is part of {@code equals}) but not its answer
 * (every solver finishes well within a minute), so that each round's first send is a miss.
 */
final class MixedRequest {
  static final String[] SOLVERS = {"exact", "greedy", "auto", "qaoa"};
  private static final String[] FILTERS = {"-category:home", "is_new:true", "price:[0 TO 300]"};
  private static final String[] SORTS = {"price asc, id asc", "popularity desc, id desc"};
  /** The test core's default timeoutMs (solrconfig.xml): ample for every request of the mix. */
  static final int TIMEOUT_MS = 60000;

  final int n;
  final boolean large;
  final QRerankConstraintsTest.Request model;
  final String solver;
  final String q;
  final String fq;
  final String sort;
  final boolean userVectorByReference;
  final int start;
  final int rows;
  final boolean debug;
  final boolean transformer;
  final boolean noCache;
  final boolean salted;

  // What the sequential run found (set once, before the concurrent rounds).
  List<String> firstIds;
  List<Float> firstScores;
  Map<String, Object> reference;
  long numFound;
  int windowSize;
  String fallbackReason;

  private MixedRequest(int n, Random r, boolean large) {
    this.n = n;
    this.large = large;
    this.solver = SOLVERS[n % SOLVERS.length];
    this.model = QRerankConstraintsTest.randomRequest(r);
    model.local.put("solver", solver);
    // QAOA answers, or (now and then) runs beside a classical answer for comparison
    if (solver.equals("qaoa") || r.nextInt(8) == 0) {
      int k = Integer.parseInt(model.local.get("k"));
      if (!solver.equals("qaoa")) {
        model.local.put("compare", "qaoa");
      }
      model.local.put("seed", "" + r.nextInt(1000));
      model.local.put("shots", "" + (64 << r.nextInt(3)));
      model.local.put("layers", "" + (1 + r.nextInt(2)));
      model.local.put("qubits", "" + (Math.max(k, 2) + r.nextInt(6)));
    }
    if (large) {
      // C(24,7) = 346104 amplitudes: large enough for the simulator to split its phase pass over
      // the common ForkJoinPool, which every request's simulation then shares.
      model.local.put("reRankDocs", "40");
      model.local.put("k", "7");
      model.local.put("qubits", "24");
      model.local.put("layers", "1");
      model.local.remove("stockField");
      model.local.remove("minStock");
      model.minStock = null;
    }
    String[] queries = QRerankConstraintsTest.QUERIES;
    this.q = large ? "*:*" : queries[r.nextInt(queries.length)];
    String filter = r.nextInt(4) == 0 ? FILTERS[r.nextInt(FILTERS.length)] : null;
    this.fq = large ? null : filter; // a large request needs all 40 hits in its window
    this.sort = r.nextInt(5) == 0 ? SORTS[r.nextInt(SORTS.length)] : null;
    this.userVectorByReference = model.userVector != null && r.nextBoolean();
    int reRankDocs = reRankDocs();
    switch (r.nextInt(5)) {
      case 0 -> { start = 0; rows = 1000; }               // every hit
      case 1 -> { start = 0; rows = 10; }                 // the first page
      case 2 -> { start = 1 + r.nextInt(3); rows = 5; }   // inside the window
      case 3 -> { start = reRankDocs + r.nextInt(10); rows = 8; } // beyond the window
      default -> { start = 200; rows = 5; }               // beyond every hit: an empty page
    }
    this.debug = r.nextBoolean();
    this.transformer = r.nextBoolean();
    this.noCache = r.nextInt(6) == 0;
    this.salted = !noCache && r.nextInt(4) == 0;
  }

  /**
   * {@code count} requests from {@code seed}, cycling through the solvers, none equal to another
   * in what the query result cache keys on (rank query, main query, filter, sort); {@code large}
   * of the QAOA ones simulate a subspace big enough for the parallel phase pass.
   */
  static List<MixedRequest> mix(long seed, int count, int large) {
    Random r = new Random(seed);
    List<MixedRequest> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    int largeLeft = large;
    while (out.size() < count) {
      int n = out.size();
      boolean big = largeLeft > 0 && SOLVERS[n % SOLVERS.length].equals("qaoa");
      MixedRequest m = new MixedRequest(n, r, big);
      if (keys.add(m.rq(0) + "|" + m.q + "|" + m.fq + "|" + m.sort)) {
        out.add(m);
        largeLeft -= big ? 1 : 0;
      }
    }
    return out;
  }

  int reRankDocs() {
    return Integer.parseInt(model.local.get("reRankDocs"));
  }

  /** The rank query; {@code salt} > 0 changes its identity when the request is salted. */
  String rq(int salt) {
    StringBuilder sb = new StringBuilder("{!qrerank");
    model.local.forEach(
        (k, v) -> {
          if (k.equals("userVector") && userVectorByReference) {
            sb.append(" userVector=$uv");
          } else {
            sb.append(' ').append(k).append("='").append(v).append('\'');
          }
        });
    if (noCache) {
      sb.append(" cache=false");
    }
    if (salted) {
      sb.append(" timeoutMs=").append(TIMEOUT_MS - salt);
    }
    return sb.append('}').toString();
  }

  /** The main query, filter and sort: the first pass. */
  String[] firstPassParams() {
    List<String> p = new ArrayList<>(List.of("q", q));
    if (fq != null) {
      p.addAll(List.of("fq", fq));
    }
    if (sort != null) {
      p.addAll(List.of("sort", sort));
    }
    return p.toArray(new String[0]);
  }

  /** The request as the mix sends it. */
  String[] params(int salt) {
    return with(rq(salt), transformer ? "id,score,[qrerank]" : "id,score", start, rows, debug);
  }

  /** The same rank query for every hit, with the transformer and the debug section. */
  String[] fullParams() {
    return with(rq(0), "id,score,[qrerank]", 0, 1000, true);
  }

  private String[] with(String rq, String fl, int start, int rows, boolean debugQuery) {
    List<String> p = new ArrayList<>(List.of(firstPassParams()));
    if (userVectorByReference) {
      p.addAll(List.of("uv", model.local.get("userVector")));
    }
    p.addAll(List.of("rq", rq, "fl", fl, "start", "" + start, "rows", "" + rows));
    if (debugQuery) {
      p.addAll(List.of("debugQuery", "true"));
    }
    return p.toArray(new String[0]);
  }

  /** True when the page the request asks for holds no document. */
  boolean emptyPage() {
    return start >= numFound;
  }

  /**
   * The fewest solves one send of this request runs: one when the collector must run ({@code
   * cache=false}) or the outcome is needed (debug section, or transformer values to write), none
   * otherwise (the query result cache may answer); none either for an empty window.
   */
  int minSolves() {
    boolean needsOutcome = debug || (transformer && !emptyPage());
    return windowSize > 0 && (noCache || needsOutcome) ? 1 : 0;
  }

  /** The most solves one send runs: the collector's, or the recomputation of a cached answer. */
  int maxSolves() {
    return windowSize > 0 ? 1 : 0;
  }

  /**
   * What a send answered, without what may differ between equal answers: the response header
   * (QTime), Solr's own debug output (timing, the parsed query's text, which shows a salt), and in
   * the qrerank section the stage timings and whether the outcome was recomputed from a cached
   * list. Everything else is kept: hits, ids, scores, transformer values, objective, selection,
   * proven flags, bound, constraint report, window values, QAOA figures.
   */
  static Map<String, Object> comparable(Map<String, Object> rsp, boolean debug) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("response", rsp.get("response"));
    if (debug) {
      Map<String, Object> section = new LinkedHashMap<>(Responses.debugSection(rsp));
      section.remove("timingsMs");
      section.remove("recomputed");
      Object quantum = section.get("quantum");
      if (quantum != null) {
        Map<String, Object> copy = new LinkedHashMap<>(Responses.map(quantum));
        copy.remove("timingsMs");
        section.put("quantum", copy);
      }
      out.put("qrerank", section);
    }
    return out;
  }

  @Override
  public String toString() {
    return "request " + n + ": " + String.join(" ", params(0));
  }
}
