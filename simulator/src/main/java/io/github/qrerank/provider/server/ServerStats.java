package io.github.qrerank.provider.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of what the server did, answered by {@code GET /admin/stats}. */
final class ServerStats {
  final AtomicLong requests = new AtomicLong();
  final AtomicLong unauthorized = new AtomicLong();
  final AtomicLong injectedErrors = new AtomicLong();
  final AtomicLong injectedSlow = new AtomicLong();
  final AtomicLong injectedMalformed = new AtomicLong();
  final AtomicLong injectedDrops = new AtomicLong();
  final AtomicLong jobsCreated = new AtomicLong();
  final AtomicLong jobsReplayed = new AtomicLong();
  final AtomicLong shotsAccepted = new AtomicLong();
  final AtomicLong cancelled = new AtomicLong();

  void fault(FaultPlan.Fault f) {
    switch (f) {
      case ERROR -> injectedErrors.incrementAndGet();
      case SLOW -> injectedSlow.incrementAndGet();
      case MALFORMED -> injectedMalformed.incrementAndGet();
      case DROP -> injectedDrops.incrementAndGet();
      case NONE -> {}
    }
  }

  ObjectNode toJson(ObjectNode out) {
    out.put("requests", requests.get());
    out.put("unauthorized", unauthorized.get());
    ObjectNode f = out.putObject("injected");
    f.put("error", injectedErrors.get());
    f.put("slow", injectedSlow.get());
    f.put("malformed", injectedMalformed.get());
    f.put("drop", injectedDrops.get());
    out.put("jobs_created", jobsCreated.get());
    out.put("jobs_replayed", jobsReplayed.get());
    out.put("shots_accepted", shotsAccepted.get());
    out.put("jobs_cancelled", cancelled.get());
    return out;
  }
}
