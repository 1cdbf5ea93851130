package io.github.qrerank.provider;

import io.github.qrerank.provider.server.ProviderServer;
import io.github.qrerank.provider.server.ServerOptions;
import io.github.qrerank.quantum.qasm.Gate;
import io.github.qrerank.quantum.qasm.QaoaCircuit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An in-process provider server on a free loopback port (its token read from a temporary file, as
 * in production) and a client configured for it.
 */
final class ServerFixture implements AutoCloseable {
  /** The bearer token of every fixture. */
  static final String TOKEN = "t0ken-Of_the.Tests~42";

  final Path dir;
  final ProviderServer server;
  final RuntimeSamplerClient client;

  private ServerFixture(Path dir, ProviderServer server, RuntimeSamplerClient client) {
    this.dir = dir;
    this.server = server;
    this.client = client;
  }

  /** A server started with {@code --token-file <tmp> --port 0} and {@code args}. */
  static ServerFixture start(String... args) {
    return start(TOKEN, HttpProviderConfig.DEFAULT_READ_TIMEOUT, args);
  }

  /** As {@link #start(String...)}, the client using {@code clientToken} and {@code readTimeout}. */
  static ServerFixture start(String clientToken, Duration readTimeout, String... args) {
    try {
      Path dir = Files.createTempDirectory("qrerank-provider-test");
      Path tokenFile = dir.resolve("token");
      Files.writeString(tokenFile, TOKEN + "\n");
      List<String> all =
          new ArrayList<>(List.of("--port", "0", "--token-file", tokenFile.toString()));
      all.addAll(Arrays.asList(args));
      ProviderServer server = ProviderServer.start(ServerOptions.parse(all.toArray(String[]::new)));
      RuntimeSamplerClient client =
          new RuntimeSamplerClient(
              HttpProviderConfig.builder()
                  .baseUri(server.baseUri())
                  .token(BearerToken.of(clientToken))
                  .readTimeout(readTimeout)
                  .build());
      return new ServerFixture(dir, server, client);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }

  /** H-like superposition on qubit 0 (ry(π/2)) entangled into qubit 1: samples 0b00 or 0b11. */
  static String bell() {
    return QaoaCircuit.toQasm(
        2,
        List.of(new Gate("ry", new int[] {0}, Math.PI / 2), new Gate("cx", new int[] {0, 1}, 0)),
        List.of());
  }

  /** The Dicke state |D(n,k)>, as the QAOA circuit prepares it: uniform over weight-k strings. */
  static String dicke(int n, int k) {
    return QaoaCircuit.toQasm(n, QaoaCircuit.dicke(n, k), List.of());
  }

  /** x on each of {@code qubits} of an n-qubit register: every sample has exactly those bits. */
  static String flip(int n, int... qubits) {
    List<Gate> gates = new ArrayList<>();
    for (int q : qubits) {
      gates.add(new Gate("x", new int[] {q}, 0));
    }
    return QaoaCircuit.toQasm(n, gates, List.of());
  }
}
