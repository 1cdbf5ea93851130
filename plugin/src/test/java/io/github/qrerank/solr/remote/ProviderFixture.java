package io.github.qrerank.solr.remote;

import io.github.qrerank.provider.server.FaultPlan;
import io.github.qrerank.provider.server.ProviderServer;
import io.github.qrerank.provider.server.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * qrerank's real provider server, started in process on a free loopback port with its token in a
 * temporary file (as {@code provider.sh} does), for tests of {@code solver=remote}. Its faults are
 * changed while it runs, as {@code PUT /admin/faults} does.
 */
public final class ProviderFixture implements AutoCloseable {
  /** The token the server requires. */
  public static final String TOKEN = "qrerank-Test.Token~7f3a9";

  /** A well-formed token the server refuses. */
  public static final String WRONG_TOKEN = "not-the-token-0000";

  public final Path dir;
  public final Path tokenFile;
  public final Path wrongTokenFile;
  public final Path recordFile;
  public final ProviderServer server;

  private ProviderFixture(
      Path dir, Path tokenFile, Path wrongTokenFile, Path recordFile, ProviderServer server) {
    this.dir = dir;
    this.tokenFile = tokenFile;
    this.wrongTokenFile = wrongTokenFile;
    this.recordFile = recordFile;
    this.server = server;
  }

  /** Starts a server recording every request to {@code record.jsonl}, with {@code args} added. */
  public static ProviderFixture start(String... args) {
    try {
      Path dir = Files.createTempDirectory("qrerank-remote-test");
      Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
      Path wrong = Files.writeString(dir.resolve("wrong-token"), WRONG_TOKEN + "\n");
      Path record = dir.resolve("record.jsonl");
      List<String> all =
          new ArrayList<>(
              List.of(
                  "--port", "0", "--token-file", token.toString(), "--record", record.toString()));
      all.addAll(Arrays.asList(args));
      ProviderServer server = ProviderServer.start(ServerOptions.parse(all.toArray(String[]::new)));
      return new ProviderFixture(dir, token, wrong, record, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return server.baseUri().toString();
  }

  /** Replaces the fault plan. */
  public void faults(FaultPlan plan) {
    server.faults(plan);
  }

  /** Every request to {@code /jobs} slow by {@code millis}. */
  public static FaultPlan slow(long millis) {
    return new FaultPlan(0, 1, millis, 0, 0, 0);
  }

  /** A share of HTTP 500s. */
  public static FaultPlan errors(double share) {
    return new FaultPlan(share, 0, FaultPlan.NONE.slowMillis(), 0, 0, 0);
  }

  /** A share of truncated 200 bodies. */
  public static FaultPlan malformed(double share) {
    return new FaultPlan(0, 0, FaultPlan.NONE.slowMillis(), share, 0, 0);
  }

  /** Every job ends Failed. */
  public static FaultPlan failedJobs() {
    return new FaultPlan(0, 0, FaultPlan.NONE.slowMillis(), 0, 0, 1);
  }

  /** What the server recorded so far, one JSON object per line. */
  public List<String> recorded() {
    try {
      return Files.exists(recordFile) ? Files.readAllLines(recordFile) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
