package io.github.qrerank.solr.response.transform;

import io.github.qrerank.solr.search.QRerankOutcome;
import io.github.qrerank.solr.search.QRerankOutcomes;
import io.github.qrerank.solr.search.QRerankQuery;
import java.io.IOException;
import java.util.ArrayList;
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
import org.apache.solr.response.transform.DocTransformers;
import org.apache.solr.response.transform.TransformerFactory;
import org.apache.solr.search.ReturnFields;

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
 *
 * <p>In SolrCloud the values are the coordinator's, computed over the global window: the
 * coordinator's merge strategy hands them to Solr with each returned document ({@link #namesIn} and
 * {@link #info}), and the transformer does nothing on the shards.
 */
public final class QRerankTransformerFactory extends TransformerFactory {

  @Override
  public DocTransformer create(String field, SolrParams params, SolrQueryRequest req) {
    return new QRerankTransformer(field);
  }

  /** The names under which a request's {@code fl} asks for {@code [qrerank]} (usually one). */
  public static List<String> namesIn(ReturnFields fields) {
    List<String> names = new ArrayList<>();
    collect(fields.getTransformer(), names);
    return names;
  }

  private static void collect(DocTransformer transformer, List<String> names) {
    if (transformer instanceof QRerankTransformer q) {
      names.add(q.getName());
    } else if (transformer instanceof DocTransformers all) {
      for (int i = 0; i < all.size(); i++) {
        collect(all.getTransformer(i), names);
      }
    }
  }

  /**
   * The value of the transformer for one document.
   *
   * @param position its position among the selected, -1 when not selected
   * @param utility v_i, or null for a document outside the window
   * @param originalScore the first-pass score, or null when unknown
   */
  public static SimpleOrderedMap<Object> info(int position, Double utility, Float originalScore) {
    SimpleOrderedMap<Object> value = new SimpleOrderedMap<>();
    value.add("selected", position >= 0);
    if (position >= 0) {
      value.add("position", position);
    }
    if (utility != null) {
      value.add("utility", utility);
    }
    if (originalScore != null) {
      value.add("originalScore", originalScore);
    }
    return value;
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
      int i = outcome.windowIndexOf(docid);
      SimpleOrderedMap<Object> value;
      if (i >= 0) {
        value =
            info(
                outcome.selectionPosition(i),
                outcome.built().problem().utility(i),
                outcome.windowScore(i));
      } else {
        value = info(-1, null, firstPassScore(docid));
      }
      doc.setField(name, value);
    }

    private void resolve() throws IOException {
      resolved = true;
      SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
      rb = info == null ? null : info.getResponseBuilder();
      QRerankQuery query = rb == null ? null : QRerankOutcomes.currentQuery(rb);
      // on a shard the coordinator writes the values, from the global window
      if (query != null && !query.isShard()) {
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
