package io.github.qrerank.quantum;

import io.github.qrerank.model.Cap;
import io.github.qrerank.model.Problem;
import io.github.qrerank.model.Quota;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The selection problem on a shortlist of n documents as a diagonal Hamiltonian over n qubits:
 * qubit q is 1 when shortlisted document {@code docs[q]} is selected, and w = min(k, n) documents
 * are to be selected.
 *
 * <h2>Objective</h2>
 *
 * {@code f(x) = −Σ_q v_q x_q + λ Σ_{q<r} sim_qr x_q x_r = −F(S)}: a QUBO with linear biases −v and
 * quadratic biases λ·sim. Eligibility is not encoded: only eligible documents may be shortlisted.
 *
 * <h2>Constraints</h2>
 *
 * A cap group (at most m selected) enters when more than m of its documents are shortlisted and w >
 * m; a quota (at least min members) enters at the level the shortlist can reach, {@code min' =
 * min(min, members shortlisted, w)}, when some w-subset of the shortlist could fall short of it.
 * Each constraint c is measured by an integer violation {@code g_c ≥ 0}, zero exactly when c holds:
 *
 * <ul>
 *   <li><b>Subspace form</b> ({@link #energy}, {@link #subspaceDiagonal}, {@link #subspaceCost}):
 *       the XY mixer keeps |S| = w, so no cardinality term; {@code g_c} is the exact {@link
 *       CountPenalty} (cap: {@code C(t, m+1)}; quota: {@code C(T − t, T − min' + 1)} with T =
 *       min(w, members)). These are polynomials of degree m+1 and T − min' + 1 in the bits: a
 *       quadratic penalty vanishing on every allowed count of a cap with m ≥ 2 or a quota with more
 *       than two allowed counts does not exist, and a slack register would leave the fixed-weight
 *       subspace. {@code E(x) = f(x) + P_sub Σ_c g_c(x)}.
 *   <li><b>Full-space form</b> ({@link #fullSpace}): a QUBO over the n document bits and binary
 *       slack bits, for annealers and dimod: {@code P_full·(Σx − w)²}, a cap with m = 1 as {@code
 *       P_full·Σ_{pairs} x_q x_r}, any other cap as {@code P_full·(t + σ − m)²} with σ ∈ [0, m],
 *       and a quota as {@code P_full·(t − σ − min')²} with σ ∈ [0, T − min']; σ is encoded in
 *       binary with weights 1, 2, 4, ..., and a last weight that makes the largest value exactly
 *       the range's top. Minimised over the slack bits each term is 0 when its constraint holds and
 *       a positive integer otherwise ({@link #fullSpaceEnergy}).
 * </ul>
 *
 * <h2>Penalty weight rule</h2>
 *
 * Let {@code U_w} be the sum of the w largest positive utilities in the shortlist, {@code v⁺ =
 * max(0, max_q v_q)}, and R a reference selection (any set of w shortlisted documents that respects
 * every encoded constraint; the QAOA solver passes the greedy answer on the shortlist). With {@code
 * G = U_w − F(R) ≥ 0}:
 *
 * <pre>
 *   P_sub  = G + δ        P_full = G + v⁺ + δ        δ = 10⁻⁶ (1 + G + v⁺)
 * </pre>
 *
 * <p><b>Claim.</b> If R is feasible, every minimum-energy state of either form is feasible, and its
 * documents maximise F over the feasible w-subsets of the shortlist.
 *
 * <p><b>Proof.</b> Since λ·sim ≥ 0, {@code F(S) ≤ Σ_{q∈S} v_q ≤ U_{|S|}}, and {@code U_{w+d} ≤ U_w
 * + d·v⁺}. Subspace: an infeasible x of weight w has {@code Σ g_c ≥ 1}, so {@code E(x) ≥ −U_w +
 * P_sub > −U_w + G = −F(R) = E(R)}; hence no infeasible state is a minimum, and among feasible
 * states E = −F. Full space: write d = max(0, |x| − w). An infeasible x (cardinality, cap or quota)
 * has a penalty sum of at least max(1, d²) for every slack setting, so {@code E ≥ −U_w − d v⁺ +
 * P_full max(1, d²)}. For d = 0 this exceeds {@code −U_w + G = E(R)}; for d ≥ 1, {@code P_full d² ≥
 * P_full d > (G + v⁺) d ≥ G + d v⁺}, so again {@code E > E(R)}. A feasible x with slack bits that
 * do not zero its terms has {@code E ≥ −F(x) + P_full > −F(x)}, above the same x with the right
 * slack. ∎
 *
 * <p>The rule needs only a feasible reference, and it is small because G is the gap between an
 * upper bound and a good feasible value of the very quantity the penalty must outweigh; compare
 * Qiskit Optimization's default {@code 1 + Σ|objective coefficients|} ({@link
 * #qiskitDefaultPenalty}) and dimod {@code cqm_to_bqm}'s {@code 10 × largest objective bias}
 * ({@link #dimodDefaultPenalty}). The margin δ keeps the inequalities strict under rounding. When
 * the reference is not feasible ({@link #referenceFeasible()} false: the shortlist may admit no
 * feasible w-subset) the same formulas are used and the claim does not apply.
 *
 * <p>Immutable and thread-safe.
 */
public final class Hamiltonian {
  /** Most Z terms {@link #subspaceCost()} builds (a circuit with more is not practical). */
  public static final long MAX_Z_TERMS = 200_000;

  /** What a constraint bounds. */
  public enum Kind {
    /** At most {@code bound} members selected. */
    CAP,
    /** At least {@code bound} members selected. */
    QUOTA
  }

  /**
   * One encoded constraint: members are qubits; {@code reach} is the largest member count a
   * weight-w state can have (min(w, members)).
   */
  public record Constraint(Kind kind, String label, int[] members, int bound, int reach) {
    public Constraint {
      members = members.clone();
    }

    @Override
    public int[] members() {
      return members.clone();
    }
  }

  private final Problem problem;
  private final int[] docs;
  private final int weight;
  private final double[] utility;

  /** lambda * sim over qubits, flat n*n. */
  private final double[] lsim;

  private final List<Constraint> constraints;
  private final CountPenalty[] penalties;
  private final long[] memberMasks;
  private final double gap;
  private final double maxPositiveUtility;
  private final double subspacePenalty;
  private final double fullSpacePenalty;
  private final double referenceObjective;
  private final boolean referenceFeasible;

  private Hamiltonian(Problem problem, int[] docs, int[] reference) {
    this.problem = problem;
    this.docs = docs;
    int n = docs.length;
    this.weight = Math.min(problem.k(), n);
    this.utility = new double[n];
    this.lsim = new double[n * n];
    for (int q = 0; q < n; q++) {
      utility[q] = problem.utility(docs[q]);
      for (int r = 0; r < n; r++) {
        lsim[q * n + r] = problem.lambda() * problem.sim(docs[q], docs[r]);
      }
    }
    this.constraints = List.copyOf(encodeConstraints());
    this.penalties = new CountPenalty[constraints.size()];
    this.memberMasks = new long[constraints.size()];
    for (int c = 0; c < penalties.length; c++) {
      Constraint con = constraints.get(c);
      penalties[c] =
          con.kind() == Kind.CAP
              ? CountPenalty.atMost(con.members(), con.bound())
              : CountPenalty.atLeast(con.members(), con.bound(), con.reach());
      memberMasks[c] = penalties[c].mask();
    }
    double[] positive = Arrays.stream(utility).map(u -> Math.max(0, u)).sorted().toArray();
    double top = 0;
    for (int i = 0; i < weight; i++) {
      top += positive[n - 1 - i];
    }
    this.maxPositiveUtility = n == 0 ? 0 : positive[n - 1];
    this.referenceObjective = problem.objective(reference);
    this.gap = Math.max(0, top - referenceObjective);
    double margin = 1e-6 * (1 + gap + maxPositiveUtility);
    this.subspacePenalty = gap + margin;
    this.fullSpacePenalty = gap + maxPositiveUtility + margin;
    long refBits = bitsOf(reference);
    this.referenceFeasible = reference.length == weight && feasible(refBits);
  }

  /**
   * The Hamiltonian of {@code problem} on the shortlist {@code docs} (distinct eligible document
   * indices; qubit q is {@code docs[q]}), with the penalty weights set from {@code reference}
   * (document indices within the shortlist that respect the hard constraints; see the class
   * documentation).
   */
  public static Hamiltonian of(Problem problem, int[] docs, int[] reference) {
    if (docs.length < 1 || docs.length > WeightSubspace.MAX_QUBITS) {
      throw new IllegalArgumentException(
          "the shortlist must hold 1 to "
              + WeightSubspace.MAX_QUBITS
              + " documents: "
              + docs.length);
    }
    boolean[] in = new boolean[problem.size()];
    for (int d : docs) {
      if (d < 0 || d >= problem.size() || in[d] || !problem.isEligible(d)) {
        throw new IllegalArgumentException(
            "shortlist documents must be distinct eligible window indices: " + d);
      }
      in[d] = true;
    }
    for (int d : reference) {
      if (d < 0 || d >= problem.size() || !in[d]) {
        throw new IllegalArgumentException("reference document " + d + " is not shortlisted");
      }
    }
    if (!problem.respectsHardConstraints(reference)) {
      throw new IllegalArgumentException("the reference selection breaks a hard constraint");
    }
    return new Hamiltonian(problem, docs.clone(), reference.clone());
  }

  private List<Constraint> encodeConstraints() {
    int n = docs.length;
    List<Constraint> list = new ArrayList<>();
    for (Cap cap : problem.caps()) {
      int[][] groups = new int[cap.groupCount()][];
      int[] size = new int[cap.groupCount()];
      for (int q = 0; q < n; q++) {
        int g = cap.groupOf(docs[q]);
        if (g >= 0) {
          size[g]++;
        }
      }
      for (int g = 0; g < groups.length; g++) {
        groups[g] = new int[size[g]];
        size[g] = 0;
      }
      for (int q = 0; q < n; q++) {
        int g = cap.groupOf(docs[q]);
        if (g >= 0) {
          groups[g][size[g]++] = q;
        }
      }
      for (int g = 0; g < groups.length; g++) {
        int m = cap.max();
        if (groups[g].length > m && weight > m) {
          String label = "cap " + cap.field() + "=" + cap.groupName(g) + " <= " + m;
          list.add(
              new Constraint(Kind.CAP, label, groups[g], m, Math.min(weight, groups[g].length)));
        }
      }
    }
    for (Quota quota : problem.quotas()) {
      int[] members = IntStream.range(0, n).filter(q -> quota.isMember(docs[q])).toArray();
      int reach = Math.min(weight, members.length);
      int min = Math.min(quota.min(), reach);
      // Violable only when w − min' + 1 non-members exist to fill a selection short of min'.
      if (min >= 1 && n - members.length >= weight - min + 1) {
        String label = "quota " + quota.field() + "=" + quota.value() + " >= " + min;
        list.add(new Constraint(Kind.QUOTA, label, members, min, reach));
      }
    }
    return list;
  }

  // ------------------------------------------------------------------------------ accessors

  public Problem problem() {
    return problem;
  }

  /** Number of qubits n (shortlist size). */
  public int numQubits() {
    return docs.length;
  }

  /** w = min(k, n): the Hamming weight of the subspace. */
  public int weight() {
    return weight;
  }

  /** Window index of the document on qubit q. */
  public int doc(int q) {
    return docs[q];
  }

  /** The shortlist (qubit order). */
  public int[] docs() {
    return docs.clone();
  }

  public List<Constraint> constraints() {
    return constraints;
  }

  /** P_sub, the penalty weight of the subspace form. */
  public double subspacePenalty() {
    return subspacePenalty;
  }

  /** P_full, the penalty weight of the full-space QUBO. */
  public double fullSpacePenalty() {
    return fullSpacePenalty;
  }

  /** G = U_w − F(reference). */
  public double gap() {
    return gap;
  }

  /** F of the reference selection the weights were set from. */
  public double referenceObjective() {
    return referenceObjective;
  }

  /** True when the reference is a feasible w-subset, so the penalty rule's claim holds. */
  public boolean referenceFeasible() {
    return referenceFeasible;
  }

  /** For comparison: Qiskit Optimization's default, 1 + Σ |objective coefficients|. */
  public double qiskitDefaultPenalty() {
    int n = docs.length;
    double sum = 1;
    for (int q = 0; q < n; q++) {
      sum += Math.abs(utility[q]);
      for (int r = q + 1; r < n; r++) {
        sum += Math.abs(lsim[q * n + r]);
      }
    }
    return sum;
  }

  /** For comparison: dimod {@code cqm_to_bqm}'s default, 10 × the largest |objective bias|. */
  public double dimodDefaultPenalty() {
    int n = docs.length;
    double max = 0;
    for (int q = 0; q < n; q++) {
      max = Math.max(max, Math.abs(utility[q]));
      for (int r = q + 1; r < n; r++) {
        max = Math.max(max, Math.abs(lsim[q * n + r]));
      }
    }
    return max == 0 ? 1 : 10 * max;
  }

  // ------------------------------------------------------------------------------- energies

  /** Window indices of the documents whose qubits are set in {@code bits}, ascending by qubit. */
  public int[] selection(long bits) {
    checkBits(bits);
    int[] out = new int[Long.bitCount(bits)];
    int t = 0;
    for (long rest = bits; rest != 0; rest &= rest - 1) {
      out[t++] = docs[Long.numberOfTrailingZeros(rest)];
    }
    return out;
  }

  /** {@code f(x) = −F} of the selected documents, for any number of set bits. */
  public double objective(long bits) {
    checkBits(bits);
    int n = docs.length;
    double f = 0;
    for (long rest = bits; rest != 0; rest &= rest - 1) {
      int q = Long.numberOfTrailingZeros(rest);
      f -= utility[q];
      for (long later = rest & (rest - 1); later != 0; later &= later - 1) {
        f += lsim[q * n + Long.numberOfTrailingZeros(later)];
      }
    }
    return f;
  }

  /** True when exactly w bits are set and every encoded constraint holds. */
  public boolean feasible(long bits) {
    checkBits(bits);
    if (Long.bitCount(bits) != weight) {
      return false;
    }
    for (int c = 0; c < memberMasks.length; c++) {
      int t = Long.bitCount(bits & memberMasks[c]);
      Constraint con = constraints.get(c);
      if (con.kind() == Kind.CAP ? t > con.bound() : t < con.bound()) {
        return false;
      }
    }
    return true;
  }

  /** {@code Σ_c g_c}, the subspace violation measure; {@code bits} must have w bits set. */
  public double violation(long bits) {
    checkWeight(bits);
    double g = 0;
    for (CountPenalty p : penalties) {
      g += p.valueOf(bits);
    }
    return g;
  }

  /**
   * The subspace form {@code E(x) = f(x) + P_sub Σ_c g_c(x)}; {@code bits} must have w bits set.
   */
  public double energy(long bits) {
    return objective(bits) + subspacePenalty * violation(bits);
  }

  /**
   * The full-space QUBO's energy minimised over its slack bits (closed form): {@code f(x) + P_full
   * ((|x| − w)² + Σ_c h_c(t_c))}, with {@code h = C(t, 2)} for caps with m = 1, {@code max(0, t −
   * m)²} for other caps and, for quotas, {@code (min' − t)²} below min', 0 up to T and {@code (t −
   * T)²} above. Any number of set bits.
   */
  public double fullSpaceEnergy(long bits) {
    checkBits(bits);
    double d = Long.bitCount(bits) - weight;
    double pen = d * d;
    for (int c = 0; c < memberMasks.length; c++) {
      Constraint con = constraints.get(c);
      int t = Long.bitCount(bits & memberMasks[c]);
      if (con.kind() == Kind.CAP) {
        pen += con.bound() == 1 ? t * (t - 1) / 2.0 : square(Math.max(0, t - con.bound()));
      } else {
        pen += t < con.bound() ? square(con.bound() - t) : square(Math.max(0, t - con.reach()));
      }
    }
    return objective(bits) + fullSpacePenalty * pen;
  }

  private static double square(double x) {
    return x * x;
  }

  /** The subspace form tabulated once over {@code space} (n qubits, weight w) for the engine. */
  public Diagonal subspaceDiagonal(WeightSubspace space) {
    if (space.numQubits() != docs.length || space.weight() != weight) {
      throw new IllegalArgumentException(
          space + " does not match " + docs.length + " qubits of weight " + weight);
    }
    return Diagonal.overSubspace(space, this::energy);
  }

  /**
   * The subspace form as Pauli-Z terms, for circuits: on every weight-w state its eigenvalue equals
   * {@link #energy}. The objective contributes terms of degree ≤ 2, each constraint those of its
   * {@link CountPenalty}.
   *
   * @throws IllegalStateException when it would have more than {@value #MAX_Z_TERMS} terms
   */
  public ZPolynomial subspaceCost() {
    long terms = (long) docs.length * (docs.length + 1) / 2 + 1;
    for (CountPenalty p : penalties) {
      terms += p.zTermCount();
    }
    if (terms > MAX_Z_TERMS) {
      throw new IllegalStateException(
          "the cost would need up to " + terms + " Z terms, more than " + MAX_Z_TERMS);
    }
    int n = docs.length;
    ZPolynomial.Builder b = new ZPolynomial.Builder(n);
    for (int q = 0; q < n; q++) {
      b.addProductOfBits(1L << q, -utility[q]);
      for (int r = q + 1; r < n; r++) {
        if (lsim[q * n + r] != 0) {
          b.addProductOfBits((1L << q) | (1L << r), lsim[q * n + r]);
        }
      }
    }
    for (CountPenalty p : penalties) {
      p.addTo(b, subspacePenalty);
    }
    return b.build();
  }

  /**
   * The full-space QUBO. Variables 0 .. n−1 are the document bits, labelled {@code x} + the
   * zero-padded window index; slack bits follow, labelled {@code s<constraint>_<bit>}.
   */
  public Qubo fullSpace() {
    int n = docs.length;
    List<int[]> slackWeights = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int width = Integer.toString(Math.max(0, problem.size() - 1)).length();
    for (int q = 0; q < n; q++) {
      labels.add("x" + pad(docs[q], width));
    }
    int cWidth = Integer.toString(Math.max(0, constraints.size() - 1)).length();
    for (int c = 0; c < constraints.size(); c++) {
      Constraint con = constraints.get(c);
      int range =
          con.kind() == Kind.CAP ? (con.bound() == 1 ? 0 : con.bound()) : con.reach() - con.bound();
      int[] w = slackWeights(range);
      slackWeights.add(w);
      for (int b = 0; b < w.length; b++) {
        labels.add("s" + pad(c, cWidth) + "_" + b);
      }
    }
    Qubo.Builder qb = new Qubo.Builder(labels.toArray(new String[0]));
    for (int q = 0; q < n; q++) {
      qb.addLinear(q, -utility[q]);
      for (int r = q + 1; r < n; r++) {
        qb.addQuadratic(q, r, lsim[q * n + r]);
      }
    }
    int[] all = new int[n];
    double[] ones = new double[n];
    for (int q = 0; q < n; q++) {
      all[q] = q;
      ones[q] = 1;
    }
    qb.addSquare(all, ones, -weight, fullSpacePenalty);
    int next = n;
    for (int c = 0; c < constraints.size(); c++) {
      Constraint con = constraints.get(c);
      int[] members = con.members();
      int[] w = slackWeights.get(c);
      if (con.kind() == Kind.CAP && con.bound() == 1) {
        for (int a = 0; a < members.length; a++) {
          for (int b = a + 1; b < members.length; b++) {
            qb.addQuadratic(members[a], members[b], fullSpacePenalty);
          }
        }
        continue;
      }
      int[] vars = new int[members.length + w.length];
      double[] coef = new double[vars.length];
      double sign = con.kind() == Kind.CAP ? 1 : -1;
      for (int a = 0; a < members.length; a++) {
        vars[a] = members[a];
        coef[a] = 1;
      }
      for (int b = 0; b < w.length; b++) {
        vars[members.length + b] = next + b;
        coef[members.length + b] = sign * w[b];
      }
      qb.addSquare(vars, coef, -con.bound(), fullSpacePenalty);
      next += w.length;
    }
    return qb.build();
  }

  /**
   * Binary weights whose subset sums are exactly 0 .. range: 1, 2, ..., 2^(b−2), then range −
   * (2^(b−1) − 1), with b = ⌈log2(range + 1)⌉ bits (none for range 0).
   */
  static int[] slackWeights(int range) {
    if (range < 0) {
      throw new IllegalArgumentException("range must be >= 0: " + range);
    }
    if (range == 0) {
      return new int[0];
    }
    int bits = 32 - Integer.numberOfLeadingZeros(range);
    int[] w = new int[bits];
    for (int b = 0; b + 1 < bits; b++) {
      w[b] = 1 << b;
    }
    w[bits - 1] = range - ((1 << (bits - 1)) - 1);
    return w;
  }

  private static String pad(int value, int width) {
    String s = Integer.toString(value);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  /** The qubit mask of the given window documents (each must be shortlisted). */
  public long bitsOf(int[] windowDocs) {
    long bits = 0;
    for (int d : windowDocs) {
      int q = qubitOf(d);
      if (q < 0) {
        throw new IllegalArgumentException("document " + d + " is not shortlisted");
      }
      bits |= 1L << q;
    }
    return bits;
  }

  /** The qubit of window document d, or −1 when it is not shortlisted. */
  public int qubitOf(int d) {
    for (int q = 0; q < docs.length; q++) {
      if (docs[q] == d) {
        return q;
      }
    }
    return -1;
  }

  private void checkBits(long bits) {
    if (bits < 0 || (bits >>> docs.length) != 0) {
      throw new IllegalArgumentException(
          "bits must only use the low " + docs.length + " bits: " + Long.toBinaryString(bits));
    }
  }

  private void checkWeight(long bits) {
    checkBits(bits);
    if (Long.bitCount(bits) != weight) {
      throw new IllegalArgumentException(
          "the subspace form is defined on states with "
              + weight
              + " bits set, not "
              + Long.bitCount(bits));
    }
  }
}
