package io.github.qrerank.it.install;

import java.util.List;
import java.util.Map;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * The main class of the install-layout test's child JVM: a Solr on a free port of 127.0.0.1 with
 * the given home, whose class path holds Solr but none of qrerank's or EJML's classes.
 *
 * <p>It first proves that isolation (exit code {@value #EXIT_LEAK} if the application class loader
 * can load a plugin, simulator or EJML class), starts Solr, exits with {@value #EXIT_CORE_FAILED}
 * if a core failed to load, prints {@code READY <base url>} and serves until its standard input
 * closes. Only Solr and the JDK may be referenced here: this class is the one qrerank class on the
 * child's class path.
 */
public final class ChildSolr {

  static final String READY = "READY ";
  static final int EXIT_LEAK = 3;
  static final int EXIT_CORE_FAILED = 4;

  /** Classes that must come from the jar in {@code <solr_home>/lib}, never from the class path. */
  static final List<String> MUST_NOT_BE_VISIBLE =
      List.of(
          "io.github.qrerank.solr.search.QRerankQParserPlugin",
          "io.github.qrerank.model.Problem",
          "org.ejml.data.DMatrixRMaj");

  private ChildSolr() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ChildSolr <solr home>");
      System.exit(2);
    }
    ClassLoader app = ClassLoader.getSystemClassLoader();
    for (String name : MUST_NOT_BE_VISIBLE) {
      try {
        Class.forName(name, false, app);
        System.out.println("LEAK " + name + " is on the child's class path");
        System.exit(EXIT_LEAK);
      } catch (ClassNotFoundException expected) {
        // the class path is clean of it
      }
    }
    JettySolrRunner jetty =
        new JettySolrRunner(
            args[0],
            JettyConfig.builder().setPort(0).setContext("/solr").stopAtShutdown(true).build());
    jetty.start();
    Map<String, CoreContainer.CoreLoadFailure> failures =
        jetty.getCoreContainer().getCoreInitFailures();
    if (!failures.isEmpty()) {
      failures.forEach(
          (core, failure) -> {
            System.out.println("CORE_FAILED " + core + ": " + failure.exception);
            failure.exception.printStackTrace(System.out);
          });
      jetty.stop();
      System.exit(EXIT_CORE_FAILED);
    }
    System.out.println(READY + jetty.getBaseUrl());
    System.out.flush();
    while (System.in.read() != -1) {
      // serve until the parent closes our standard input (or dies)
    }
    jetty.stop();
    System.exit(0);
  }
}
