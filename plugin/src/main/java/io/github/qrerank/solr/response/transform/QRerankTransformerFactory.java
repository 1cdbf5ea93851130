package io.github.qrerank.solr.response.transform;

import io.github.qrerank.solr.search.QRerankOutcome;
import io.github.qrerank.solr.search.QRerankOutcomes;
import io.github.qrerank.solr.search.QRerankQuery;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.response.transform.DocTransformer;
import org.apache.solr.response.transform.TransformerFactory;

/**
 * {@code fl=*,[qrerank]}: adds to every returned document one field, named as the transformer,
 * whose value is a map:
 *
 * <ul>
 *   <li>{@code selected}: whether qrerank selected the document;
 *   <li>{@code position}: its position among the selected (0 = top), only when selected;
 *   <li>{@code utility}: v_i, only for documents in the window;
 *   <li>{@code originalScore}: the first-pass score (the main query's score).
 * </ul>
 *
 * Registered as {@code <transformer name="qrerank" class="...QRerankTransformerFactory"/>}. When
 * the request has no {@code {!qrerank}} rank query the documents are left as they are.
 */
public final class QRerankTransformerFactory extends TransformerFactory {

  @Override
  public DocTransformer create(String field, SolrParams params, SolrQueryRequest req) {
    return new QRerankTransformer(field);
  }

  private static final class QRerankTransformer extends DocTransformer {
    private final String name;
    private boolean resolved;
    private ResponseBuilder rb;
    private QRerankOutcome outcome;
    private Weight firstPass;

    QRerankTransformer(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public void transform(SolrDocument doc, int docid) throws IOException {
      if (!resolved) {
        resolve();
      }
      if (outcome == null) {
        return;
      }
      SimpleOrderedMap<Object> value = new SimpleOrderedMap<>();
      int i = outcome.windowIndexOf(docid);
      int position = i < 0 ? -1 : outcome.selectionPosition(i);
      value.add("selected", position >= 0);
      if (position >= 0) {
        value.add("position", position);
      }
      if (i >= 0) {
        value.add("utility", outcome.built().problem().utility(i));
        value.add("originalScore", outcome.windowScore(i));
      } else {
        Float score = firstPassScore(docid);
        if (score != null) {
          value.add("originalScore", score);
        }
      }
      doc.setField(name, value);
    }

    private void resolve() throws IOException {
      resolved = true;
      SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
      rb = info == null ? null : info.getResponseBuilder();
      QRerankQuery query = rb == null ? null : QRerankOutcomes.currentQuery(rb);
      if (query != null) {
        outcome = QRerankOutcomes.obtain(rb, query);
      }
    }

    /** The main query's score of a document outside the window (null if it does not match). */
    private Float firstPassScore(int docid) throws IOException {
      IndexSearcher searcher = rb.req.getSearcher();
      if (firstPass == null) {
        firstPass =
            searcher.createWeight(searcher.rewrite(rb.getQuery()), ScoreMode.COMPLETE, 1f);
      }
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docid, leaves));
      Scorer scorer = firstPass.scorer(leaf);
      if (scorer == null) {
        return null;
      }
      int local = docid - leaf.docBase;
      DocIdSetIterator it = scorer.iterator();
      return it.advance(local) == local ? scorer.score() : null;
    }
  }
}
