package io.github.qrerank.solr.remote;

import io.github.qrerank.solver.SolveReport;

/**
 * The answer of {@code solver=remote} for one request: the report (the selection, the fallback
 * reason, the QAOA run when samples were repaired) and what the remote solver did.
 */
public record RemoteAnswer(SolveReport report, RemoteTrace trace) {}
