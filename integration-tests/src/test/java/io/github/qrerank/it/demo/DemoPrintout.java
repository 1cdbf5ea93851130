package io.github.qrerank.it.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the demo's printout back into examples, top lists, solve lines and curl commands. */
final class DemoPrintout {

  /** One printed table row: id brand category stock price score tags. */
  record Row(
      String id,
      String brand,
      String category,
      int stock,
      double price,
      double score,
      String tags) {

    /** The row's value of a string or boolean field, as a quota or cap names it. */
    String field(String name) {
      return switch (name) {
        case "brand" -> brand;
        case "category" -> category;
        case "is_new" -> String.valueOf(tags.contains("new"));
        case "sponsored" -> String.valueOf(tags.contains("spons"));
        default -> throw new IllegalArgumentException("the printout has no column " + name);
      };
    }
  }

  /** One printed example. */
  record Example(
      String q, String rq, List<Row> plain, List<Row> reranked, List<String> solveLines) {

    /** The value of local param {@code name} in {@link #rq}, or null. */
    String localParam(String name) {
      Matcher m = Pattern.compile("[{ ]" + Pattern.quote(name) + "=([^ }]+)").matcher(rq);
      return m.find() ? m.group(1) : null;
    }

    /** {@code caps=field:max,...} of {@link #rq} as field -> max. */
    Map<String, Integer> caps() {
      Map<String, Integer> caps = new LinkedHashMap<>();
      String value = localParam("caps");
      if (value != null) {
        for (String cap : value.split(",")) {
          String[] fm = cap.split(":");
          caps.put(fm[0], Integer.parseInt(fm[1]));
        }
      }
      return caps;
    }

    /**
     * The number of distinct first-pass scores in the window, from the "window" line; -1 if absent.
     */
    int distinctWindowScores() {
      String window = solveLine("window");
      Matcher m = window == null ? null : DISTINCT.matcher(window);
      return m != null && m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    String solveLine(String label) {
      for (String line : solveLines) {
        if (line.startsWith(label + " ")) {
          return line;
        }
      }
      return null;
    }

    /**
     * What the qrerank top list breaks of its {@code rq}: out-of-stock rows, a cap's field value
     * seen more often than its maximum, quota lines not reported met. Empty when it keeps them all.
     */
    List<String> violations() {
      List<String> found = new ArrayList<>();
      for (Row row : reranked) {
        if (row.stock() < 1) {
          found.add(q + ": out of stock: " + row);
        }
      }
      caps()
          .forEach(
              (field, max) -> {
                Map<String, Integer> used = new HashMap<>();
                for (Row row : reranked) {
                  if (used.merge(row.field(field), 1, Integer::sum) == max + 1) {
                    found.add(q + ": more than " + max + " of " + field + "=" + row.field(field));
                  }
                }
              });
      for (String line : solveLines) {
        if (line.startsWith("quota ") && !line.endsWith("(met)")) {
          found.add(q + ": " + line);
        }
      }
      return found;
    }
  }

  private static final Pattern DISTINCT =
      Pattern.compile("first-pass scores \\S+ to \\S+, (\\d+) distinct");
  private static final Pattern HEADER = Pattern.compile("^\\[(\\d+)] q=\"([^\"]*)\".*");
  private static final Pattern ROW = Pattern.compile("^ {4}\\d \\S.*");
  private static final Pattern SOLVE =
      Pattern.compile("^ {4}(solver|window|cap|quota|timings|remote|quantum) .*");

  final String text;
  final List<Example> examples = new ArrayList<>();
  final List<String> curls = new ArrayList<>();

  /**
   * Runs the demo in this JVM as {@code ./demo.sh --exit --port 0 --home home} plus {@code args},
   * echoes what it printed and parses it.
   */
  static DemoPrintout run(Path home, String... args) throws Exception {
    return run(home, coreUrl -> {}, args);
  }

  /**
   * {@link #run(Path, String...)}, calling {@code afterPrintout} with the core's URL while the
   * demo's Solr still runs (just before {@code --exit} stops it).
   */
  static DemoPrintout run(Path home, DemoMain.AfterPrintout afterPrintout, String... args)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--exit", "--port", "0", "--home", home.toString()));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    DemoMain.run(DemoOptions.parse(all.toArray(new String[0])), out, false, afterPrintout);
    String printout = buffer.toString(StandardCharsets.UTF_8);
    System.out.println(printout);
    return new DemoPrintout(printout);
  }

  DemoPrintout(String printout) {
    text = printout;
    String q = null;
    String rq = null;
    List<Row> plain = null;
    List<Row> reranked = null;
    List<String> solve = null;
    for (String line : printout.split("\\R")) {
      Matcher header = HEADER.matcher(line);
      if (header.matches()) {
        if (q != null) {
          examples.add(new Example(q, rq, plain, reranked, solve));
        }
        q = header.group(2);
        rq = null;
        plain = new ArrayList<>();
        reranked = new ArrayList<>();
        solve = new ArrayList<>();
      } else if (q != null && line.startsWith("    rq=")) {
        rq = line.substring("    rq=".length());
      } else if (q != null && ROW.matcher(line).matches()) {
        int bar = line.indexOf(" |", 6);
        addRow(plain, line.substring(6, bar));
        addRow(reranked, line.substring(bar + 2));
      } else if (q != null && SOLVE.matcher(line).matches()) {
        solve.add(line.trim());
      } else if (line.trim().startsWith("curl -s '")) {
        curls.add(line.trim());
      }
    }
    if (q != null) {
      examples.add(new Example(q, rq, plain, reranked, solve));
    }
  }

  private static void addRow(List<Row> rows, String cells) {
    String[] t = cells.trim().split("\\s+");
    if (t.length == 7) {
      rows.add(
          new Row(
              t[0],
              t[1],
              t[2],
              Integer.parseInt(t[3]),
              Double.parseDouble(t[4]),
              Double.parseDouble(t[5]),
              t[6]));
    } else if (!cells.isBlank()) {
      throw new IllegalArgumentException("unexpected row cells: '" + cells + "'");
    }
  }
}
