package io.github.qrerank.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The report's sections, each selectable on the command line by its {@link #option()} name (see
 * {@link BenchOptions#parse}). Numbers and titles are the headings of BENCHMARKS.md.
 */
enum Section {
  EXACT("exact", 1, "Exact solver latency"),
  CPSAT("cpsat", 2, "The same instances on Google OR-Tools CP-SAT"),
  SOLR("solr", 3, "End-to-end Solr latency"),
  STRANGE("strange", 4, "Simulator speed against Strange"),
  BANDWIDTH("bandwidth", 5, "The state-vector engine against the memory-bandwidth limit"),
  QAOA("qaoa", 6, "QAOA quality"),
  PENALTY("penalty", 7, "The penalty weight rule"),
  QAOA_LATENCY("qaoa-latency", 8, "In-process QAOA latency and the largest subspace"),
  CLOUD("cloud", 9, "SolrCloud, 2 shards: end-to-end latency and the shards' extra bytes"),
  REMOTE("remote", 10, "solver=remote under a flapping provider");

  private final String option;
  private final int number;
  private final String title;

  Section(String option, int number, String title) {
    this.option = option;
    this.number = number;
    this.title = title;
  }

  String option() {
    return option;
  }

  /** The markdown heading, e.g. {@code ## 4. Simulator speed against Strange}. */
  String heading() {
    return "## " + number + ". " + title;
  }

  /** The section named {@code name} (case-insensitive). */
  static Section parse(String name) {
    for (Section s : values()) {
      if (s.option.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown section '" + name + "'; expected one of " + names(EnumSet.allOf(Section.class)));
  }

  /** Comma-separated option names, in report order. */
  static String names(Set<Section> sections) {
    StringBuilder sb = new StringBuilder();
    for (Section s : values()) {
      if (sections.contains(s)) {
        sb.append(sb.length() == 0 ? "" : ",").append(s.option);
      }
    }
    return sb.toString();
  }
}
