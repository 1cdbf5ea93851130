package io.github.qrerank.solr.search;

import io.github.qrerank.solr.cloud.QRerankMergeStrategy;
import io.github.qrerank.solr.feature.ExtractionPlan;
import io.github.qrerank.solver.SolverKind;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.Weight;
import org.apache.solr.handler.component.MergeStrategy;
import org.apache.solr.search.QueryCommand;
import org.apache.solr.search.RankQuery;

/**
 * {@code rq={!qrerank ...}}: re-ranks the top {@code reRankDocs} documents of the main query by
 * solving a constrained set selection (see the contract). Immutable: {@link #wrap(Query)} and
 * {@link #rewrite(IndexSearcher)} return new instances.
 *
 * <p>A query parsed for a shard of a distributed request ({@code isShard=true}) has the {@link
 * #isShard() shard role}: its collector keeps the first-pass order and only remembers the hits, and
 * its {@link #getMergeStrategy() merge strategy} attaches the window's raw values to the shard's
 * response; the coordinator's merge strategy makes the one selection over the global window. On a
 * single core (and on the coordinator) the role is off.
 *
 * <p>{@link #equals} and {@link #hashCode} cover the main query, every parameter and the role, so
 * that the query result cache never answers one request with another's ranking (a shard caches the
 * first-pass list, a core the re-ranked one). The {@link OutcomeHolder}s shared by a parsed query
 * and its copies are left out: they belong to the request, not to the query's meaning; so is the
 * parser's {@link QRerankRuntime}.
 *
 * <p>A {@code solver=remote} query never enters the query result cache ({@link #getCache()} is
 * false): its ranking depends on when the provider answers, so a cached one would outlive its
 * reason and disagree with the debug section recomputed for it.
 *
 * <p>Scoring delegates to the main query; the re-ranking happens in {@link QRerankCollector}.
 */
public final class QRerankQuery extends RankQuery {
  private static final Query MATCH_ALL = new MatchAllDocsQuery();

  private final Query mainQuery;
  private final QRerankParams params;
  private final ExtractionPlan plan;
  private final boolean shard;
  private final OutcomeHolder<QRerankOutcome> holder;
  private final OutcomeHolder<FirstPass> firstPass;
  private final QRerankRuntime runtime;

  QRerankQuery(QRerankParams params, ExtractionPlan plan, boolean shard, QRerankRuntime runtime) {
    this(MATCH_ALL, params, plan, shard, new OutcomeHolder<>(), new OutcomeHolder<>(), runtime);
  }

  private QRerankQuery(
      Query mainQuery,
      QRerankParams params,
      ExtractionPlan plan,
      boolean shard,
      OutcomeHolder<QRerankOutcome> holder,
      OutcomeHolder<FirstPass> firstPass,
      QRerankRuntime runtime) {
    this.mainQuery = Objects.requireNonNull(mainQuery, "mainQuery");
    this.params = Objects.requireNonNull(params, "params");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.shard = shard;
    this.holder = Objects.requireNonNull(holder, "holder");
    this.firstPass = Objects.requireNonNull(firstPass, "firstPass");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /** The validated parameters. */
  public QRerankParams params() {
    return params;
  }

  /** Which values the window's documents are read for. */
  public ExtractionPlan plan() {
    return plan;
  }

  /**
   * True when this query runs on a shard of a distributed request: it must not select, only
   * collect its first pass and report the window's raw values to the coordinator.
   */
  public boolean isShard() {
    return shard;
  }

  /** The parser's metrics and remote solver. */
  public QRerankRuntime runtime() {
    return runtime;
  }

  @Override
  public boolean getCache() {
    return params.solver() != SolverKind.REMOTE && super.getCache();
  }

  /** The main (first-pass) query; match-all until {@link #wrap(Query)} is called. */
  public Query mainQuery() {
    return mainQuery;
  }

  /**
   * The outcome of this request's re-ranking, or null when the collector has not run in this
   * request (for example when the ranked list came from the query result cache). See {@link
   * QRerankOutcomes#obtain} for an outcome in every case.
   */
  public QRerankOutcome outcome() {
    return holder.get();
  }

  /** Stores an outcome unless one is there already; returns the one held. */
  public QRerankOutcome offerOutcome(QRerankOutcome outcome) {
    return holder.offer(outcome);
  }

  /**
   * On a shard, the first-pass hits this request's collector gathered, or null when the collector
   * did not run (the list came from the query result cache, or no rows were asked for).
   */
  public FirstPass firstPass() {
    return firstPass.get();
  }

  void offerFirstPass(FirstPass hits) {
    firstPass.offer(hits);
  }

  /**
   * A copy around another main query, sharing the holder and keeping the {@code cache} and {@code
   * cost} settings (so that {@code {!qrerank cache=false}} stays out of the query result cache).
   */
  private QRerankQuery withMain(Query main) {
    QRerankQuery copy = new QRerankQuery(main, params, plan, shard, holder, firstPass, runtime);
    copy.setCache(getCache());
    copy.setCost(getCost());
    return copy;
  }

  @Override
  public RankQuery wrap(Query main) {
    return main == null ? this : withMain(main);
  }

  /**
   * The strategy that makes the selection once, over the global window, in a distributed request
   * (see {@link QRerankMergeStrategy}). Solr also hands it the shard side of the work: {@link
   * MergeStrategy#handleMergeFields} runs on each shard after its search.
   */
  @Override
  public MergeStrategy getMergeStrategy() {
    return new QRerankMergeStrategy(this);
  }

  @Override
  public TopDocsCollector<? extends ScoreDoc> getTopDocsCollector(
      int len, QueryCommand cmd, IndexSearcher searcher) throws IOException {
    return new QRerankCollector(this, len, cmd, searcher);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    return new QRerankWeight(this, mainQuery.createWeight(searcher, scoreMode, boost));
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = mainQuery.rewrite(searcher);
    if (rewritten != mainQuery) {
      return withMain(rewritten);
    }
    return super.rewrite(searcher);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    mainQuery.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && equalsTo((QRerankQuery) other);
  }

  private boolean equalsTo(QRerankQuery other) {
    return shard == other.shard
        && mainQuery.equals(other.mainQuery)
        && params.equals(other.params);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * classHash() + mainQuery.hashCode()) + params.hashCode())
        + Boolean.hashCode(shard);
  }

  @Override
  public String toString(String field) {
    return "{!"
        + QRerankQParserPlugin.NAME
        + " mainQuery='"
        + mainQuery.toString(field)
        + "' "
        + params
        + (shard ? " shard=true" : "")
        + "}";
  }
}
