package io.github.qrerank.it.install;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The child JVM's class path: this JVM's test class path minus every entry holding qrerank, EJML or
 * resilience4j classes (found by content, not by name: reactor builds put module classes in folders
 * like {@code plugin/target/classes}), plus a folder holding {@link ChildSolr} alone.
 */
final class IsolatedClasspath {

  static final List<String> EXCLUDED_PACKAGES =
      List.of("io/github/qrerank/", "org/ejml/", "io/github/resilience4j/");

  private IsolatedClasspath() {}

  /** The test class path of this JVM (surefire's, or {@code java.class.path} outside surefire). */
  static List<String> testClasspath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    List<String> entries = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** {@code entries} without those that hold a class of {@link #EXCLUDED_PACKAGES}. */
  static List<String> withoutQrerankOrEjml(List<String> entries) {
    List<String> kept = new ArrayList<>();
    for (String entry : entries) {
      if (!holdsExcludedClasses(Path.of(entry))) {
        kept.add(entry);
      }
    }
    return kept;
  }

  static boolean holdsExcludedClasses(Path entry) {
    try {
      if (Files.isDirectory(entry)) {
        for (String pkg : EXCLUDED_PACKAGES) {
          if (Files.exists(entry.resolve(pkg))) {
            return true;
          }
        }
        return false;
      }
      if (!Files.isRegularFile(entry)) {
        return false;
      }
      try (ZipFile zip = new ZipFile(entry.toFile())) {
        return zip.stream().map(ZipEntry::getName).anyMatch(IsolatedClasspath::isExcluded);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect class path entry " + entry, e);
    }
  }

  static boolean isExcluded(String resourceName) {
    for (String pkg : EXCLUDED_PACKAGES) {
      if (resourceName.startsWith(pkg)) {
        return true;
      }
    }
    return false;
  }

  /** Copies {@link ChildSolr}'s class file alone into a class folder under {@code dir}. */
  static Path launcherFolder(Path dir) throws IOException {
    String resource = ChildSolr.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = ChildSolr.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not found");
      }
      Files.copy(in, target);
    }
    return dir;
  }
}
