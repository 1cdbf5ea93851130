package io.github.qrerank.it.demo;

import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import io.github.qrerank.it.demo.catalog.Product;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;

/**
 * Sends the generated catalog to a core in batches, showing progress, and commits at the end. On a
 * terminal the progress line is redrawn in place; otherwise a line is printed every tenth.
 */
public final class CatalogIndexer {

  static final int BATCH_SIZE = 1_000;

  private final SolrClient client;
  private final String collection;
  private final PrintStream out;
  private final boolean interactive;

  CatalogIndexer(SolrClient client, String collection, PrintStream out, boolean interactive) {
    this.client = client;
    this.collection = collection;
    this.out = out;
    this.interactive = interactive;
  }

  /** Indexes products 0..docs-1 of {@code catalog}, then commits. */
  void index(CatalogGenerator catalog, int docs) throws IOException, SolrServerException {
    long start = System.nanoTime();
    int lastTenth = 0;
    List<SolrInputDocument> batch = new ArrayList<>(BATCH_SIZE);
    for (int i = 0; i < docs; i++) {
      batch.add(toDocument(catalog.product(i)));
      if (batch.size() == BATCH_SIZE || i == docs - 1) {
        client.add(collection, batch);
        batch.clear();
        int done = i + 1;
        int tenth = (int) (10L * done / docs);
        if (interactive) {
          out.print("\r" + progress(done, docs, start));
          out.flush();
        } else if (tenth > lastTenth) {
          out.println(progress(done, docs, start));
          lastTenth = tenth;
        }
      }
    }
    if (interactive) {
      out.println();
    }
    out.print("  committing ...");
    out.flush();
    client.commit(collection);
    out.printf(Locale.ROOT, " done; %,d products in %.1f s%n", docs, seconds(start));
  }

  /** The products configset's document for a generated product. */
  public static SolrInputDocument toDocument(Product p) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField("id", p.id());
    doc.addField("title", p.title());
    doc.addField("description", p.description());
    doc.addField("brand", p.brand());
    doc.addField("category", p.category());
    doc.addField("price", p.price());
    doc.addField("conversion_rate", p.conversionRate());
    doc.addField("margin", p.margin());
    doc.addField("popularity", p.popularity());
    doc.addField("stock", p.stock());
    doc.addField("is_new", p.isNew());
    doc.addField("sponsored", p.sponsored());
    List<Float> vector = new ArrayList<>(p.embedding().length);
    for (float x : p.embedding()) {
      vector.add(x);
    }
    doc.addField("embedding", vector);
    return doc;
  }

  private static String progress(int done, int docs, long start) {
    return String.format(
        Locale.ROOT,
        "  indexing %,d / %,d products (%3d%%), %.1f s",
        done,
        docs,
        100L * done / docs,
        seconds(start));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
