package io.github.qrerank.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the numbers were measured on: read from the running JVM and, on Linux, /proc. */
record MachineFacts(
    int cores,
    String cpuModel,
    String memory,
    String os,
    String jvm,
    String jvmOptions,
    long maxHeapBytes,
    String date) {

  static MachineFacts current() {
    Runtime rt = Runtime.getRuntime();
    String jvm =
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.vendor")
            + ")";
    String os =
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch");
    return new MachineFacts(
        rt.availableProcessors(),
        procValue("/proc/cpuinfo", "model name"),
        procValue("/proc/meminfo", "MemTotal"),
        os,
        jvm,
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
        rt.maxMemory(),
        ZonedDateTime.now(ZoneOffset.UTC)
            .withNano(0)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /** The first "key : value" line of a /proc file, or "unknown" where there is none. */
  private static String procValue(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
          return line.substring(colon + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: the report says so
    }
    return "unknown";
  }

  String heap() {
    return String.format(Locale.ROOT, "%.1f GiB", maxHeapBytes / (1024.0 * 1024 * 1024));
  }
}
