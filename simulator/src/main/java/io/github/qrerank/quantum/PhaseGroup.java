package io.github.qrerank.quantum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run of cx and diagonal gates (z, rz, phase, cz, rzz) folded into one diagonal and one
 * permutation. cx maps a basis state to a basis state, so after a run of cx gates the value of
 * qubit q is the parity of the original index x under a mask {@code map[q]} (cx(c, t) does {@code
 * map[t] ^= map[c]}); a diagonal gate met then multiplies by a factor of those parities. The whole
 * run is therefore U|x> = D(x)·|M x>: first the diagonal D, a product of {@link ParityFactor}s on
 * the original index, then the permutation M, made by the run's cx gates in order or by fewer of
 * them ({@link #permutation}). When the cx gates cancel out (M is the identity, as in cx·rz·cx =
 * rzz or the parity ladders of a cost layer) only the diagonal is left.
 */
final class PhaseGroup {
  private final int[] map;
  private final List<Circuit.Gate> cxs = new ArrayList<>();
  /** The map before the run's first cx and after each cx (one more entry than cxs). */
  private final List<int[]> maps = new ArrayList<>();
  /** Factors by their masks, those on the same parities multiplied together. */
  private final Map<Long, ParityFactor> factors = new LinkedHashMap<>();
  /** Bit q set when a gate of the run acts on qubit q. */
  private int touched;

  PhaseGroup(int numQubits) {
    map = new int[numQubits];
    for (int q = 0; q < numQubits; q++) {
      map[q] = 1 << q;
    }
    maps.add(map.clone());
  }

  /** Whether {@code kind} can join a run: cx or a diagonal gate. */
  static boolean accepts(Circuit.Kind kind) {
    return kind == Circuit.Kind.CX || kind.diagonal();
  }

  boolean isEmpty() {
    return touched == 0;
  }

  /** Whether a gate of the run acts on qubit q. */
  boolean touches(int q) {
    return (touched >>> q & 1) != 0;
  }

  /** Appends gate g (cx or diagonal) to the run. */
  void add(Circuit.Gate g) {
    int a = g.a();
    int b = g.b();
    double c = Math.cos(g.angle() / 2);
    double s = Math.sin(g.angle() / 2);
    touched |= 1 << a;
    if (b != Circuit.NO_QUBIT) {
      touched |= 1 << b;
    }
    switch (g.kind()) {
      case CX -> {
        map[b] ^= map[a];
        cxs.add(g);
        maps.add(map.clone());
      }
      case Z -> add(ParityFactor.of(map[a], 1, 0, -1, 0));
      case RZ -> add(ParityFactor.of(map[a], c, -s, c, s));
      case PHASE -> add(ParityFactor.of(map[a], 1, 0, Math.cos(g.angle()), Math.sin(g.angle())));
      case RZZ -> add(ParityFactor.of(map[a] ^ map[b], c, -s, c, s));
      case CZ -> add(new ParityFactor(map[a], map[b], new double[] {1, 1, 1, -1}, new double[4]));
      default -> throw new IllegalArgumentException("not a cx or diagonal gate: " + g);
    }
  }

  /** Multiplies one more factor into the diagonal. */
  void add(ParityFactor f) {
    long key = (f.mask0() & 0xffffffffL) | ((long) f.mask1() << 32);
    factors.merge(key, f, ParityFactor::times);
  }

  /** The diagonal's factors (on the original index). */
  List<ParityFactor> factors() {
    return new ArrayList<>(factors.values());
  }

  /**
   * The fewest consecutive cx gates of the run that make the permutation M (empty when M is the
   * identity): a stretch starting where the map was the identity and ending where it first equals
   * M, since what the run's other cx gates do cancels out. After a cost layer's parity ladders that
   * followed a cx which does not cancel, for instance, only that cx is left.
   */
  List<Circuit.Gate> permutation() {
    int[] identity = maps.get(0);
    int bestFrom = 0;
    int bestTo = cxs.size();
    for (int from = 0; from < maps.size(); from++) {
      if (!Arrays.equals(maps.get(from), identity)) {
        continue;
      }
      for (int to = from; to < maps.size() && to - from < bestTo - bestFrom; to++) {
        if (Arrays.equals(maps.get(to), map)) {
          bestFrom = from;
          bestTo = to;
          break;
        }
      }
    }
    return List.copyOf(cxs.subList(bestFrom, bestTo));
  }
}
