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
