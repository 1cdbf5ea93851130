package io.github.qrerank.it.demo;

import io.github.qrerank.provider.server.FaultPlan;
import io.github.qrerank.provider.server.ProviderServer;
import io.github.qrerank.provider.server.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * qrerank's provider server for {@code --remote}, in the demo's JVM on a free loopback port, as
 * {@code provider.sh --port 0 --token-file <home>/provider-token} would run it. Its bearer token is
 * {@value #TOKEN_BYTES} random bytes (base64url) written to {@value #TOKEN_FILE} in the demo home,
 * readable by its owner only where the file system allows; the demo never prints it.
 *
 * <p>The token is a secret, so it comes from {@link SecureRandom}, not from the demo's seed.
 */
final class DemoProvider implements AutoCloseable {

  static final String TOKEN_FILE = "provider-token";
  static final int TOKEN_BYTES = 24;

  private final ProviderServer server;
  private final Path tokenFile;

  private DemoProvider(ProviderServer server, Path tokenFile) {
    this.server = server;
    this.tokenFile = tokenFile;
  }

  /** Writes a fresh token to {@code home}/{@value #TOKEN_FILE} and starts the server. */
  static DemoProvider start(Path home) throws IOException {
    byte[] secret = new byte[TOKEN_BYTES];
    new SecureRandom().nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Path tokenFile = home.resolve(TOKEN_FILE);
    Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
    }
    ProviderServer server =
        ProviderServer.start(
            ServerOptions.parse("--port", "0", "--token-file", tokenFile.toString()));
    return new DemoProvider(server, tokenFile);
  }

  /** {@code http://127.0.0.1:<port>}. */
  URI url() {
    return server.baseUri();
  }

  Path tokenFile() {
    return tokenFile;
  }

  /** Replaces the server's fault plan, as {@code PUT /admin/faults} does. */
  void faults(FaultPlan plan) {
    server.faults(plan);
  }

  @Override
  public void close() {
    server.close();
  }

  /**
   * A {@link DemoSolr} that also stops {@code provider} when it stops (after Solr, whose remote
   * solver may still poll it).
   */
  static DemoSolr alongside(DemoSolr solr, DemoProvider provider) {
    return new DemoSolr() {
      @Override
      public String baseUrl() {
        return solr.baseUrl();
      }

      @Override
      public String description() {
        return solr.description();
      }

      @Override
      public void stop() throws Exception {
        try {
          solr.stop();
        } finally {
          provider.close();
        }
      }
    };
  }
}
