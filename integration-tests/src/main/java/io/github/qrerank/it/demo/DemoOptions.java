package io.github.qrerank.it.demo;

import java.nio.file.Path;

/**
 * The demo's command line: {@code --docs N}, {@code --port P} (0 picks a free port), {@code --seed
 * S}, {@code --home DIR}, {@code --exit} (stop after the printout instead of serving), {@code
 * --cloud} (a 2-shard SolrCloud instead of one core) and {@code --remote} (qrerank's provider
 * server beside the core, and the {@code solver=remote} examples). {@code --remote} needs one core:
 * it is refused with {@code --cloud}.
 */
public record DemoOptions(
    int docs,
    int port,
    long seed,
    Path home,
    boolean exitAfterPrintout,
    boolean cloud,
    boolean remote) {

  public static final String DOCS = "--docs";
  public static final String PORT = "--port";
  public static final String SEED = "--seed";
  public static final String HOME = "--home";
  public static final String EXIT = "--exit";
  public static final String CLOUD = "--cloud";
  public static final String REMOTE = "--remote";
  public static final String HELP = "--help";

  public static final int DEFAULT_DOCS = 50_000;
  public static final int DEFAULT_PORT = 8983;
  public static final long DEFAULT_SEED = 42L;
  public static final Path DEFAULT_HOME = Path.of("demo-home");

  /** The smallest catalog the example queries still make sense on. */
  public static final int MIN_DOCS = 100;

  public static final String USAGE =
      String.join(
          "\n",
          "usage: demo.sh [--docs N] [--port P] [--seed S] [--home DIR] [--exit]"
              + " [--cloud | --remote]",
          "  --docs N    products to generate and index (default 50000, at least 100)",
          "  --port P    Solr port on 127.0.0.1 (default 8983; 0 picks a free port)",
          "  --seed S    seed of the generated catalog (default 42)",
          "  --home DIR  Solr home to (re)create (default ./demo-home)",
          "  --exit      stop Solr and exit after the printout instead of serving",
          "  --cloud     a 2-shard SolrCloud (embedded ZooKeeper, two Solr nodes on 127.0.0.1,",
          "              the first on --port) with a collection 'products' instead of one core",
          "  --remote    also start qrerank's quantum provider server on 127.0.0.1 (a free port,",
          "              a random token in DIR/provider-token) and show solver=remote answered by",
          "              it, falling back on a timeout, then reusing the late answer (one core",
          "              only: not with --cloud)");

  /** Options for one core (no {@code --cloud}). */
  public DemoOptions(int docs, int port, long seed, Path home, boolean exitAfterPrintout) {
    this(docs, port, seed, home, exitAfterPrintout, false, false);
  }

  /** Options without {@code --remote}. */
  public DemoOptions(
      int docs, int port, long seed, Path home, boolean exitAfterPrintout, boolean cloud) {
    this(docs, port, seed, home, exitAfterPrintout, cloud, false);
  }

  public DemoOptions {
    if (docs < MIN_DOCS) {
      throw new IllegalArgumentException(DOCS + " must be at least " + MIN_DOCS + ", got " + docs);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(PORT + " must be in [0, 65535], got " + port);
    }
    if (cloud && remote) {
      throw new IllegalArgumentException(
          REMOTE
              + " cannot be combined with "
              + CLOUD
              + ": the remote demo configures one core's solrconfig.xml; run either "
              + REMOTE
              + " or "
              + CLOUD);
    }
  }

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException naming the option when an option is unknown, lacks its value
   *     or has a malformed one
   * @return the options, or {@code null} when {@code --help} was asked for
   */
  public static DemoOptions parse(String... args) {
    int docs = DEFAULT_DOCS;
    int port = DEFAULT_PORT;
    long seed = DEFAULT_SEED;
    Path home = DEFAULT_HOME;
    boolean exit = false;
    boolean cloud = false;
    boolean remote = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case EXIT -> exit = true;
        case CLOUD -> cloud = true;
        case REMOTE -> remote = true;
        case HELP, "-h" -> {
          return null;
        }
        case DOCS -> docs = parseInt(option, valueOf(args, ++i, option));
        case PORT -> port = parseInt(option, valueOf(args, ++i, option));
        case SEED -> seed = parseLong(option, valueOf(args, ++i, option));
        case HOME -> home = Path.of(valueOf(args, ++i, option));
        default -> throw new IllegalArgumentException("unknown option: " + option);
      }
    }
    return new DemoOptions(docs, port, seed, home, exit, cloud, remote);
  }

  private static String valueOf(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int parseInt(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be an integer, got '" + value + "'", e);
    }
  }

  private static long parseLong(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be an integer, got '" + value + "'", e);
    }
  }
}
