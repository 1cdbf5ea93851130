package io.github.qrerank.it.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link DemoMain#main} as {@code demo.sh} runs it, in a child JVM (it ends with {@code
 * System.exit}): what it prints and its exit code for {@code --help}, a bad option (2, with the
 * usage) and a failure of the run (1, one line). None of these starts Solr.
 */
public class DemoMainEntryTest {

  /** A child JVM that has not ended after this long is stuck; the test fails instead of hanging. */
  private static final long CHILD_LIMIT_SECONDS = 120;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private record Exit(int code, String out, String err) {}

  @Test
  public void helpPrintsTheUsageAndExitsZero() throws Exception {
    Exit exit = runMain("--help");
    assertEquals(exit.err(), 0, exit.code());
    assertEquals(DemoOptions.USAGE, exit.out().strip());
    assertEquals("", exit.err());
  }

  @Test
  public void aBadOptionExitsTwoNamingItWithTheUsage() throws Exception {
    Exit exit = runMain("--docs", "many");
    assertEquals(exit.err(), 2, exit.code());
    assertEquals("", exit.out());
    assertTrue(
        exit.err(),
        exit.err().startsWith("demo: --docs must be an integer, got 'many'\n" + DemoOptions.USAGE));
  }

  @Test
  public void aFailedRunExitsOneWithOneLineAndNoStackTrace() throws Exception {
    // A --home that exists, is not empty and is not a demo home is refused before Solr starts.
    Path home = tmp.newFolder("not-a-demo-home").toPath();
    Files.writeString(home.resolve("keep.txt"), "mine");
    Exit exit = runMain("--exit", "--port", "0", "--home", home.toString());
    assertEquals(exit.err(), 1, exit.code());
    assertEquals(
        "demo: --home "
            + home.toAbsolutePath().normalize()
            + " exists, is not empty and is not a demo home; refusing to overwrite it",
        exit.err().strip());
    assertFalse(exit.err(), exit.err().contains("\tat "));
    assertTrue("the home was touched", Files.exists(home.resolve("keep.txt")));
  }

  /** Runs {@code DemoMain} with {@code args} in a child JVM on this test's class path. */
  private Exit runMain(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DemoMain.class.getName());
    command.addAll(List.of(args));
    Path out = tmp.newFile().toPath();
    Path err = tmp.newFile().toPath();
    Process child =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!child.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("DemoMain " + List.of(args) + " did not end");
    }
    return new Exit(
        child.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
