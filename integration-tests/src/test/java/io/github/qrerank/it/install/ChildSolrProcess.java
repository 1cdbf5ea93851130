package io.github.qrerank.it.install;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Solr in a child JVM ({@link ChildSolr}), started on a given home and class path and stopped by
 * closing its standard input. Its standard error goes to {@code stderr.log} in the work folder and
 * is quoted, with its standard output, when it fails to start.
 */
final class ChildSolrProcess implements AutoCloseable {

  static final long START_TIMEOUT_SECONDS = 120;
  static final long STOP_TIMEOUT_SECONDS = 30;

  private final Process process;
  private final Path stderr;
  private final String baseUrl;

  private ChildSolrProcess(Process process, Path stderr, String baseUrl) {
    this.process = process;
    this.stderr = stderr;
    this.baseUrl = baseUrl;
  }

  /** Starts the child and waits until it serves; fails with its output if it does not. */
  static ChildSolrProcess start(Path solrHome, List<String> classpath, Path workDir)
      throws IOException, InterruptedException {
    Path stderr = workDir.resolve("stderr.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(ChildSolr.class.getName());
    command.add(solrHome.toString());
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectError(stderr.toFile())
            .start();
    StringBuffer out = new StringBuffer();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  out.append(line).append('\n');
                  if (line.startsWith(ChildSolr.READY)) {
                    ready.complete(line.substring(ChildSolr.READY.length()).trim());
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(new IllegalStateException("the child's output ended"));
            },
            "child-solr-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      String url = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new ChildSolrProcess(process, stderr, url);
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError(
          "the child Solr did not start (exit "
              + (process.isAlive() ? "none" : process.exitValue())
              + ")\n--- stdout ---\n"
              + out
              + "\n--- stderr (tail) ---\n"
              + tail(stderr),
          e);
    }
  }

  /** Like {@code http://127.0.0.1:PORT/solr}. */
  String baseUrl() {
    return baseUrl;
  }

  /** The tail of the child's standard error, for failure messages. */
  String stderrTail() {
    return tail(stderr);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static String tail(Path file) {
    try {
      if (!Files.exists(file)) {
        return "(none)";
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.length() <= 6_000 ? text : "..." + text.substring(text.length() - 6_000);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
