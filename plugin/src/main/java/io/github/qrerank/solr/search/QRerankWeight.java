package io.github.qrerank.solr.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.Weight;

/**
 * The main query's weight: {@code {!qrerank}} scores like its main query (the first pass). The
 * explanation says so and points to the {@code qrerank} debug section, which holds the selection
 * and the values it was made from.
 */
final class QRerankWeight extends FilterWeight {
  private final int reRankDocs;

  QRerankWeight(QRerankQuery query, Weight mainWeight) {
    super(query, mainWeight);
    this.reRankDocs = query.params().reRankDocs();
  }

  @Override
  public Explanation explain(LeafReaderContext context, int doc) throws IOException {
    Explanation main = in.explain(context, doc);
    if (!main.isMatch()) {
      return main;
    }
    return Explanation.match(
        main.getValue(),
        "first-pass score; qrerank re-ranks the top "
            + reRankDocs
            + " documents (see the qrerank debug section)",
        main);
  }
}
