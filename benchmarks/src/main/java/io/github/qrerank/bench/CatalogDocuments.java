package io.github.qrerank.bench;

import io.github.qrerank.it.demo.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/**
 * A generated product as a Solr document of the products configset. Same field mapping as the
 * demo's indexer (which is package-private there); the catalog itself is the demo's generator.
 */
final class CatalogDocuments {
  private CatalogDocuments() {}

  static SolrInputDocument of(Product p) {
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
}
