package io.github.qrerank.bench;

import java.nio.file.Path;

/**
 * What one benchmark run measures. {@link #full()} is what {@code ./bench.sh} runs; {@link
 * #quick()} is a seconds-long smoke run with the same code paths (its report says so).
 *
 * @param exactSmall instances at N=100, k=5
 * @param exactLarge instances at N=1000, k=10
 * @param cpSatSmallSingle how many of the N=100 instances CP-SAT solves with 1 worker
 * @param cpSatSmallDefault ... with CP-SAT's default worker count
 * @param cpSatLargeSingle how many of the N=1000 instances CP-SAT solves with 1 worker
 * @param cpSatLargeDefault ... with CP-SAT's default worker count
 * @param cpSatTimeLimitSeconds CP-SAT's per-instance time limit
 * @param solrDocs catalog size for the end-to-end run
 * @param solrQueries measured queries (each run once with each rank query)
 * @param solrMinHits queries with fewer hits are not used (a full window needs reRankDocs)
 */
record BenchOptions(
    Path out,
    String command,
    boolean quick,
    boolean solr,
    int exactSmall,
    int exactLarge,
    int warmUpSmall,
    int warmUpLarge,
    int cpSatSmallSingle,
    int cpSatSmallDefault,
    int cpSatLargeSingle,
    int cpSatLargeDefault,
    double cpSatTimeLimitSeconds,
    int solrDocs,
    int solrWarmUpQueries,
    int solrQueries,
    int solrMinHits) {

  static final String OUT = "--out";
  static final String COMMAND = "--command";
  static final String QUICK = "--quick";
  static final String SKIP_SOLR = "--skip-solr";

  static BenchOptions full(Path out, String command, boolean solr) {
    return new BenchOptions(
        out, command, false, solr, 1000, 50, 300, 2, 300, 100, 3, 2, 10.0, 50_000, 150, 200, 100);
  }

  static BenchOptions quick(Path out, String command, boolean solr) {
    return new BenchOptions(
        out, command, true, solr, 40, 3, 20, 1, 20, 5, 2, 1, 5.0, 2_000, 10, 20, 20);
  }

  /** Parses {@code [--out FILE] [--command TEXT] [--quick] [--skip-solr]}. */
  static BenchOptions parse(String[] args) {
    Path out = Path.of("BENCHMARKS.md");
    String command = "./bench.sh";
    boolean quick = false;
    boolean solr = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case OUT -> out = Path.of(value(args, ++i, OUT));
        case COMMAND -> command = value(args, ++i, COMMAND);
        case QUICK -> quick = true;
        case SKIP_SOLR -> solr = false;
        default ->
            throw new IllegalArgumentException(
                "unknown argument "
                    + args[i]
                    + "; expected "
                    + OUT
                    + " FILE, "
                    + COMMAND
                    + " TEXT, "
                    + QUICK
                    + ", "
                    + SKIP_SOLR);
      }
    }
    return quick ? quick(out, command, solr) : full(out, command, solr);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }
}
