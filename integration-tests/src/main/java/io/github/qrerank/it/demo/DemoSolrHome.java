package io.github.qrerank.it.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lays out a Solr home for the demo: {@code solr.xml} and a core {@code products} whose {@code
 * conf/} is the products configset (packaged on the demo's class path under {@value
 * #CONFIGSET_RESOURCE}).
 *
 * <p>With {@code --remote}, {@link #addRemoteParser} adds to the generated core's {@code
 * solrconfig.xml} (never to the configset) a second query parser {@value #REMOTE_PARSER} pointing
 * at the demo's provider server.
 *
 * <p>The home is recreated on every run. A directory that exists, is not empty and was not made by
 * the demo (no {@value #MARKER} file) is never deleted.
 */
public final class DemoSolrHome {

  public static final String CORE = "products";
  public static final String CONFIGSET_RESOURCE = "qrerank/configsets/products/conf";
  static final String MARKER = ".qrerank-demo-home";

  /** The query parser {@link #addRemoteParser} adds: {@code qrerank}'s defaults and a provider. */
  public static final String REMOTE_PARSER = "qrerank_remote";

  /** The provider's name in the {@code remote} list: its metrics are under {@code remote.demo}. */
  public static final String PROVIDER_NAME = "demo";

  /** The configset's qrerank query parser, with its leading indentation and trailing newline. */
  private static final Pattern QRERANK_PARSER =
      Pattern.compile("(?s)[ \\t]*<queryParser name=\"qrerank\"[ >].*?</queryParser>\\R");

  /**
   * The {@code remote} list's entries besides url and tokenFile: a loopback provider, so short
   * connect and poll times; a read timeout above the slowness the demo injects (so a late job's
   * call is not cut before its answer), and late answers polled for 30 s.
   */
  static final String REMOTE_TUNING =
      """
      <str name="name">%s</str>
      <int name="connectTimeoutMs">1000</int>
      <int name="readTimeoutMs">10000</int>
      <int name="pollIntervalMs">5</int>
      <int name="maxConcurrentJobs">4</int>
      <int name="maxAttempts">3</int>
      <int name="lateAnswerCacheSize">64</int>
      <int name="lateAnswerTimeoutMs">30000</int>
      """
          .formatted(PROVIDER_NAME);

  static final String SOLR_XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <solr>
        <int name="maxBooleanClauses">${solr.max.booleanClauses:1024}</int>
      </solr>
      """;

  private DemoSolrHome() {}

  /** (Re)creates {@code home}; returns its absolute path. */
  public static Path create(Path home) throws IOException {
    Path dir = recreate(home);
    Files.writeString(dir.resolve("solr.xml"), SOLR_XML);
    Path core = dir.resolve(CORE);
    copyConfigset(core.resolve("conf"));
    Files.writeString(
        core.resolve("core.properties"), "name=" + CORE + "\n", StandardCharsets.UTF_8);
    return dir;
  }

  /**
   * Adds to the {@code products} core of {@code home} (made by {@link #create}) the query parser
   * {@value #REMOTE_PARSER}: a copy of the configset's {@code qrerank} parser, so with the same
   * defaults, plus a {@code <lst name="remote">} with the provider's {@code url}, the {@code
   * tokenFile} and {@link #REMOTE_TUNING}. Only the generated home changes.
   *
   * @throws IllegalStateException when the core's solrconfig.xml has no {@code qrerank} parser
   */
  public static void addRemoteParser(Path home, URI url, Path tokenFile) throws IOException {
    Path solrconfig = home.resolve(CORE).resolve("conf").resolve("solrconfig.xml");
    String xml = Files.readString(solrconfig, StandardCharsets.UTF_8);
    Matcher m = QRERANK_PARSER.matcher(xml);
    if (!m.find()) {
      throw new IllegalStateException(
          solrconfig + " has no <queryParser name=\"qrerank\"> to copy for " + REMOTE_PARSER);
    }
    String qrerank = m.group();
    int close = qrerank.lastIndexOf("</queryParser>");
    String indent = qrerank.substring(0, qrerank.indexOf('<'));
    String remote =
        indent
            + "  <lst name=\"remote\">\n"
            + indent
            + "    <str name=\"url\">"
            + xmlText(url.toString())
            + "</str>\n"
            + indent
            + "    <str name=\"tokenFile\">"
            + xmlText(tokenFile.toAbsolutePath().toString())
            + "</str>\n"
            + REMOTE_TUNING.indent(indent.length() + 4)
            + indent
            + "  </lst>\n"
            + indent;
    String copy =
        qrerank
                .substring(0, close)
                .replaceFirst("name=\"qrerank\"", "name=\"" + REMOTE_PARSER + "\"")
                .stripTrailing()
            + "\n"
            + remote
            + qrerank.substring(close);
    Files.writeString(
        solrconfig,
        xml.substring(0, m.end()) + "\n" + copy + xml.substring(m.end()),
        StandardCharsets.UTF_8);
  }

  private static String xmlText(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * (Re)creates {@code home} empty but for the demo's marker (the same safety rules as {@link
   * #create}); returns its absolute path.
   */
  static Path recreate(Path home) throws IOException {
    Path dir = home.toAbsolutePath().normalize();
    if (Files.isDirectory(dir) && !isEmpty(dir)) {
      if (!Files.exists(dir.resolve(MARKER))) {
        throw new IllegalArgumentException(
            DemoOptions.HOME
                + " "
                + dir
                + " exists, is not empty and is not a demo home; refusing to overwrite it");
      }
      deleteTree(dir);
    }
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(MARKER), "created by the qrerank demo; deleted on its next run\n");
    return dir;
  }

  /** Copies the products configset's {@code conf/} from the class path to {@code target}. */
  static void copyConfigset(Path target) throws IOException {
    URL url = DemoSolrHome.class.getClassLoader().getResource(CONFIGSET_RESOURCE);
    if (url == null) {
      throw new IllegalStateException(
          CONFIGSET_RESOURCE + " is not on the class path; build integration-tests with Maven");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad configset URL " + url, e);
    }
    if ("jar".equals(uri.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        copyTree(jar.provider().getPath(uri), target);
      }
    } else {
      copyTree(Path.of(uri), target);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("the configset at " + source + " is empty");
    }
    for (Path file : files) {
      Path to = target.resolve(source.relativize(file).toString());
      Files.createDirectories(to.getParent());
      Files.copy(file, to);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
