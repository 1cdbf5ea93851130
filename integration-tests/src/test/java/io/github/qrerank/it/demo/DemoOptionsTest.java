package io.github.qrerank.it.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.junit.Test;

public class DemoOptionsTest {

  @Test
  public void defaultsServeFiftyThousandProductsOnPort8983() {
    DemoOptions o = DemoOptions.parse();
    assertEquals(50_000, o.docs());
    assertEquals(8983, o.port());
    assertEquals(42L, o.seed());
    assertEquals(Path.of("demo-home"), o.home());
    assertFalse(o.exitAfterPrintout());
  }

  @Test
  public void parsesEveryOption() {
    DemoOptions o =
        DemoOptions.parse("--exit", "--docs", "2000", "--port", "0", "--seed", "-7", "--home", "x");
    assertEquals(new DemoOptions(2000, 0, -7L, Path.of("x"), true), o);
  }

  @Test
  public void remoteCombinesWithTheOtherOptionsButNotCloud() {
    assertFalse(DemoOptions.parse().remote());
    DemoOptions o =
        DemoOptions.parse(
            "--remote", "--exit", "--port", "0", "--docs", "2000", "--home", "/tmp/h");
    assertEquals(new DemoOptions(2000, 0, 42L, Path.of("/tmp/h"), true, false, true), o);
    String refused = "--remote cannot be combined with --cloud";
    assertMessage(refused, "--remote", "--cloud");
    assertMessage(refused, "--cloud", "--exit", "--remote");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new DemoOptions(2000, 0, 1L, Path.of("h"), true, true, true));
    assertTrue(e.getMessage(), e.getMessage().contains(refused));
  }

  @Test
  public void usageNamesRemote() {
    assertTrue(DemoOptions.USAGE, DemoOptions.USAGE.contains("[--cloud | --remote]"));
    assertTrue(DemoOptions.USAGE, DemoOptions.USAGE.contains("  --remote    "));
  }

  @Test
  public void helpReturnsNull() {
    assertNull(DemoOptions.parse("--help"));
  }

  @Test
  public void badInputNamesTheOption() {
    assertMessage("--docs must be an integer, got 'many'", "--docs", "many");
    assertMessage("--docs must be at least 100, got 5", "--docs", "5");
    assertMessage("--port must be in [0, 65535], got 70000", "--port", "70000");
    assertMessage("--port needs a value", "--port");
    assertMessage("--seed needs a value", "--seed", "--exit");
    assertMessage("unknown option: --fast", "--fast");
  }

  private static void assertMessage(String expected, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(args));
    assertTrue(e.getMessage(), e.getMessage().contains(expected));
  }
}
