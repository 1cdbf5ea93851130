package io.github.qrerank.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Library versions as the benchmarks pom declared them (filtered into versions.properties). */
record Versions(String ortools, String solr, String lucene, String strange) {

  static Versions load() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("versions.properties missing from the class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Versions(
        p.getProperty("ortools"),
        p.getProperty("solr"),
        p.getProperty("lucene"),
        p.getProperty("strange"));
  }
}
