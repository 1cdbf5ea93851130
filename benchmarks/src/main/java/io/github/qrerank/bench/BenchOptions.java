package io.github.qrerank.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one benchmark run measures. {@link #full()} is what {@code ./bench.sh} runs; {@link
 * #quick()} is a seconds-long smoke run with the same code paths (its report says so).
 *
 * @param sections the sections measured (the others are reported as not measured in this run)
 * @param keep whether sections not measured are copied from the report being replaced, each
 *     marked with the run that measured it
 * @param exactSmall instances at N=100, k=5
 * @param exactLarge instances at N=1000, k=10
 * @param cpSatSmallSingle how many of the N=100 instances CP-SAT solves with 1 worker
 * @param cpSatSmallDefault ... with CP-SAT's default worker count
 * @param cpSatLargeSingle how many of the N=1000 instances CP-SAT solves with 1 worker
 * @param cpSatLargeDefault ... with CP-SAT's default worker count
 * @param cpSatTimeLimitSeconds CP-SAT's per-instance time limit
 * @param solrDocs catalog size for the end-to-end run
 * @param solrWarmUpQueries warm-up queries (none of them measured), each run once with each rank
 *     query per warm-up round
 * @param solrWarmUpRounds how many times the warm-up queries are sent before the measured ones, so
 *     that the JIT compiler has compiled both rank queries' code when they are timed
 * @param solrQueries measured queries (each run once with each rank query)
 * @param solrMinHits queries with fewer hits are not used (a full window needs reRankDocs)
 * @param quantum sample sizes of the quantum sections
 */
record BenchOptions(
    Path out,
    String command,
    boolean quick,
    Set<Section> sections,
    boolean keep,
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
    int solrWarmUpRounds,
    int solrQueries,
    int solrMinHits,
    QuantumSizes quantum) {

  static final String OUT = "--out";
  static final String COMMAND = "--command";
  static final String QUICK = "--quick";
  static final String SKIP_SOLR = "--skip-solr";
  static final String ONLY = "--only";
  static final String SKIP = "--skip";
  static final String KEEP = "--keep";

  static BenchOptions full(Path out, String command, Set<Section> sections, boolean keep) {
    return new BenchOptions(
        out, command, false, withDependencies(sections), keep, 1000, 50, 300, 2, 300, 100, 3, 2, 10.0,
        50_000, 150, 10, 200, 100, QuantumSizes.full());
  }

  static BenchOptions quick(Path out, String command, Set<Section> sections, boolean keep) {
    return new BenchOptions(
        out, command, true, withDependencies(sections), keep, 40, 3, 20, 1, 20, 5, 2, 1, 5.0, 2_000, 10,
        1, 20, 20, QuantumSizes.quick());
  }

  BenchOptions {
    sections = Set.copyOf(sections);
  }

  /** Whether the run measures {@code section}. */
  boolean runs(Section section) {
    return sections.contains(section);
  }

  /** Whether the run measures the end-to-end Solr section. */
  boolean solr() {
    return runs(Section.SOLR);
  }

  /** CP-SAT's section compares against the exact solver's times, so it needs that section too. */
  static Set<Section> withDependencies(Set<Section> sections) {
    EnumSet<Section> s = sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
    if (s.contains(Section.CPSAT)) {
      s.add(Section.EXACT);
    }
    return s;
  }

  /**
   * Parses {@code [--out FILE] [--command TEXT] [--quick] [--only SECTIONS] [--skip SECTIONS]
   * [--skip-solr] [--keep]}; SECTIONS is a comma-separated list of {@link Section} option names.
   * {@code --only} picks the sections to measure (default: all), {@code --skip} removes some,
   * {@code --skip-solr} is {@code --skip solr,cloud,remote}; {@code --keep} copies the sections not measured
   * from the file being replaced, each marked with the run that measured it.
   */
  static BenchOptions parse(String[] args) {
    Path out = Path.of("BENCHMARKS.md");
    String command = "./bench.sh";
    boolean quick = false;
    boolean keep = false;
    EnumSet<Section> sections = EnumSet.allOf(Section.class);
    EnumSet<Section> skipped = EnumSet.noneOf(Section.class);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case OUT -> out = Path.of(value(args, ++i, OUT));
        case COMMAND -> command = value(args, ++i, COMMAND);
        case QUICK -> quick = true;
        case KEEP -> keep = true;
        case SKIP_SOLR -> skipped.addAll(EnumSet.of(Section.SOLR, Section.CLOUD, Section.REMOTE));
        case ONLY -> sections = sectionList(value(args, ++i, ONLY), ONLY);
        case SKIP -> skipped.addAll(sectionList(value(args, ++i, SKIP), SKIP));
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
                    + ONLY
                    + " SECTIONS, "
                    + SKIP
                    + " SECTIONS, "
                    + SKIP_SOLR
                    + ", "
                    + KEEP
                    + " (sections: "
                    + Section.names(EnumSet.allOf(Section.class))
                    + ")");
      }
    }
    sections.removeAll(skipped);
    if (sections.isEmpty()) {
      throw new IllegalArgumentException(ONLY + " and " + SKIP + " leave no section to measure");
    }
    return quick ? quick(out, command, sections, keep) : full(out, command, sections, keep);
  }

  private static EnumSet<Section> sectionList(String list, String option) {
    EnumSet<Section> s = EnumSet.noneOf(Section.class);
    try {
      Arrays.stream(list.split(",")).filter(x -> !x.isBlank()).map(Section::parse).forEach(s::add);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException(option + " needs at least one section name");
    }
    return s;
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }
}
