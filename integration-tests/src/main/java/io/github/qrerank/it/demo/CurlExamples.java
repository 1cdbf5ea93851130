package io.github.qrerank.it.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready-to-paste {@code curl} commands for the examples: every parameter URL-encoded, the user
 * vector passed by reference ({@code userVector=$uv} in {@code rq}, the vector itself in {@code
 * uv}), the {@code [qrerank]} transformer and the debug section switched on.
 */
final class CurlExamples {

  private CurlExamples() {}

  /** The select URL of {@code example} on the core at {@code coreUrl}. */
  static String url(String coreUrl, ExampleQuery example) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", example.q());
    params.put("rq", example.rq());
    params.put(ExampleQuery.USER_VECTOR_PARAM, example.userVectorParam());
    params.put("fl", ExampleRunner.FIELDS + "," + ExampleRunner.TRANSFORMER);
    params.put("rows", String.valueOf(ExampleRunner.TOP));
    params.put("debugQuery", "true");
    StringBuilder sb = new StringBuilder(coreUrl).append("/select?");
    params.forEach(
        (name, value) -> {
          if (sb.charAt(sb.length() - 1) != '?') {
            sb.append('&');
          }
          sb.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return sb.toString();
  }

  /** {@code curl -s '<url>'}; single quotes are safe since the encoded URL contains none. */
  static String command(String coreUrl, ExampleQuery example) {
    return "curl -s '" + url(coreUrl, example) + "'";
  }
}
