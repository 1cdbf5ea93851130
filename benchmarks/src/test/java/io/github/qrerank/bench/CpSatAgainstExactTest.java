package io.github.qrerank.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Selection;
import io.github.qrerank.solver.Budget;
import io.github.qrerank.solver.ExactSolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's comparison on instances small enough to prove quickly: no mismatch allowed. */
class CpSatAgainstExactTest {

  @Test
  void bothSolversProveTheSameOptimumOnTheBenchmarksInstanceFamily() {
    InstanceSet set = Instances.generate("small", 30, 4, 500, 16);
    CpSatSolver cpSat = new CpSatSolver(1e6, 1, 30);
    int compared = 0;
    for (int i = 0; i < set.size(); i++) {
      Problem p = set.problems().get(i);
      Selection exact = new ExactSolver().solve(p, Budget.unlimited());
      assertTrue(exact.provenOptimal(), "instance " + i);
      if (!exact.report().complete()) {
        continue;
      }
      CpSatSolver.Result r = cpSat.solve(p);
      assertTrue(r.proven(), "instance " + i + ": " + r.status());
      assertEquals(
          exact.objective(),
          p.objective(r.selection()),
          2 * cpSat.roundingTolerance(p.k()),
          "instance " + i);
      compared++;
    }
    assertTrue(compared >= 12, "most instances must be complete, got " + compared);
  }

  @Test
  void benchCountsAgreementAndNoMismatch() {
    InstanceSet set = Instances.generate("small", 30, 4, 700, 6);
    ExactBench.Outcome exact = ExactBench.run(set, 10_000, 2);
    CpSatSolver cpSat = new CpSatSolver(1e6, 1, 30);
    CpSatBench.Outcome o = CpSatBench.run("1", cpSat, exact, 4);
    assertEquals(4, o.attempted());
    assertEquals(0, o.mismatches(), String.valueOf(o.mismatchDetails()));
    assertEquals(o.attempted() - o.skippedIncomplete(), o.agree());
    assertEquals(List.of(), o.mismatchDetails());
    assertTrue(o.ratioPercentile(50) > 0);
  }
}
