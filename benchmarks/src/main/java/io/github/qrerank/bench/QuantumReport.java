package io.github.qrerank.bench;

import io.github.qrerank.quantum.WeightSubspace;
import io.github.qrerank.solver.ShotQuality;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The markdown of sections 4 and 6 to 8 from their outcomes (section 5: {@link BandwidthReport}). Every number comes from the outcome; the
 * prose says how it was measured. Appended to the report by {@link Report#markdown(String)}.
 */
final class QuantumReport {
  private QuantumReport() {}

  // ------------------------------------------------------------------------- 4. Strange

  static String strange(StrangeBench.Outcome o, QuantumSizes sizes, String strangeVersion) {
    StringBuilder md = new StringBuilder(Section.STRANGE.heading()).append("\n\n");
    md.append(
        f(
            "The same circuit on both simulators, one QAOA-like layer on a ring of n qubits (class"
                + " `RingCircuit`): h on every qubit; for each ring pair (i, i+1 mod n) in turn,"
                + " cx(i, i+1)·rz(i+1, θ_i)·cx(i, i+1); then rx(φ_q) on every qubit, with θ_i = 0.25"
                + " + 0.05·i and φ_q = 0.6 + 0.04·q (5n gates, every angle different, so a"
                + " simulator numbering the qubits the other way round would not match). **Ours**:"
                + " the full state-vector engine `StateVector` (double precision, one thread), run"
                + " two ways, alternately. **Executor** (the ratio in bold): the circuit executor"
                + " `CircuitPlan.fromZero`, which plans the circuit and then runs it. From |0...0>"
                + " the h layer makes a product state; each cx·rz·cx block is an rzz, and the whole"
                + " ring becomes one diagonal (tables over blocks of the index's bits, no sin or cos"
                + " per amplitude); one pass writes the product state times that diagonal; then the"
                + " rx layer runs one sweep per qubit (column *sweeps*: passes over the"
                + " amplitudes). **Gate by gate**: one"
                + " `StateVector` call per gate, 5n sweeps. Both are warmed up with %d runs of"
                + " every size, then timed %d times per size; the clock covers allocating the 2^n"
                + " amplitudes, planning (executor) and every gate; the `Circuit` object is built"
                + " before the clock starts, as Strange's program is. The executor's amplitudes"
                + " differ from the gate-by-gate ones by at most %.1e (first run of every size)."
                + " **Strange %s** (`SimpleQuantumExecutionEnvironment.runProgram`; amplitudes are"
                + " `Complex` objects of two floats), warmed up with %d runs at n=%d, then timed %d"
                + " times per size and once at the largest; the program is built before its clock"
                + " starts. A full garbage collection precedes our runs of each size and every"
                + " Strange run. Strange %s's"
                + " `RotationZ(θ)` is the matrix diag(e^{−iθ/2}, e^{−iθ/2}), a global phase rather"
                + " than rz(θ) = diag(e^{−iθ/2}, e^{iθ/2}), so the benchmark gives Strange rz as a"
                + " `SingleQubitMatrixGate` holding that matrix, a single-qubit gate of the same"
                + " kind on the same code path. Strange takes a `Step` of gates on distinct qubits"
                + " as one time slice: the h gates form one step, the rx gates another, each cx and"
                + " rz its own step. Ratios compare medians"
                + " (with one Strange run, its median is that run). All three are"
                + " single-threaded; Strange's allocation rate makes its time depend on the garbage"
                + " collector's share of the two cores, so it varies with the machine's load.",
            StrangeBench.OUR_WARM_UP_RUNS,
            sizes.oursRuns(),
            o.fusedVsGateByGate(),
            strangeVersion,
            StrangeBench.STRANGE_WARM_UP_RUNS,
            StrangeBench.STRANGE_WARM_UP_QUBITS,
            sizes.strangeRuns(),
            strangeVersion));
    md.append("\n\n| n | gates | amplitudes | sweeps | executor p50 | executor best | executor max |")
        .append(" gate by gate p50 | Strange p50 | Strange runs | Strange / executor |")
        .append(" Strange / gate by gate |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (StrangeBench.Row r : o.rows()) {
      md.append(
          f(
              "| %d | %d | %,d | %d | %s | %s | %s | %s | %s | %d | **%s** | %s |\n",
              r.qubits(),
              r.gates(),
              1L << r.qubits(),
              r.sweeps(),
              Format.duration(r.fused().p50()),
              Format.duration(r.fused().min()),
              Format.duration(r.fused().max()),
              Format.duration(r.gateByGate().p50()),
              Format.duration(r.strange().p50()),
              r.strange().count(),
              Format.ratio(r.speedUp()),
              Format.ratio(r.gateByGateSpeedUp())));
    }
    md.append('\n').append(faults(o.rows(), sizes.oursRuns()));
    StrangeBench.Row last = o.rows().get(o.rows().size() - 1);
    RingCircuit.Distance d = o.sameCircuit();
    md.append('\n')
        .append(
            f(
                "Same circuit: at n=%d the two final probability vectors %s (Strange's and the"
                    + " executor's): they differ by at"
                    + " most %.2e on any basis state, total variation distance %.2e (the check"
                    + " asks for less than %.0e; Strange's probabilities sum to %.9f, ours to"
                    + " %.15f: Strange computes in single precision). With Strange's own"
                    + " `RotationZ` instead, the total variation distance from ours is %.3f: a"
                    + " different circuit.\n\n",
                o.checkQubits(),
                d.totalVariation() < StrangeBench.SAME_CIRCUIT
                    ? "agree"
                    : "DISAGREE (the timings below compare different circuits)",
                d.maxAbs(),
                d.totalVariation(),
                StrangeBench.SAME_CIRCUIT,
                d.sumA(),
                d.sumB(),
                o.strangeRotationZ().totalVariation()));
    md.append(
        f(
            "Target: at least 1000× faster than Strange at n=18 — %s (n=%d: %s through the"
                + " executor, %s gate by gate).\n\n",
            last.qubits() == 18 ? (last.speedUp() >= 1000 ? "met" : "NOT met") : "not measured",
            last.qubits(),
            Format.ratio(last.speedUp()),
            Format.ratio(last.gateByGateSpeedUp())));
    return md.toString();
  }

  /** The page faults inside our timed runs, and whether the JVM pre-touched its heap. */
  private static String faults(List<StrangeBench.Row> rows, int runs) {
    StringBuilder counts = new StringBuilder();
    for (StrangeBench.Row r : rows) {
      if (r.faults().fused() == PageFaults.UNKNOWN) {
        return "Page faults inside our timed runs: not counted (no /proc/self/stat).\n";
      }
      counts.append(counts.length() == 0 ? "" : "; ")
          .append(f("n=%d: %,d / %,d", r.qubits(), r.faults().fused(), r.faults().gateByGate()));
    }
    boolean preTouched =
        ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch");
    return f(
        "Allocation inside the clock: a new state is two arrays of 2^n doubles, which can land on"
            + " heap pages the process has never touched; the kernel then maps and zeroes each"
            + " 4 KiB page at first touch (a minor page fault), a cost a long-running JVM pays once."
            + " Minor page faults inside our timed runs (all %d runs of a size, executor / gate by"
            + " gate): %s. %s\n",
        runs,
        counts,
        preTouched
            ? "The JVM runs with `-XX:+AlwaysPreTouch` (set by `bench.sh`): it touches its whole"
                + " heap at start, so these runs find the pages mapped, as they would be in a"
                + " server that has been up for a while."
            : "The JVM runs without `-XX:+AlwaysPreTouch`.");
  }

  // ------------------------------------------------------------------------- 6. quality

  static String quality(QaoaQualityBench.Outcome o) {
    StringBuilder md = new StringBuilder(Section.QAOA.heading()).append("\n\n");
    int n = o.set().size();
    md.append(
        f(
            "%d seeded windows of N=%d documents, k=%d, seeds %d to %d (not the seeds of sections 1"
                + " and 2): %s Every method runs without a time budget."
                + " **QAOA**: `QaoaSolver` with qubits=%d, layers=%d, shots=%d, seed=%d (the"
                + " contract's defaults): the shortlist of %d documents (greedy's answer reserved,"
                + " the rest by utility), the Dicke state, %d rounds of cost phase and ring XY mixer"
                + " with the fixed angle schedule, %d measurements, each distinct sample repaired"
                + " to a feasible selection (repair only restores feasibility: no local search),"
                + " the best wins. **layers=0**: the same pipeline, shots and repair, sampling the"
                + " Dicke state itself (uniform over the C(20,5) = 15,504 selections of the"
                + " shortlist), which shows what the circuit adds. **greedy**: `GreedySwapSolver`"
                + " on the whole window. The approximation ratio is F(answer) / F(exact optimum of"
                + " the whole window) (`ExactSolver`, proven on %d/%d); \"optimum found\" counts"
                + " answers with F equal to the optimum (relative 1e-9) and the same completeness."
                + " The probability of the shortlist's optimum is that of its basis state in the"
                + " final state (layers=0: 1/15,504 = 6.45e-05 when the optimum is feasible in the"
                + " shortlist). \"less complete\" counts answers with fewer documents or less quota"
                + " coverage than the exact one; they are left out of the ratios.",
            n,
            o.set().n(),
            o.set().k(),
            o.set().firstSeed(),
            o.set().firstSeed() + n - 1,
            Instances.describe(),
            QaoaQualityBench.QUBITS,
            QaoaQualityBench.LAYERS,
            QaoaQualityBench.SHOTS,
            QaoaQualityBench.SEED,
            QaoaQualityBench.QUBITS,
            QaoaQualityBench.LAYERS,
            QaoaQualityBench.SHOTS,
            o.provenOptima(),
            n));
    md.append(
            "\n\n| method | instances | ratio mean | ratio worst | ratio p50 | optimum found |"
                + " less complete | P(shortlist optimum) mean | P(shortlist optimum) p50 |"
                + " shots feasible before repair (mean) | time per solve (mean) |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (QaoaQualityBench.Method m : o.methods()) {
      boolean quantum = !m.name().equals("greedy");
      boolean any = m.ratio().length > 0;
      Stats r = any ? new Stats(m.ratio()) : null;
      md.append(
          f(
              "| %s | %d | **%s** | %s | %s | %s | %d | %s | %s | %s | %s |\n",
              m.name(),
              n,
              any ? f("%.4f", r.mean()) : "n/a",
              any ? f("%.4f", r.min()) : "n/a",
              any ? f("%.4f", r.median()) : "n/a",
              Format.share(m.optimal(), n),
              m.lessComplete(),
              quantum ? f("%.2e", new Stats(m.optimumProbability()).mean()) : "n/a",
              quantum ? f("%.2e", new Stats(m.optimumProbability()).median()) : "n/a",
              quantum ? f("%.1f%%", 100 * new Stats(m.feasibleShare()).mean()) : "n/a",
              Format.duration(new Latencies(m.nanos()).mean())));
    }
    QaoaQualityBench.Method qaoa = o.methods().get(0);
    QaoaQualityBench.Method zero = o.methods().get(1);
    Stats ceiling = new Stats(o.shortlistCeiling());
    double mean = qaoa.ratio().length == 0 ? Double.NaN : new Stats(qaoa.ratio()).mean();
    double zeroMean = zero.ratio().length == 0 ? Double.NaN : new Stats(zero.ratio()).mean();
    md.append('\n')
        .append(
            f(
                "The shortlist bounds what any sample can reach: the exact optimum of the whole"
                    + " window lies inside the %d-qubit shortlist on %s; F(shortlist optimum) /"
                    + " F(window optimum) has mean %.4f and worst %.4f.\n\n",
                QaoaQualityBench.QUBITS,
                Format.share(qaoa.optimumInShortlist(), n),
                ceiling.mean(),
                ceiling.min()));
    md.append(perShot(qaoa, zero, o.set().k()));
    md.append(schedules(o.fitted(), zero));
    md.append(
        f(
            "Target: mean ratio ≥ 0.98 and above layers=0 — %s (QAOA %.4f, layers=0 %.4f).\n\n",
            mean >= 0.98 && mean > zeroMean ? "met" : "NOT met",
            mean,
            zeroMean));
    return md.toString();
  }

  /** The per-shot table of section 6: what one shot is worth, exactly from the final state. */
  private static String perShot(
      QaoaQualityBench.Method qaoa, QaoaQualityBench.Method zero, int k) {
    int windows = qaoa.perShot().size();
    StringBuilder md = new StringBuilder();
    md.append(
        f(
            "**One shot, without the best of %d.** With %d shots the best repaired sample is"
                + " close to the optimum whatever the state, so the table above says little about"
                + " the circuit itself. The figures below are exact expectations over one shot,"
                + " computed from the final state (`ShotQuality`: the probability |a_r|² of every"
                + " one of the C(%d,%d) = %,d basis states times that state's value, no sampling),"
                + " on the %d windows with a proven optimum, for the same shortlist, Hamiltonian,"
                + " angles and repair as the solver. Per window: **repaired ratio** = Σ_r p_r ·"
                + " F(repair(r)) / F(window optimum) (a repair less complete than the optimum would"
                + " count 0); **P(shot optimal)** = Σ_r p_r over the states whose repair is an"
                + " optimum of the window (as complete, F equal up to relative 1e-9; the shortlist's"
                + " optimal state is one of them, states repaired into an optimum are the others);"
                + " **feasible** = Σ_r p_r over the states feasible before repair (the table above"
                + " counts it in the %d samples); **gap closed** = (E_D − ⟨C⟩) / (E_D − E_min) with"
                + " ⟨C⟩ = Σ_r p_r E_r the expected cost (−F plus penalties, the energy the circuit"
                + " lowers), E_D its mean over all states (the Dicke state's ⟨C⟩) and E_min its"
                + " lowest value (the shortlist's optimum): 0 for the Dicke state by definition, 1"
                + " for the ground state; **expected approximation** = (E_max − ⟨C⟩) / (E_max −"
                + " E_min), E_max the highest cost over the states (a penalised one). Means and"
                + " medians are over windows.\n\n",
            QaoaQualityBench.SHOTS,
            QaoaQualityBench.SHOTS,
            QaoaQualityBench.QUBITS,
            k,
            WeightSubspace.binomial(QaoaQualityBench.QUBITS, k),
            windows,
            QaoaQualityBench.SHOTS));
    md.append(
            "| method | windows | repaired ratio per shot mean | per shot worst window |"
                + " P(shot optimal) mean | P(shot optimal) p50 | feasible before repair (exact) |"
                + " repair less complete | ⟨C⟩ gap closed mean | expected approximation mean |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (QaoaQualityBench.Method m : List.of(qaoa, zero)) {
      List<ShotQuality.Figures> fs = m.perShot();
      if (fs.isEmpty()) {
        md.append(f("| %s | 0 | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |\n", m.name()));
        continue;
      }
      Stats ratio = stats(fs, ShotQuality.Figures::meanRatio);
      Stats optimal = stats(fs, ShotQuality.Figures::optimalShare);
      md.append(
          f(
              "| %s | %d | **%.4f** | %.4f | **%.2e** | %.2e | %.1f%% | %.2e | **%.3f** | %.4f |\n",
              m.name(),
              fs.size(),
              ratio.mean(),
              ratio.min(),
              optimal.mean(),
              optimal.median(),
              100 * stats(fs, ShotQuality.Figures::feasibleShare).mean(),
              stats(fs, ShotQuality.Figures::lessCompleteShare).mean(),
              stats(fs, ShotQuality.Figures::gapClosed).mean(),
              stats(fs, ShotQuality.Figures::expectedApproximation).mean()));
    }
    if (qaoa.perShot().size() == zero.perShot().size() && windows > 0) {
      int ratioWins = 0;
      int optimalWins = 0;
      for (int i = 0; i < windows; i++) {
        ShotQuality.Figures a = qaoa.perShot().get(i);
        ShotQuality.Figures b = zero.perShot().get(i);
        ratioWins += a.meanRatio() > b.meanRatio() ? 1 : 0;
        optimalWins += a.optimalShare() > b.optimalShare() ? 1 : 0;
      }
      md.append('\n')
          .append(
              f(
                  "Window by window, QAOA's repaired ratio per shot is above layers=0's on %s and"
                      + " its P(shot optimal) on %s.\n\n",
                  Format.share(ratioWins, windows),
                  Format.share(optimalWins, windows)));
    } else {
      md.append('\n');
    }
    return md.toString();
  }

  /** The fitted schedules, held out on section 6's windows, against the solver's ramp. */
  private static String schedules(
      List<QaoaQualityBench.Fitted> fitted, QaoaQualityBench.Method zero) {
    if (fitted.isEmpty() || zero.perShot().isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder();
    md.append(
        f(
            "**Could other fixed angles do better?** `AngleFit` (benchmarks module, run by hand,"
                + " not by `bench.sh`) fitted schedules for p = %d on %d training windows of the"
                + " same kind, seeds %,d to %,d (apart from this section's, the other sections'"
                + " and the tests'), by the exact expected cost: the mean gap closed, first over"
                + " the ramp's two constants on a grid (GAMMA_SPAN 0.5 to 6 by 0.25, BETA_SPAN 0.1"
                + " to 1.5 by 0.05), then by BOBYQA over the four per-layer angles (σγ_0, σγ_1,"
                + " β_0, β_1) from the grid's best; and, for comparison, by BOBYQA on the mean"
                + " per-shot repaired ratio (also exact and smooth in the angles). Here each is"
                + " evaluated on this section's %d windows, which the fit never saw (best of %d:"
                + " the largest repaired ratio among %d shots drawn with seed %d, as the solver"
                + " draws them).\n\n",
            QaoaQualityBench.LAYERS,
            AngleFit.TRAIN_COUNT,
            AngleFit.TRAIN_SEED,
            AngleFit.TRAIN_SEED + AngleFit.TRAIN_COUNT - 1,
            zero.perShot().size(),
            QaoaQualityBench.SHOTS,
            QaoaQualityBench.SHOTS,
            QaoaQualityBench.SEED));
    md.append(
            "| schedule (p = 2) | σγ_0, σγ_1 | β_0, β_1 | ⟨C⟩ gap closed mean |"
                + " repaired ratio per shot mean | P(shot optimal) mean | best of 1024 ratio mean"
                + " |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (QaoaQualityBench.Fitted x : fitted) {
      double[] a = x.candidate().angles();
      AngleFit.Evaluation e = x.evaluation();
      md.append(
          f(
              "| %s | %.3f, %.3f | %.3f, %.3f | %.4f | %.4f | %.2e | %.4f |\n",
              x.candidate().name(),
              a[0],
              a[1],
              a[2],
              a[3],
              e.gapClosed(),
              e.meanRatio(),
              e.optimalShare(),
              e.bestOfShots()));
    }
    AngleFit.Evaluation now = fitted.get(0).evaluation();
    md.append('\n');
    md.append(
        f(
            "The solver keeps the ramp. Fitting the expected cost lowers it on held-out windows"
                + " too (gap closed up to %.4f from %.4f) but does not make a shot better: the"
                + " per-shot ratio moves by at most %+.4f and P(shot optimal) falls. A likely reason:"
                + " ⟨C⟩ charges the penalties of infeasible states that repair turns into good"
                + " selections anyway (layers=0, with fewer feasible shots, has the higher P(shot"
                + " optimal)). Per-layer angles fitted on the per-shot ratio itself gain a"
                + " little (per-shot ratio %+.4f, P(shot optimal) ×%.2f) but stay below"
                + " layers=0's P(shot optimal) (%.2e), are for p = 2 only, and come from an"
                + " objective that needs the repair of every basis state: a lead for later, not a"
                + " clear enough gain to change the solver's answers.\n\n",
            Math.max(
                fitted.get(1).evaluation().gapClosed(), fitted.get(2).evaluation().gapClosed()),
            now.gapClosed(),
            Math.max(
                fitted.get(1).evaluation().meanRatio() - now.meanRatio(),
                fitted.get(2).evaluation().meanRatio() - now.meanRatio()),
            fitted.get(3).evaluation().meanRatio() - now.meanRatio(),
            fitted.get(3).evaluation().optimalShare() / now.optimalShare(),
            stats(zero.perShot(), ShotQuality.Figures::optimalShare).mean()));
    return md.toString();
  }

  private static Stats stats(
      List<ShotQuality.Figures> fs, java.util.function.ToDoubleFunction<ShotQuality.Figures> f) {
    return new Stats(fs.stream().mapToDouble(f).toArray());
  }

  // ------------------------------------------------------------------------- 7. penalty

  static String penalty(List<PenaltyBench.Size> sizes, InstanceSet set) {
    StringBuilder md = new StringBuilder(Section.PENALTY.heading()).append("\n\n");
    md.append(
        f(
            "The same %d windows as section 6. For each shortlist size, the Hamiltonian is the one"
                + " `QaoaSolver` builds at that `qubits`. Its documented rule (`Hamiltonian`"
                + " javadoc): with G = (sum of the w largest utilities of the shortlist) − F(greedy"
                + " reference), P_sub = G + δ for the subspace form and P_full = G + max v + δ for"
                + " the full-space QUBO exported for dimod (cardinality and slack-encoded caps and"
                + " quotas), δ = 1e-6·(1 + G + max v). Compared with the weights two libraries"
                + " would pick by default for the same objective: **Qiskit Optimization**"
                + " (`LinearEqualityToPenalty`, used by `QuadraticProgramToQubo`: 1 + the sum of the"
                + " objective's absolute coefficients, i.e. 1 + its range over binary variables;"
                + " integer constraint coefficients, as here) and **dimod** (`cqm_to_bqm`: 10 × the"
                + " largest absolute bias of the objective). Ratios are per instance, summarised"
                + " over the instances.\n\n",
            set.size()));
    md.append(
            "| shortlist n | instances | greedy reference feasible | P_sub p50 | P_full p50 |"
                + " Qiskit p50 | dimod p50 | Qiskit / P_full min · p50 · max | dimod / P_full"
                + " min · p50 · max | P_full below both |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (PenaltyBench.Size s : sizes) {
      int count = s.weights().size();
      double[] sub = new double[count];
      double[] full = new double[count];
      double[] qiskit = new double[count];
      double[] dimod = new double[count];
      double[] qr = new double[count];
      double[] dr = new double[count];
      int feasibleRef = 0;
      int below = 0;
      for (int i = 0; i < count; i++) {
        PenaltyBench.Weights w = s.weights().get(i);
        sub[i] = w.sub();
        full[i] = w.full();
        qiskit[i] = w.qiskit();
        dimod[i] = w.dimod();
        qr[i] = w.qiskit() / w.full();
        dr[i] = w.dimod() / w.full();
        feasibleRef += w.referenceFeasible() ? 1 : 0;
        below += w.full() < w.qiskit() && w.full() < w.dimod() ? 1 : 0;
      }
      md.append(
          f(
              "| %d | %d | %s | %.3f | %.3f | %.2f | %.2f | %s | %s | %s |\n",
              s.qubits(),
              count,
              Format.share(feasibleRef, count),
              new Stats(sub).median(),
              new Stats(full).median(),
              new Stats(qiskit).median(),
              new Stats(dimod).median(),
              spread(new Stats(qr)),
              spread(new Stats(dr)),
              Format.share(below, count)));
    }
    md.append(
        "\nExhaustive search (class `PenaltySearch`): the subspace form over all C(n, w) states"
            + " with w = 5 qubits set; the full-space QUBO over all its variables, document bits"
            + " walked in Gray-code order and each pattern's slack bits minimised exactly (slack"
            + " bits couple only to those of their own constraint, checked), the penalty read off"
            + " the exported QUBO's coefficients. Both forms are f + P·pen with pen = 0 exactly on"
            + " feasible states (\"inconsistent states\" counts any state where that fails), so the"
            + " ground state is feasible exactly when P exceeds P* = max (f_opt − f(x)) / pen(x)"
            + " over infeasible x: the smallest weight that works on that instance. \"ours / P*\""
            + " is how far above it the rule lands (instances with P* = 0, where any positive"
            + " weight works, are counted apart). Instances whose shortlist admits no feasible"
            + " selection (a quota out of the shortlist's reach together with a cap, say) have no"
            + " feasible ground state under any weight; they are counted apart and left out of the"
            + " other columns.\n\n");
    md.append(
            "| n | form | instances | no feasible state | states per instance | ground state"
                + " feasible | P* p50 | P* = 0 | ours / P* min · p50 · max | Qiskit > P* | dimod >"
                + " P* | inconsistent states |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    boolean allFeasible = true;
    for (PenaltyBench.Size s : sizes) {
      if (!s.searched()) {
        continue;
      }
      for (boolean fullForm : new boolean[] {false, true}) {
        List<PenaltySearch.Outcome> outs = fullForm ? s.fullSpace() : s.subspace();
        int count = outs.size();
        int feasible = 0;
        int none = 0;
        int zero = 0;
        int qiskitOk = 0;
        int dimodOk = 0;
        long inconsistent = 0;
        double[] thresholds = new double[count];
        double[] ratios = new double[count];
        int withState = 0;
        int kept = 0;
        long states = 0;
        for (int i = 0; i < count; i++) {
          PenaltySearch.Outcome out = outs.get(i);
          PenaltyBench.Weights w = s.weights().get(i);
          inconsistent += out.inconsistent();
          states = out.states();
          if (out.feasibleStates() == 0) {
            none++;
            continue;
          }
          feasible += out.groundFeasible() ? 1 : 0;
          thresholds[withState++] = out.threshold();
          qiskitOk += w.qiskit() > out.threshold() ? 1 : 0;
          dimodOk += w.dimod() > out.threshold() ? 1 : 0;
          if (out.threshold() > 0) {
            ratios[kept++] = out.weight() / out.threshold();
          } else {
            zero++;
          }
        }
        int judged = count - none;
        allFeasible &= feasible == judged && inconsistent == 0;
        String statesCell =
            fullForm
                ? f(
                    "2^%d document patterns (QUBO variables p50 %d, max %d)",
                    s.qubits(),
                    (int) new Stats(toDouble(s.quboVariables())).median(),
                    (int) new Stats(toDouble(s.quboVariables())).max())
                : f("%,d", states);
        md.append(
            f(
                "| %d | %s | %d | %d | %s | **%s** | %s | %d | %s | %s | %s | %d |\n",
                s.qubits(),
                fullForm ? "full-space QUBO, P_full" : "subspace, P_sub",
                count,
                none,
                statesCell,
                Format.share(feasible, judged),
                withState == 0
                    ? "n/a"
                    : f("%.3f", new Stats(java.util.Arrays.copyOf(thresholds, withState)).median()),
                zero,
                kept == 0 ? "n/a" : spread(new Stats(java.util.Arrays.copyOf(ratios, kept))),
                Format.share(qiskitOk, judged),
                Format.share(dimodOk, judged),
                inconsistent));
      }
    }
    md.append('\n')
        .append(
            f(
                "Result: every searched instance that admits a feasible selection has a feasible"
                    + " ground state under our weights — %s.\n\n",
                allFeasible ? "yes" : "NO (see the table)"));
    return md.toString();
  }

  // -------------------------------------------------------------------------- 8. latency

  static String latency(
      QaoaLatencyBench.Latency l, List<QaoaLatencyBench.Subspace> subspaces, QuantumSizes sizes) {
    StringBuilder md = new StringBuilder(Section.QAOA_LATENCY.heading()).append("\n\n");
    md.append(
        f(
            "`Solvers.run(problem, QAOA, timeoutMs=%d, (seed=%d, shots=%d, layers=%d, qubits=%d))`,"
                + " the call the plugin makes for `solver=qaoa`, on the %d windows of section 6,"
                + " after %d solves of windows with other seeds; passes: %d (p50, p99, max and mean"
                + " are the first pass; best-of-passes takes each window's fastest), the clock"
                + " around the call only; a fallback is an answer the exact solver gave instead"
                + " (timeout or incomplete QAOA answer). Besides the simulation, a solve runs greedy (for the shortlist and"
                + " the penalty reference), the sampling and repair, and the exact solver twice"
                + " (shortlist and window) for its diagnostics. \"simulation\" is the solver's own"
                + " figure from its start to the final state (greedy, shortlist, Hamiltonian, cost"
                + " diagonal, layers); \"sampling\" covers drawing the shots and repairing them.\n\n",
            QaoaLatencyBench.TIMEOUT_MS,
            QaoaQualityBench.SEED,
            QaoaQualityBench.SHOTS,
            QaoaQualityBench.LAYERS,
            QaoaQualityBench.QUBITS,
            l.set().size(),
            sizes.latencyWarmUp(),
            l.passes()));
    md.append(
            "| solves | p50 | p99 | max | mean | best-of-passes p50 | p99 | fallbacks (first"
                + " pass) | simulation p50 | sampling p50 |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    md.append(
        f(
            "| %d | **%s** | **%s** | %s | %s | %s | %s | %d | %s | %s |\n\n",
            l.first().count(),
            Format.duration(l.first().p50()),
            Format.duration(l.first().p99()),
            Format.duration(l.first().max()),
            Format.duration(l.first().mean()),
            Format.duration(l.best().p50()),
            Format.duration(l.best().p99()),
            l.fallbacks(),
            Format.duration(l.simulation().p50()),
            Format.duration(l.sampling().p50())));
    md.append(
        f(
            "Target: p50 under 20 ms — %s (%s).\n\n",
            l.first().p50() < 20_000_000 ? "met" : "NOT met",
            Format.duration(l.first().p50())));
    md.append(
        f(
            "Subspace sizes, on the first window (k=%d): one whole QAOA solve at `qubits=n`"
                + " (layers=%d, shots=%d, no time budget; the solver caches ring mixers per (n,"
                + " k), so at n=20 it reused the one the latency runs above built, while at the"
                + " other sizes the solve includes building it), then the parts of a layer on that"
                + " solve's own cost diagonal"
                + " and angles, %d layers timed (p50). %s Memory held by the"
                + " simulation: amplitudes (16 bytes per state), the cost diagonal (8), the"
                + " rank-to-mask table of the subspace (8) and the ring mixer's coupling tables"
                + " (two 4-byte ranks per coupled pair, n pairs).\n\n",
            sizes.largestWeight(),
            QaoaQualityBench.LAYERS,
            QaoaQualityBench.SHOTS,
            sizes.layerRuns(),
            largestSentence(sizes.largestQubits(), sizes.largestWeight())));
    md.append(
            "| n | k | C(n,k) | whole solve | mixer tables built | cost tabulated | phase"
                + " p50 | mixer p50 | **layer p50** | amplitudes | diagonal | masks | mixer"
                + " tables | **memory** |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (QaoaLatencyBench.Subspace s : subspaces) {
      md.append(
          f(
              "| %d | %d | %,d | %s | %s | %s | %s | %s | **%s** | %s | %s | %s | %s | **%s** |\n",
              s.qubits(),
              s.weight(),
              s.dimension(),
              Format.duration(s.solveNanos()),
              Format.duration(s.mixerBuildNanos()),
              Format.duration(s.diagonalNanos()),
              Format.duration(s.phase().p50()),
              Format.duration(s.mixer().p50()),
              Format.duration(s.layer().p50()),
              bytes(s.amplitudeBytes()),
              bytes(s.diagonalBytes()),
              bytes(s.maskBytes()),
              bytes(s.mixerBytes()),
              bytes(s.totalBytes())));
    }
    md.append('\n');
    return md.toString();
  }

  // ---------------------------------------------------------------------------- helpers

  /** Says whether n is the largest subspace of weight k the QAOA solver accepts. */
  static String largestSentence(int n, int k) {
    long limit = io.github.qrerank.solver.QaoaSolver.MAX_DIMENSION;
    boolean largest =
        WeightSubspace.binomial(n, k) <= limit && WeightSubspace.binomial(n + 1, k) > limit;
    return largest
        ? f(
            "n=%d is the largest the QAOA solver accepts at k=%d (its limit is %,d states).",
            n,
            k,
            limit)
        : f(
            "n=%d is the largest measured in this run (the solver's limit is %,d states).",
            n,
            limit);
  }

  private static String spread(Stats s) {
    return f(
        "%s · %s · %s", Format.ratio(s.min()), Format.ratio(s.median()), Format.ratio(s.max()));
  }

  private static double[] toDouble(int[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  /** Bytes in KiB, MiB or GiB. */
  static String bytes(long b) {
    if (b >= 1L << 30) {
      return f("%.2f GiB", b / (double) (1L << 30));
    }
    if (b >= 1L << 20) {
      return f("%.1f MiB", b / (double) (1L << 20));
    }
    return f("%.1f KiB", b / 1024.0);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
