package io.github.qrerank.it.demo;

import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * The qrerank demo: starts a real Solr (Jetty on 127.0.0.1, context {@code /solr}) with a core
 * {@code products} made from {@code configsets/products}, indexes a generated catalog, prints for a
 * few searches the plain top-5 next to the qrerank top-5 with the solve's constraint report and
 * timings, prints {@code curl} commands to try, then serves until interrupted (Ctrl-C) unless
 * {@code --exit} is given. With {@code --cloud} the same runs against a 2-shard SolrCloud
 * collection {@code products} ({@link DemoCloud}). With {@code --remote} qrerank's provider server
 * runs beside the core ({@link DemoProvider}), the core gets a second query parser pointing at it
 * ({@link DemoSolrHome#addRemoteParser}) and the printout ends with {@code solver=remote} answered
 * by the provider, by the exact fallback and by the late-answer cache ({@link RemoteSection}). See
 * {@link DemoOptions#USAGE}.
 */
public final class DemoMain {

  static final String CONTEXT = "/solr";
  static final String SOLR_LOG_DIR = "solr.log.dir";

  /**
   * Jersey (inside Solr) warns through java.util.logging about an optional provider the demo does
   * not need; the logger is held here so that its level sticks.
   */
  private static final Logger JERSEY_LOG = Logger.getLogger("org.glassfish.jersey");

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.err.println(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(DemoOptions.USAGE);
      return;
    }
    try {
      run(options, System.out, System.console() != null);
    } catch (DemoException | IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Runs the demo, printing to {@code out}. With {@link DemoOptions#exitAfterPrintout()} it stops
   * Solr and returns after the printout; otherwise it blocks, serving, until the JVM is shut down.
   *
   * @param interactive redraw the indexing progress in place (for a terminal)
   */
  public static void run(DemoOptions options, PrintStream out, boolean interactive)
      throws Exception {
    run(options, out, interactive, coreUrl -> {});
  }

  /**
   * What {@link #run(DemoOptions, PrintStream, boolean, AfterPrintout)} calls once the printout is
   * done, while Solr still runs: with {@code --exit} just before Solr stops, otherwise just before
   * serving. Tests query the demo's core through it without starting a second Solr.
   */
  @FunctionalInterface
  interface AfterPrintout {
    /**
     * @param coreUrl the {@code products} core (or collection), e.g. {@code
     *     http://127.0.0.1:8983/solr/products}
     */
    void accept(String coreUrl) throws Exception;
  }

  /** {@link #run(DemoOptions, PrintStream, boolean)}, calling {@code afterPrintout} as it says. */
  static void run(
      DemoOptions options, PrintStream out, boolean interactive, AfterPrintout afterPrintout)
      throws Exception {
    out.printf(
        Locale.ROOT,
        "qrerank demo: Solr + the qrerank plugin on %,d generated products" + " (seed %d)%n",
        options.docs(),
        options.seed());
    Path home =
        options.cloud()
            ? DemoSolrHome.recreate(options.home())
            : DemoSolrHome.create(options.home());
    out.println("  solr home  " + home);
    DemoProvider provider = null;
    if (options.remote()) {
      provider = DemoProvider.start(home);
      out.println(
          "  provider   "
              + provider.url()
              + " (qrerank's provider server; token in "
              + provider.tokenFile()
              + ")");
      try {
        DemoSolrHome.addRemoteParser(home, provider.url(), provider.tokenFile());
      } catch (IOException | RuntimeException e) {
        provider.close();
        throw e;
      }
    }
    JERSEY_LOG.setLevel(Level.SEVERE);
    if (System.getProperty(SOLR_LOG_DIR) == null) {
      // Solr complains at start-up when it is unset; the demo logs to stderr only.
      System.setProperty(SOLR_LOG_DIR, home.resolve("logs").toString());
    }
    DemoSolr solr;
    try {
      solr =
          options.cloud()
              ? DemoCloud.start(home, options.port())
              : startSolr(home, options.port());
    } catch (Exception e) {
      if (provider != null) {
        provider.close();
      }
      throw e;
    }
    if (provider != null) {
      solr = DemoProvider.alongside(solr, provider);
    }
    boolean serving = false;
    try {
      String baseUrl = solr.baseUrl();
      String coreUrl = baseUrl + "/" + DemoSolrHome.CORE;
      out.println("  " + solr.description());
      CatalogGenerator catalog = new CatalogGenerator(options.seed());
      List<ExampleQuery> examples = Examples.of(catalog);
      try (SolrClient client = new Http2SolrClient.Builder(baseUrl).build()) {
        new CatalogIndexer(client, DemoSolrHome.CORE, out, interactive)
            .index(catalog, options.docs());
        ExampleRunner runner = new ExampleRunner(client, DemoSolrHome.CORE);
        out.printf(
            Locale.ROOT,
            "  warming up: each example %d times (so that the timings below are not the JIT's)%n",
            ExampleRunner.WARM_UP_ROUNDS);
        runner.warmUp(examples);
        ComparisonPrinter printer = new ComparisonPrinter(out);
        for (int i = 0; i < examples.size(); i++) {
          printer.print(i + 1, runner.run(examples.get(i)));
        }
        if (provider != null) {
          new RemoteSection(client, provider, out).print(examples.get(0), examples.size() + 1);
          examples = new ArrayList<>(examples);
          examples.add(RemoteSection.remote(examples.get(0)));
        }
      }
      out.println();
      out.println(
          options.exitAfterPrintout()
              ? "Try these against a running demo (this one stops now, --exit was given):"
              : "Try these while the demo runs (Ctrl-C stops it):");
      for (ExampleQuery example : examples) {
        out.println();
        out.println("  # " + example.q() + ": " + example.story());
        out.println("  " + CurlExamples.command(coreUrl, example));
      }
      out.println();
      afterPrintout.accept(coreUrl);
      if (provider != null && !options.exitAfterPrintout()) {
        printProviderHelp(provider, out);
      }
      if (!options.exitAfterPrintout()) {
        out.println("Serving at " + coreUrl + " - press Ctrl-C to stop.");
        out.flush();
        serving = true;
        serveUntilShutdown(solr, out);
      }
    } finally {
      if (!serving) {
        solr.stop();
      }
    }
  }

  /** The provider's URL and the curl commands that flip its faults (the token from its file). */
  private static void printProviderHelp(DemoProvider provider, PrintStream out) {
    String put =
        "curl -X PUT -H \"Authorization: Bearer $(cat "
            + provider.tokenFile()
            + ")\" -d ";
    String faults = provider.url() + "/admin/faults";
    out.println("The quantum provider runs at " + provider.url() + "; flip its faults with:");
    out.println();
    out.printf(
        Locale.ROOT,
        "  %s'{\"slow-share\":1,\"slow-ms\":%d}' %s   # slow: timeout fallbacks%n",
        put,
        RemoteSection.SLOW.slowMillis(),
        faults);
    out.println("  " + put + "'{\"error-share\":0.5}' " + faults + "   # half the calls HTTP 500");
    out.println(
        "  "
            + put
            + "'{\"slow-share\":0,\"error-share\":0}' "
            + faults
            + "   # healthy again");
    out.println();
    out.println(
        "The solver=remote curl above now gets the late-answer cache's samples (same circuit);"
            + " change its");
    out.println(
        "shots (shots%3D"
            + RemoteSection.SHOTS
            + " in the URL, e.g. to shots%3D2048) or its query to reach the provider again.");
    out.println();
  }

  private static DemoSolr startSolr(Path home, int port) throws Exception {
    JettyConfig config =
        JettyConfig.builder().setPort(port).setContext(CONTEXT).stopAtShutdown(false).build();
    JettySolrRunner jetty = new JettySolrRunner(home.toString(), config);
    try {
      jetty.start();
    } catch (BindException e) {
      throw DemoException.portInUse(port, e);
    }
    CoreContainer cores = jetty.getCoreContainer();
    Map<String, CoreContainer.CoreLoadFailure> failures = cores.getCoreInitFailures();
    if (!failures.isEmpty()) {
      jetty.stop();
      CoreContainer.CoreLoadFailure failure = failures.values().iterator().next();
      throw new DemoException(
          "core " + failures.keySet() + " failed to load: " + rootMessage(failure.exception),
          failure.exception);
    }
    return new DemoSolr() {
      @Override
      public String baseUrl() {
        return jetty.getBaseUrl().toString();
      }

      @Override
      public String description() {
        return "solr       " + baseUrl() + " (core " + DemoSolrHome.CORE + ")";
      }

      @Override
      public void stop() throws Exception {
        jetty.stop();
      }
    };
  }

  private static void serveUntilShutdown(DemoSolr solr, PrintStream out)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println();
                  out.println("Stopping Solr ...");
                  try {
                    solr.stop();
                  } catch (Exception e) {
                    out.println("Solr did not stop cleanly: " + e);
                  } finally {
                    stopped.countDown();
                  }
                },
                "qrerank-demo-shutdown"));
    stopped.await();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (cause: " + root + ")";
  }

  /** A failure the demo explains in one line instead of a stack trace. */
  static final class DemoException extends Exception {
    DemoException(String message, Throwable cause) {
      super(message, cause);
    }

    /** Solr could not bind {@code port}: the message tells the user which option to change. */
    static DemoException portInUse(int port, BindException cause) {
      return new DemoException(
          "port " + port + " is in use; pass " + DemoOptions.PORT + " with a free port (0 picks one)",
          cause);
    }
  }
}
