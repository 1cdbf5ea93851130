package io.github.qrerank.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JVM process's minor page faults so far (field 10 of Linux's {@code /proc/self/stat}): a fault
 * is taken the first time the process touches a page of memory, for instance a heap region a fresh
 * array lands on that nothing had used before. Section 4 counts them inside its timed runs.
 */
final class PageFaults {
  /** What {@link #minor} returns where {@code /proc/self/stat} cannot be read (not Linux). */
  static final long UNKNOWN = -1;

  private static final Path STAT = Path.of("/proc/self/stat");
  /** Position of minflt among the fields after the command name's closing parenthesis. */
  private static final int MINFLT_AFTER_NAME = 7;

  private PageFaults() {}

  static long minor() {
    try {
      String stat = Files.readString(STAT);
      // The command name (field 2) is in parentheses and may hold spaces: count from after it.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[MINFLT_AFTER_NAME]);
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }
}
