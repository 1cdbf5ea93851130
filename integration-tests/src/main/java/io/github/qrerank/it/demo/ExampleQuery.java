package io.github.qrerank.it.demo;

import java.util.Locale;

/**
 * One of the demo's example searches: the main query, the {@code rq} sent with it (which refers to
 * the shopper's vector as {@code $uv}) and that vector.
 *
 * @param story what the example shows, in one line
 * @param q the main query (edismax over title and description)
 * @param rq the rerank query, e.g. {@code {!qrerank k=5 caps=brand:1 userVector=$uv ...}}
 * @param userVector the value of the {@code uv} request parameter
 */
public record ExampleQuery(String story, String q, String rq, float[] userVector) {

  /** The request parameter holding the user vector, referenced as {@code $uv} in {@link #rq}. */
  public static final String USER_VECTOR_PARAM = "uv";

  /** {@link #userVector} in the {@code [f1,f2,...]} form the {@code userVector} parameter takes. */
  public String userVectorParam() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < userVector.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(String.format(Locale.ROOT, "%.4f", userVector[i]));
    }
    return sb.append(']').toString();
  }
}
