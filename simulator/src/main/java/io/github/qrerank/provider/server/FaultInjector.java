package io.github.qrerank.provider.server;

import java.util.SplittableRandom;

/**
 * Draws each request's fault from the current {@link FaultPlan} with one seeded generator: the same
 * seed and the same order of requests give the same faults. The plan may be replaced while the
 * server runs ({@code PUT /admin/faults}).
 */
final class FaultInjector {
  private final SplittableRandom random;
  private volatile FaultPlan plan;

  FaultInjector(FaultPlan plan, long seed) {
    this.plan = plan;
    this.random = new SplittableRandom(seed);
  }

  FaultPlan plan() {
    return plan;
  }

  void plan(FaultPlan plan) {
    this.plan = plan;
  }

  FaultPlan.Fault next() {
    double u;
    synchronized (random) {
      u = random.nextDouble();
    }
    return plan.fault(u);
  }
}
