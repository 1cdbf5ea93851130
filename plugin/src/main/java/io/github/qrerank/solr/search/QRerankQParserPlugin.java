package io.github.qrerank.solr.search;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

/**
 * The {@code qrerank} query parser: {@code rq={!qrerank k=5 reRankDocs=100 ...}}.
 *
 * <p>Registered as {@code <queryParser name="qrerank" class="...QRerankQParserPlugin">}; its init
 * args ({@code <str name="k">5</str>}, ...) are the defaults of the parameters in {@link
 * QRerankParams}, and a request's local params override them. The defaults are validated when the
 * core loads: an invalid default fails the core with a message naming the parameter. A plugin
 * cannot see the schema at that point, so defaults that name fields are checked against the schema
 * with each request, whose error then says the value is the queryParser's default. Each request is
 * validated in {@code parse()}: every invalid value is refused with a 400 naming the parameter.
 *
 * <p>Two request settings are refused: {@code multiThreaded=true} (Solr would then collect each
 * index slice with its own collector and re-rank each slice's window on its own) and {@code
 * cursorMark} (a cursor pages by sort values, which re-ranked documents do not follow).
 */
public final class QRerankQParserPlugin extends QParserPlugin {
  public static final String NAME = "qrerank";

  private SolrParams defaults = new ModifiableSolrParams();

  @Override
  public void init(NamedList<?> args) {
    ModifiableSolrParams d = new ModifiableSolrParams();
    if (args != null) {
      for (int i = 0; i < args.size(); i++) {
        Object value = args.getVal(i);
        if (value == null || value instanceof NamedList || value instanceof Iterable) {
          throw initError("'" + args.getName(i) + "' must be a single value, got " + value);
        }
        d.set(args.getName(i), value.toString());
      }
    }
    try {
      ParamsParser.parse(null, d);
    } catch (SolrException e) {
      throw initError(e.getMessage());
    }
    this.defaults = d;
  }

  private static SolrException initError(String message) {
    return new SolrException(
        SolrException.ErrorCode.SERVER_ERROR,
        "invalid default in the init args of <queryParser name=\"" + NAME + "\">: " + message);
  }

  @Override
  public QParser createParser(
      String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new Parser(qstr, localParams, params, req, defaults);
  }

  private static final class Parser extends QParser {
    private final SolrParams defaults;

    Parser(
        String qstr,
        SolrParams localParams,
        SolrParams params,
        SolrQueryRequest req,
        SolrParams defaults) {
      super(qstr, localParams, params, req);
      this.defaults = defaults;
    }

    @Override
    public Query parse() {
      refuseUnsupportedRequests(params);
      QRerankParams parsed = ParamsParser.parse(localParams, defaults);
      Set<String> defaulted = new HashSet<>();
      for (String name : QRerankParams.NAMES) {
        if ((localParams == null || localParams.get(name) == null) && defaults.get(name) != null) {
          defaulted.add(name);
        }
      }
      SchemaBinding bound = SchemaBinding.bind(parsed, req.getSchema(), defaulted);
      return new QRerankQuery(bound.params(), bound.plan());
    }

    private static void refuseUnsupportedRequests(SolrParams params) {
      if (params == null) {
        return;
      }
      if (params.getBool(CommonParams.MULTI_THREADED, false)) {
        throw new SolrException(
            SolrException.ErrorCode.BAD_REQUEST,
            "qrerank: '"
                + CommonParams.MULTI_THREADED
                + "=true' is not supported: Solr would collect each index slice with its own"
                + " collector, which splits the re-ranking window; remove "
                + CommonParams.MULTI_THREADED
                + " or set it to false");
      }
      if (params.get(CursorMarkParams.CURSOR_MARK_PARAM) != null) {
        throw new SolrException(
            SolrException.ErrorCode.BAD_REQUEST,
            "qrerank: '"
                + CursorMarkParams.CURSOR_MARK_PARAM
                + "' is not supported: a cursor pages by sort values, which re-ranked documents"
                + " do not follow; page with start and rows");
      }
    }
  }
}
