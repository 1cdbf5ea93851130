package io.github.qrerank.solr.search;

import io.github.qrerank.solr.remote.RemoteSettings;
import io.github.qrerank.solr.remote.RemoteSolver;
import io.github.qrerank.solver.SolverKind;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.metrics.SolrMetricsContext;
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
 * <p>{@code solver=remote} needs a quantum provider, configured by a {@code <lst name="remote">}
 * in the init args ({@link RemoteSettings}); the parser then owns a {@link RemoteSolver} (its job
 * threads, HTTP client, circuit breaker, bulkhead and late-answer cache), closed with the core.
 * Without that list a request asking for {@code solver=remote} gets a 400 naming {@code solver}.
 *
 * <p>Metrics ({@link QRerankMetrics}, and the remote solver's) go to the core's registry, visible
 * at {@code /solr/admin/metrics} under {@code QUERYPARSER.qrerank.}.
 *
 * <p>A request that Solr sends to a shard of a distributed search ({@code isShard=true}) gets a
 * query in the shard role ({@link QRerankQuery#isShard()}): the shard reports its window and the
 * coordinator selects.
 *
 * <p>Two request settings are refused: {@code multiThreaded=true} (Solr would then collect each
 * index slice with its own collector and re-rank each slice's window on its own) and {@code
 * cursorMark} (a cursor pages by sort values, which re-ranked documents do not follow).
 */
public final class QRerankQParserPlugin extends QParserPlugin implements AutoCloseable {
  public static final String NAME = "qrerank";

  private SolrParams defaults = new ModifiableSolrParams();
  private QRerankRuntime runtime = QRerankRuntime.standalone();
  private SolrMetricsContext metricsContext;

  @Override
  public void init(NamedList<?> args) {
    ModifiableSolrParams d = new ModifiableSolrParams();
    NamedList<?> remote = null;
    if (args != null) {
      for (int i = 0; i < args.size(); i++) {
        Object value = args.getVal(i);
        if (RemoteSettings.SECTION.equals(args.getName(i))) {
          if (!(value instanceof NamedList) || remote != null) {
            throw initError("'" + RemoteSettings.SECTION + "' must be one <lst> of settings");
          }
          remote = (NamedList<?>) value;
          continue;
        }
        if (value == null || value instanceof NamedList || value instanceof Iterable) {
          throw initError("'" + args.getName(i) + "' must be a single value, got " + value);
        }
        d.set(args.getName(i), value.toString());
      }
    }
    QRerankParams parsed;
    try {
      parsed = ParamsParser.parse(null, d);
    } catch (SolrException e) {
      throw initError(e.getMessage());
    }
    RemoteSettings settings = null;
    if (remote != null) {
      try {
        settings = RemoteSettings.parse(remote);
      } catch (IllegalArgumentException e) {
        throw initError(e.getMessage());
      }
    } else if (parsed.solver() == SolverKind.REMOTE) {
      throw initError(
          "'" + QRerankParams.SOLVER + "' is remote but no provider is configured: add a <lst name=\""
              + RemoteSettings.SECTION + "\"> of provider settings");
    }
    this.defaults = d;
    this.runtime =
        new QRerankRuntime(new QRerankMetrics(), settings == null ? null : new RemoteSolver(settings));
  }

  /** The parser's metrics and remote solver (null remote when none is configured). */
  public QRerankRuntime runtime() {
    return runtime;
  }

  @Override
  public String getDescription() {
    return "qrerank: constrained set-selection re-ranking";
  }

  @Override
  public void initializeMetrics(SolrMetricsContext parentContext, String scope) {
    metricsContext = parentContext.getChildContext(this);
    runtime.metrics().bind(metricsContext);
    if (runtime.remote() != null) {
      runtime.remote().bindMetrics(metricsContext, QRerankMetrics.PATH);
    }
  }

  @Override
  public SolrMetricsContext getSolrMetricsContext() {
    return metricsContext;
  }

  /** Stops the remote solver's jobs and HTTP client and removes its gauges. */
  @Override
  public void close() {
    if (runtime.remote() != null) {
      runtime.remote().close();
    }
    if (metricsContext != null) {
      metricsContext.unregister();
    }
  }

  private static SolrException initError(String message) {
    return new SolrException(
        SolrException.ErrorCode.SERVER_ERROR,
        "invalid default in the init args of <queryParser name=\"" + NAME + "\">: " + message);
  }

  @Override
  public QParser createParser(
      String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new Parser(qstr, localParams, params, req, defaults, runtime);
  }

  private static final class Parser extends QParser {
    private final SolrParams defaults;
    private final QRerankRuntime runtime;

    Parser(
        String qstr,
        SolrParams localParams,
        SolrParams params,
        SolrQueryRequest req,
        SolrParams defaults,
        QRerankRuntime runtime) {
      super(qstr, localParams, params, req);
      this.defaults = defaults;
      this.runtime = runtime;
    }

    @Override
    public Query parse() {
      refuseUnsupportedRequests(params);
      QRerankParams parsed = ParamsParser.parse(localParams, defaults);
      if (parsed.solver() == SolverKind.REMOTE && runtime.remote() == null) {
        throw ParamText.bad(
            QRerankParams.SOLVER,
            "is remote but no quantum provider is configured for this query parser: add a <lst"
                + " name=\"" + RemoteSettings.SECTION + "\"> to the init args of <queryParser name=\""
                + NAME + "\"> in solrconfig.xml (see the README)");
      }
      Set<String> defaulted = new HashSet<>();
      for (String name : QRerankParams.NAMES) {
        if ((localParams == null || localParams.get(name) == null) && defaults.get(name) != null) {
          defaulted.add(name);
        }
      }
      SchemaBinding bound = SchemaBinding.bind(parsed, req.getSchema(), defaulted);
      boolean shard = params != null && params.getBool(ShardParams.IS_SHARD, false);
      return new QRerankQuery(bound.params(), bound.plan(), shard, runtime);
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
