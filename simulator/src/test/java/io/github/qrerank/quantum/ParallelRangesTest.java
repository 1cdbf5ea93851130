package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelRangesTest {

  @Test
  void everyIndexRunsExactlyOnce() {
    for (int size : new int[] {0, 1, 7, 1000, 4099}) {
      for (int parts : new int[] {1, 2, 3, 5}) {
        for (int align : new int[] {1, 8, 256}) {
          AtomicIntegerArray hits = new AtomicIntegerArray(size);
          ParallelRanges.run(
              size,
              parts,
              align,
              (from, to) -> {
                for (int i = from; i < to; i++) {
                  hits.incrementAndGet(i);
                }
              });
          for (int i = 0; i < size; i++) {
            assertEquals(1, hits.get(i), "size " + size + ", parts " + parts + ", align " + align + ", index " + i);
          }
        }
      }
    }
  }

  @Test
  void innerBoundsAreAlignedAndOrdered() {
    int size = 1 << 20;
    for (int parts : new int[] {2, 3, 7}) {
      int previous = 0;
      for (int p = 1; p <= parts; p++) {
        int bound = ParallelRanges.bound(size, parts, 256, p);
        assertTrue(bound >= previous, "parts " + parts + ", bound " + p);
        if (p < parts) {
          assertEquals(0, bound % 256, "parts " + parts + ", bound " + p);
        }
        previous = bound;
      }
      assertEquals(size, previous);
    }
  }

  @Test
  void partsAndAlignMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> ParallelRanges.run(4, 0, 1, (from, to) -> {}));
    assertThrows(IllegalArgumentException.class, () -> ParallelRanges.run(4, 1, 0, (from, to) -> {}));
  }
}
