package io.github.qrerank.solr.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.solr.common.SolrException;

/**
 * Parsing of parameter values with errors that name the parameter: numbers in a range, finite
 * doubles, vectors and the comma separated lists of {@code utility}, {@code caps} and {@code
 * quotas}. A backslash escapes the next character, so that a group value may contain {@code ,},
 * {@code :}, {@code =} or {@code \}; pieces are trimmed.
 */
final class ParamText {
  /**
   * A plain decimal number, NaN or Infinity. Compiled once: {@link String#matches} would compile
   * it again for every number, and a 32-dimensional userVector holds 32 of them.
   */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity)");

  private ParamText() {}

  static SolrException bad(String param, String message) {
    return new SolrException(
        SolrException.ErrorCode.BAD_REQUEST, "qrerank: '" + param + "' " + message);
  }

  static int intIn(String param, String raw, int min, int max) {
    try {
      int v = Integer.parseInt(raw.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(param, "must be an integer in [" + min + ", " + max + "], got '" + raw + "'");
  }

  /** {@code true} or {@code false}, case-insensitively; anything else is refused. */
  static boolean bool(String param, String raw) {
    String s = raw.trim();
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw bad(param, "must be true or false, got '" + raw + "'");
  }

  static long longValue(String param, String raw) {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw bad(param, "must be a 64-bit integer, got '" + raw + "'");
    }
  }

  static double finite(String param, String raw) {
    double v = parseDouble(raw);
    if (!Double.isFinite(v)) {
      throw bad(param, "must be a finite number, got '" + raw + "'");
    }
    return v;
  }

  static double finiteNonNegative(String param, String raw) {
    double v = parseDouble(raw);
    if (!Double.isFinite(v) || v < 0) {
      throw bad(param, "must be a finite number >= 0, got '" + raw + "'");
    }
    return v;
  }

  /** NaN when the text is not a plain decimal number (hex and type suffixes are refused). */
  private static double parseDouble(String raw) {
    String s = raw.trim();
    if (s.isEmpty() || !DECIMAL.matcher(s).matches()) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }

  /** {@code [f1,f2,...]}: at least one value, all finite floats. */
  static float[] vector(String param, String raw) {
    String s = raw.trim();
    if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
      throw bad(param, "must look like [f1,f2,...], got '" + raw + "'");
    }
    String body = s.substring(1, s.length() - 1).trim();
    if (body.isEmpty()) {
      throw bad(param, "must hold at least one value, got '" + raw + "'");
    }
    String[] parts = body.split(",", -1);
    float[] v = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      double d = parseDouble(parts[i]);
      if (!Double.isFinite(d) || !Float.isFinite((float) d)) {
        throw bad(
            param, "value " + (i + 1) + " must be a finite number, got '" + parts[i].trim() + "'");
      }
      v[i] = (float) d;
    }
    return v;
  }

  /** Splits on unescaped {@code sep}; pieces keep their escapes and are trimmed. */
  static List<String> split(String param, String raw, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        cur.append(c).append(raw.charAt(++i));
      } else if (c == sep) {
        out.add(nonEmpty(param, cur.toString().trim(), raw));
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(nonEmpty(param, cur.toString().trim(), raw));
    return out;
  }

  private static String nonEmpty(String param, String piece, String raw) {
    if (piece.isEmpty()) {
      throw bad(param, "has an empty entry in '" + raw + "'");
    }
    return piece;
  }

  /** Index of the first ({@code last == false}) or last unescaped {@code c}, or -1. */
  static int indexOfUnescaped(String s, char c, boolean last) {
    int found = -1;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == c) {
        if (!last) {
          return i;
        }
        found = i;
      }
    }
    return found;
  }

  /** Trims, then removes the escaping backslashes. */
  static String unescape(String raw) {
    String s = raw.trim();
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      b.append(c);
    }
    return b.toString();
  }
}
