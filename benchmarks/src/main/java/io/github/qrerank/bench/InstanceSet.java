package io.github.qrerank.bench;

import io.github.qrerank.model.Problem;
import java.util.List;

/** A named list of seeded problems of one size, all solved by every solver under comparison. */
record InstanceSet(String name, int n, int k, long firstSeed, List<Problem> problems) {
  InstanceSet {
    problems = List.copyOf(problems);
  }

  int size() {
    return problems.size();
  }
}
