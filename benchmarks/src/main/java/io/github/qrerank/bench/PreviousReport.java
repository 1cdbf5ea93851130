package io.github.qrerank.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sections of an earlier BENCHMARKS.md, for a run that measures only some sections and keeps
 * the others ({@link BenchOptions#KEEP}). Each kept section says which run measured it: the date
 * and command of the file's header, or, when the earlier file had itself kept the section, the
 * provenance line it already carried.
 */
final class PreviousReport {
  /** The first line of a kept section's body. */
  static final String KEPT_PREFIX = "*Kept from the run of ";

  private static final String NOT_MEASURED = "Not measured in this run";
  private static final String END_OF_SECTIONS = "Load average at the end of the run";

  private final String date;
  private final String command;
  private final String load;
  private final Map<Section, String> bodies;

  private PreviousReport(String date, String command, String load, Map<Section, String> bodies) {
    this.date = date;
    this.command = command;
    this.load = load;
    this.bodies = bodies;
  }

  /** The report at {@code file}, or empty when there is none. */
  static Optional<PreviousReport> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
  }

  /** Splits a report at its section headings; text after the last section's body is dropped. */
  static PreviousReport parse(String md) {
    String date = headerValue(md, "| date (UTC) | ");
    String load = headerValue(md, "| load average at start (1/5/15 min) | ");
    String command = "unknown command";
    int fence = md.indexOf("```\n");
    if (fence >= 0) {
      int end = md.indexOf("\n```", fence + 4);
      if (end > fence) {
        command = md.substring(fence + 4, end).trim();
      }
    }
    Map<Section, String> bodies = new EnumMap<>(Section.class);
    for (Section s : Section.values()) {
      String heading = s.heading() + "\n";
      int at = md.indexOf("\n" + heading);
      if (at < 0) {
        continue;
      }
      int start = at + 1 + heading.length();
      int end = md.length();
      int next = md.indexOf("\n## ", start);
      if (next >= 0) {
        end = next + 1;
      }
      int tail = md.indexOf("\n" + END_OF_SECTIONS, start);
      if (tail >= 0 && tail + 1 < end) {
        end = tail + 1;
      }
      bodies.put(s, md.substring(start, end).strip());
    }
    return new PreviousReport(date, command, load, bodies);
  }

  private static String headerValue(String md, String key) {
    int at = md.indexOf(key);
    if (at < 0) {
      return "unknown";
    }
    int end = md.indexOf(" |", at + key.length());
    return end < 0 ? "unknown" : md.substring(at + key.length(), end).trim();
  }

  String date() {
    return date;
  }

  String command() {
    return command;
  }

  /**
   * The section's body as it should be kept: with a provenance line naming the earlier run, or
   * with the provenance it already had; empty when the earlier report did not measure it either.
   */
  Optional<String> kept(Section s) {
    String body = bodies.get(s);
    if (body == null || body.startsWith(NOT_MEASURED)) {
      return Optional.empty();
    }
    if (body.startsWith(KEPT_PREFIX)) {
      return Optional.of(body);
    }
    return Optional.of(
        KEPT_PREFIX
            + date
            + " (`"
            + command
            + "`, load average at its start "
            + load
            + "), not measured in this run.*\n\n"
            + body);
  }
}
