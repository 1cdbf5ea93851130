package io.github.qrerank.solr.cloud;

import io.github.qrerank.features.WindowData;
import io.github.qrerank.solr.feature.ExtractionPlan;
import java.util.HashMap;
import java.util.Map;
import org.apache.solr.handler.component.ShardDoc;

/**
 * Assembles the global window from the shards' windows: the raw values of the first {@code w}
 * merged candidates, taken from the window their shard sent, in merged first-pass order.
 */
final class GlobalWindow {
  private GlobalWindow() {}

  /**
   * @param merged the merged candidates, best first; each names its shard and its position there
   * @param w how many of them form the window
   * @param windows each shard's decoded section, by shard
   * @throws IllegalStateException when a window document lies beyond its shard's window (a shard
   *     that sent fewer raw values than its first {@code reRankDocs} candidates)
   */
  static WindowData assemble(
      ShardDoc[] merged, int w, Map<String, ShardWindow> windows, ExtractionPlan plan) {
    String[] ids = new String[w];
    double[] scores = new double[w];
    Map<String, double[]> numeric = new HashMap<>();
    plan.numericFields().keySet().forEach(f -> numeric.put(f, new double[w]));
    Map<String, String[]> groups = new HashMap<>();
    plan.groupFields().keySet().forEach(f -> groups.put(f, new String[w]));
    float[][] vectors = plan.vectorField() == null ? null : new float[w][];
    Map<String, Columns> columns = new HashMap<>();
    for (int i = 0; i < w; i++) {
      ShardDoc d = merged[i];
      ShardWindow shard = windows.get(d.shard);
      WindowData from = shard.window();
      int j = d.orderInShard;
      if (j >= from.size()) {
        throw new IllegalStateException(
            "shard "
                + d.shard
                + " sent raw values for "
                + from.size()
                + " documents, but its document "
                + j
                + " is in the global window");
      }
      Columns c = columns.computeIfAbsent(d.shard, s -> new Columns(from, plan));
      ids[i] = from.id(j);
      scores[i] = d.score;
      for (Map.Entry<String, double[]> e : numeric.entrySet()) {
        e.getValue()[i] = c.numeric.get(e.getKey())[j];
      }
      for (Map.Entry<String, String[]> e : groups.entrySet()) {
        e.getValue()[i] = c.groups.get(e.getKey())[j];
      }
      if (vectors != null) {
        vectors[i] = from.vector(j);
      }
    }
    WindowData.Builder builder = WindowData.builder(ids, scores);
    for (String field : plan.numericFields().keySet()) {
      builder.numeric(field, numeric.get(field));
    }
    for (String field : plan.groupFields().keySet()) {
      builder.groups(field, groups.get(field));
    }
    if (vectors != null) {
      builder.vectors(vectors);
    }
    return builder.build();
  }

  /** One shard's value arrays, read once (WindowData hands out copies). */
  private static final class Columns {
    final Map<String, double[]> numeric = new HashMap<>();
    final Map<String, String[]> groups = new HashMap<>();

    Columns(WindowData window, ExtractionPlan plan) {
      plan.numericFields().keySet().forEach(f -> numeric.put(f, window.numeric(f)));
      plan.groupFields().keySet().forEach(f -> groups.put(f, window.groups(f)));
    }
  }
}
