package io.github.qrerank.solr.handler.component;

import io.github.qrerank.solr.search.QRerankOutcome;
import io.github.qrerank.solr.search.QRerankOutcomes;
import io.github.qrerank.solr.search.QRerankQuery;
import java.io.IOException;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.SearchComponent;

/**
 * Adds a {@code qrerank} section to the debug output when {@code debugQuery=true} and the request's
 * rank query is {@code {!qrerank}}: what was asked, what answered, the objective and its bound, the
 * constraint report, the timings, and for every window document the values the choice was made
 * from (see {@link DebugSection}). Register it as a {@code last-component} of the search handler,
 * so that it runs after the standard debug component.
 *
 * <p>In SolrCloud the section is the coordinator's: the merge strategy adds it when this component
 * is in the handler's chain, with the shard each window document came from. Shards add none.
 */
public final class QRerankComponent extends SearchComponent {
  public static final String SECTION = "qrerank";

  @Override
  public void prepare(ResponseBuilder rb) {
    // nothing to prepare: the rank query is parsed by the query component
  }

  @Override
  public void process(ResponseBuilder rb) throws IOException {
    if (!rb.isDebugQuery()) {
      return;
    }
    QRerankQuery query = QRerankOutcomes.currentQuery(rb);
    if (query == null || query.isShard()) {
      return;
    }
    QRerankOutcome outcome = QRerankOutcomes.obtain(rb, query);
    rb.addDebugInfo(SECTION, DebugSection.of(outcome));
    if (rb.rsp.getValues().get("debug") == null) {
      rb.rsp.add("debug", rb.getDebugInfo());
    }
  }

  @Override
  public String getDescription() {
    return "qrerank: debug output of constrained set-selection re-ranking";
  }
}
