package io.github.qrerank.it.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noggit.JSONParser;
import org.noggit.ObjectBuilder;

/**
 * The worked example of README.md, read from the README itself so that a test of it cannot drift
 * from it: the {@code curl} request, the response documents shown (one JSON object per line), the
 * number of hits named under them, and the {@code qrerank} debug section shown for the same request
 * with {@code debugQuery=true}. {@link #ask} sends both requests to a running demo; {@link
 * #differences} lists where an answer disagrees with what the README shows.
 */
final class ReadmeExample {

  /** The system property (set by the module's surefire configuration) naming README.md. */
  static final String README_PROPERTY = "qrerank.readme";

  static final String SECTION = "## A worked example";

  /** What the README says to add for the debug section. */
  static final String DEBUG_PARAM = "debugQuery=true";

  /** The demo's default core URL, which the README's curl command is written against. */
  static final String DEMO_CORE_URL = "http://127.0.0.1:8983/solr/products";

  /**
   * Numbers the README rounds (it says "utilities rounded here"): a value under one of these keys,
   * or directly inside a map under one of them ({@code "utility": {"margin": 0.2433}}), must equal
   * the README's number to within half a unit of the README's last decimal. Every other number
   * must be exactly the README's.
   */
  private static final Set<String> ROUNDED = Set.of("utility", "v");

  /** Maps whose values differ from run to run (wall-clock times): only their keys are compared. */
  private static final Set<String> KEYS_ONLY = Set.of("timingsMs");

  /** The README's debug section shows one of its window documents, elided after it. */
  private static final Pattern ELISION =
      Pattern.compile("(?m)^[ \\t]*\\.\\.\\..*\\.\\.\\.[ \\t]*\\R");

  private static final Pattern FENCE = Pattern.compile("(?ms)^```([a-z]*)\\R(.*?)^```\\s*$");
  private static final Pattern CURL = Pattern.compile("^curl -s '([^']*)'");
  private static final Pattern DATA = Pattern.compile("^--data-urlencode '([^'=]+)=([^']*)'");
  private static final Pattern HITS = Pattern.compile("([\\d,]+) hits");

  /** The URL of the README's curl command. */
  final String url;

  /** The {@code --data-urlencode} parameters, in order, as name and unencoded value. */
  final List<String[]> params;

  /** The response documents the README shows, in order. */
  final List<Map<String, Object>> docs;

  /** The response's numFound, as the README states it under the documents. */
  final long hits;

  /** The README's {@code qrerank} debug section (its {@code docs} only the entries it shows). */
  final Map<String, Object> debugSection;

  private ReadmeExample(
      String url,
      List<String[]> params,
      List<Map<String, Object>> docs,
      long hits,
      Map<String, Object> debugSection) {
    this.url = url;
    this.params = params;
    this.docs = docs;
    this.hits = hits;
    this.debugSection = debugSection;
  }

  /** The README named by {@value #README_PROPERTY}. */
  static Path readmePath() {
    String path = System.getProperty(README_PROPERTY);
    if (path == null) {
      throw new IllegalStateException(
          "system property " + README_PROPERTY + " is unset; run the test through Maven");
    }
    return Path.of(path);
  }

  /** Reads the worked example of {@code readme}; fails naming what it did not find. */
  static ReadmeExample read(Path readme) throws IOException {
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf("\n" + SECTION + "\n");
    if (start < 0) {
      throw new IllegalStateException(readme + " has no section '" + SECTION + "'");
    }
    int end = text.indexOf("\n## ", start + 1);
    String section = text.substring(start, end < 0 ? text.length() : end);
    List<String> blocks = new ArrayList<>();
    List<Integer> blockEnds = new ArrayList<>();
    Matcher fence = FENCE.matcher(section);
    while (fence.find()) {
      blocks.add(fence.group(2));
      blockEnds.add(fence.end());
    }
    if (blocks.size() < 3) {
      throw new IllegalStateException(
          SECTION + " needs a curl block, a response block and a debug block; found "
              + blocks.size() + " blocks");
    }
    if (!section.contains("Add `" + DEBUG_PARAM + "`")) {
      throw new IllegalStateException(SECTION + " no longer says to add `" + DEBUG_PARAM + "`");
    }
    List<String[]> params = new ArrayList<>();
    String url = parseCurl(blocks.get(0), params);
    List<Map<String, Object>> docs = new ArrayList<>();
    for (String line : blocks.get(1).split("\\R")) {
      if (!line.isBlank()) {
        docs.add(asMap(json(line), "a response line"));
      }
    }
    Matcher hits =
        HITS.matcher(section.substring(blockEnds.get(1), section.indexOf("```", blockEnds.get(1))));
    if (!hits.find()) {
      throw new IllegalStateException(SECTION + ": no 'N hits' after the response block");
    }
    return new ReadmeExample(
        url,
        params,
        docs,
        Long.parseLong(hits.group(1).replace(",", "")),
        parseDebugSection(blocks.get(2)));
  }

  /**
   * Parses {@code curl -s 'URL' --data-urlencode 'name=value' ...} (lines joined at {@code \});
   * anything else in the command is refused, so that the test never sends less than it shows.
   */
  private static String parseCurl(String block, List<String[]> params) {
    String rest = block.replaceAll("\\\\\\R", " ").trim();
    Matcher curl = CURL.matcher(rest);
    if (!curl.find()) {
      throw new IllegalStateException("the curl block does not start with curl -s '...': " + rest);
    }
    String url = curl.group(1);
    rest = rest.substring(curl.end()).trim();
    while (!rest.isEmpty()) {
      Matcher data = DATA.matcher(rest);
      if (!data.find()) {
        throw new IllegalStateException("the curl block has more than --data-urlencode: " + rest);
      }
      params.add(new String[] {data.group(1), data.group(2)});
      rest = rest.substring(data.end()).trim();
    }
    return url;
  }

  /**
   * The debug block is {@code "qrerank": {...}} with one window document shown and the others
   * elided by a line {@code ... one entry per window document ...}; without that line (and the
   * comma before it) it is a JSON member.
   */
  private static Map<String, Object> parseDebugSection(String block) throws IOException {
    String member = ELISION.matcher(block).replaceAll("").replaceAll(",(\\s*])", "$1");
    Map<String, Object> wrapped = asMap(json("{" + member + "}"), "debug block");
    return asMap(wrapped.get("qrerank"), "the debug block's \"qrerank\"");
  }

  /** The README's request as {@code curl --data-urlencode} sends it: a form body. */
  String formBody(String... extra) {
    StringJoiner body = new StringJoiner("&");
    for (String[] p : params) {
      body.add(p[0] + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8));
    }
    for (String e : extra) {
      body.add(e);
    }
    return body.toString();
  }

  /** The two responses the README shows, from the demo whose core is at {@code coreUrl}. */
  record Answers(Map<String, Object> plain, Map<String, Object> debug) {}

  /**
   * Sends the README's request to the demo's core at {@code coreUrl} (a POST form, as curl's
   * {@code --data-urlencode} does), then the same with {@value #DEBUG_PARAM}; the first one puts
   * the ranked list in Solr's query result cache, as the README's reading of {@code recomputed}
   * assumes.
   */
  Answers ask(String coreUrl) throws IOException, InterruptedException {
    if (!url.startsWith(DEMO_CORE_URL + "/")) {
      throw new IllegalStateException(
          "the README's curl does not address the demo's core " + DEMO_CORE_URL + ": " + url);
    }
    String target = coreUrl + url.substring(DEMO_CORE_URL.length());
    HttpClient http = HttpClient.newHttpClient();
    return new Answers(post(http, target, formBody()), post(http, target, formBody(DEBUG_PARAM)));
  }

  private static Map<String, Object> post(HttpClient http, String url, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response =
        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "HTTP " + response.statusCode() + " for " + url + " " + body + ": " + response.body());
    }
    return asMap(json(response.body()), "the response");
  }

  /**
   * Where {@code actual} disagrees with the README's {@code expected}: a map must have exactly the
   * README's keys, a list the README's length and elements, a string, boolean or null the README's
   * value, a number the README's number (within the README's rounding for {@link #ROUNDED} keys).
   * The debug section's {@code docs} are matched by id, since the README shows only one.
   */
  static List<String> differences(String path, Object expected, Object actual) {
    List<String> found = new ArrayList<>();
    compare(path, null, null, expected, actual, found);
    return found;
  }

  private static void compare(
      String path, String parentKey, String key, Object expected, Object actual, List<String> out) {
    if (expected instanceof Map<?, ?> e) {
      if (!(actual instanceof Map<?, ?> a)) {
        out.add(path + ": expected an object, got " + actual);
        return;
      }
      if (!e.keySet().equals(a.keySet())) {
        out.add(path + ": keys " + a.keySet() + ", the README shows " + e.keySet());
      }
      if (key != null && KEYS_ONLY.contains(key)) {
        return;
      }
      for (Map.Entry<?, ?> entry : e.entrySet()) {
        String k = String.valueOf(entry.getKey());
        if (a.containsKey(k)) {
          compare(path + "." + k, key, k, entry.getValue(), a.get(k), out);
        }
      }
    } else if (expected instanceof List<?> e && "docs".equals(key) && parentKey == null) {
      compareById(path, e, actual, out);
    } else if (expected instanceof List<?> e) {
      if (!(actual instanceof List<?> a) || a.size() != e.size()) {
        out.add(path + ": expected " + e.size() + " elements, got " + actual);
        return;
      }
      for (int i = 0; i < e.size(); i++) {
        compare(path + "[" + i + "]", key, key, e.get(i), a.get(i), out);
      }
    } else if (expected instanceof Number n) {
      if (!(actual instanceof Number m)) {
        out.add(path + ": expected " + n + ", got " + actual);
        return;
      }
      BigDecimal e = decimal(n);
      BigDecimal a = decimal(m);
      if (rounded(key) || rounded(parentKey)) {
        BigDecimal halfUnit = BigDecimal.valueOf(5, Math.max(e.scale(), 0) + 1);
        if (a.subtract(e).abs().compareTo(halfUnit) > 0) {
          out.add(path + ": " + a + " does not round to the README's " + e);
        }
      } else if (a.compareTo(e) != 0) {
        out.add(path + ": " + a + ", the README shows " + e);
      }
    } else if (expected == null ? actual != null : !expected.equals(actual)) {
      out.add(path + ": " + actual + ", the README shows " + expected);
    }
  }

  /** The debug section's window documents shown in the README, found by id among all of them. */
  private static void compareById(String path, List<?> expected, Object actual, List<String> out) {
    if (!(actual instanceof List<?> a)) {
      out.add(path + ": expected a list, got " + actual);
      return;
    }
    for (Object e : expected) {
      Object id = e instanceof Map<?, ?> m ? m.get("id") : null;
      Object match =
          a.stream()
              .filter(d -> d instanceof Map<?, ?> m && id != null && id.equals(m.get("id")))
              .findFirst()
              .orElse(null);
      if (match == null) {
        out.add(path + ": no document " + id);
      } else {
        compare(path + "[id=" + id + "]", null, null, e, match, out);
      }
    }
  }

  private static boolean rounded(String key) {
    return key != null && ROUNDED.contains(key);
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
  }

  /**
   * Parses JSON keeping every number with a fraction or exponent as the {@link BigDecimal} of its
   * text, so that the README's digits (how many it printed, hence how it rounded) are not lost.
   */
  static Object json(String text) throws IOException {
    JSONParser parser = new JSONParser(text);
    Object value =
        new ObjectBuilder(parser) {
          @Override
          public Object getNumber() throws IOException {
            return new BigDecimal(parser.getNumberChars().toString());
          }

          @Override
          public Object getBigNumber() throws IOException {
            return new BigDecimal(parser.getNumberChars().toString());
          }
        }.getVal();
    ObjectBuilder.checkEOF(parser);
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object json, String what) {
    if (!(json instanceof Map<?, ?>)) {
      throw new IllegalStateException(what + " is not a JSON object: " + json);
    }
    return (Map<String, Object>) json;
  }
}
