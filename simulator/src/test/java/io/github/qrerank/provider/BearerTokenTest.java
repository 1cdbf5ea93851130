package io.github.qrerank.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens load from a file or the environment, compare exactly, and never show themselves. */
class BearerTokenTest {
  @Test
  void aTokenNeverPrintsItself() {
    BearerToken t = BearerToken.of("abc.DEF-123_~+/==");
    assertEquals("BearerToken[***]", t.toString());
    assertEquals("Bearer abc.DEF-123_~+/==", t.authorizationValue());
    assertEquals("got Bearer ***!", t.redact("got Bearer abc.DEF-123_~+/==!"));
  }

  @Test
  void authorizationHeadersMatchOnlyTheExactToken() {
    BearerToken t = BearerToken.of("s3cret");
    assertTrue(t.matchesAuthorization("Bearer s3cret"));
    assertTrue(t.matchesAuthorization("bearer s3cret"));
    assertFalse(t.matchesAuthorization("Bearer s3cre"));
    assertFalse(t.matchesAuthorization("Bearer s3cret2"));
    assertFalse(t.matchesAuthorization("Basic s3cret"));
    assertFalse(t.matchesAuthorization(null));
  }

  @Test
  void invalidTokensAreRefusedWithoutShowingThem() {
    String m =
        assertThrows(IllegalArgumentException.class, () -> BearerToken.of("has space"))
            .getMessage();
    assertFalse(m.contains("has space"), m);
    assertTrue(m.contains("position 3"), m);
    assertThrows(IllegalArgumentException.class, () -> BearerToken.of(""));
    assertThrows(IllegalArgumentException.class, () -> BearerToken.of("="));
  }

  @Test
  void fileAndEnvironmentSourcesTrimAndNameThemselves() throws Exception {
    Path f = Files.createTempFile("token", ".txt");
    Files.writeString(f, "  tok-1  \nsecond line ignored\n");
    assertTrue(BearerToken.fromFile(f).matchesAuthorization("Bearer tok-1"));
    Files.writeString(f, "bad token\n");
    String m =
        assertThrows(IllegalArgumentException.class, () -> BearerToken.fromFile(f)).getMessage();
    assertTrue(m.startsWith("token file " + f), m);
    assertFalse(m.contains("bad token"), m);
    Path missing = f.resolveSibling("no-such-token-file");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> BearerToken.fromFile(missing))
            .getMessage()
            .contains("cannot be read"));
    assertTrue(
        BearerToken.fromEnvironment("QT", Map.of("QT", " tok-2\n"))
            .matchesAuthorization("Bearer tok-2"));
    assertEquals(
        "environment variable QT is not set",
        assertThrows(
                IllegalArgumentException.class, () -> BearerToken.fromEnvironment("QT", Map.of()))
            .getMessage());
  }
}
