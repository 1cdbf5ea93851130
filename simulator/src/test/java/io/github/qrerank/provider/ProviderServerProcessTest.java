package io.github.qrerank.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.provider.server.ProviderServer;
import io.github.qrerank.solver.Budget;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The provider server as a real child process started through its {@code main}, as {@code
 * provider.sh} starts it: it announces its URI on standard output, serves the protocol, refuses a
 * wrong token, stops on SIGTERM, and exits with status 2 on a bad option.
 */
class ProviderServerProcessTest {
  private static final long START_TIMEOUT_SECONDS = 60;

  private static List<String> command(String... args) {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(ProviderServer.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void aChildProcessServesTheProtocolUntilStopped() throws Exception {
    Path dir = Files.createTempDirectory("qrerank-provider-process");
    Path token = dir.resolve("token");
    Files.writeString(token, ServerFixture.TOKEN + "\n");
    File stderr = dir.resolve("stderr.txt").toFile();
    Process p =
        new ProcessBuilder(
                command(
                    "--port",
                    "0",
                    "--token-file",
                    token.toString(),
                    "--queue-delay-ms",
                    "50",
                    "--queue-jitter-ms",
                    "50"))
            .redirectError(stderr)
            .start();
    try {
      URI base = awaitListening(p);
      HttpProviderConfig config =
          HttpProviderConfig.builder()
              .baseUri(base)
              .token(BearerToken.of(ServerFixture.TOKEN))
              .build();
      try (RuntimeSamplerClient client = new RuntimeSamplerClient(config)) {
        Samples s =
            SamplerCalls.run(
                client,
                SamplerRequest.of(ServerFixture.dicke(4, 1), 400, "child"),
                Budget.ofMillis(30_000),
                Duration.ofMillis(20));
        assertEquals(400, s.shots());
        assertEquals(4, s.counts().size(), "the four weight-1 strings: " + s.counts());
        s.counts().keySet().forEach(v -> assertEquals(1, Long.bitCount(v), "weight of " + v));
      }
      HttpProviderConfig wrong =
          HttpProviderConfig.builder().baseUri(base).token(BearerToken.of("not-it")).build();
      try (RuntimeSamplerClient client = new RuntimeSamplerClient(wrong)) {
        assertThrows(
            ProviderAuthException.class,
            () ->
                client.submit(
                    SamplerRequest.of(ServerFixture.bell(), 10, "x"), Budget.ofMillis(30_000)));
      }
    } finally {
      p.destroy();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
    }
    String log = Files.readString(stderr.toPath());
    assertTrue(log.contains("refused POST /jobs"), log);
    assertTrue(!log.contains(ServerFixture.TOKEN), "token logged");
  }

  @Test
  void aBadOptionExitsWithStatusTwoAndNamesIt() throws Exception {
    Process p =
        new ProcessBuilder(command("--token-file", "t", "--error-share", "1.5"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.contains("error-share must be in [0, 1]: 1.5"), out);
  }

  /** Reads the child's standard output until the {@link ProviderServer#LISTENING} line. */
  private static URI awaitListening(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String l; (l = out.readLine()) != null; ) {
                  if (l.startsWith(ProviderServer.LISTENING)) {
                    return l.substring(ProviderServer.LISTENING.length()).strip();
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    String uri = line.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(uri, "the server exited before listening");
    assertTrue(uri.startsWith("http://127.0.0.1:"), uri);
    return URI.create(uri);
  }
}
