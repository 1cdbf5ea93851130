/**
 * In-process quantum simulation for qrerank's QAOA path: a full state-vector engine and an engine
 * restricted to the fixed-Hamming-weight subspace that the XY mixer preserves; the selection
 * problem as a Hamiltonian ({@link io.github.qrerank.quantum.Hamiltonian}, with its QUBO and Ising
 * forms and their export as dimod BQM JSON); QAOA on the subspace engine ({@link
 * io.github.qrerank.quantum.QaoaSimulation}, {@link io.github.qrerank.quantum.AngleSchedule}). The
 * same circuit as OpenQASM 3 lives in {@link io.github.qrerank.quantum.qasm}. A gate list ({@link
 * io.github.qrerank.quantum.Circuit}) runs either gate by gate or through the circuit executor
 * ({@link io.github.qrerank.quantum.CircuitPlan}), which fuses gates into fewer passes.
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li><b>Qubit order.</b> Qubit {@code q} is bit {@code q} of a basis-state index (little endian,
 *       as in Qiskit): in a 3-qubit state, index 6 = {@code 0b110} has qubits 1 and 2 set.
 *   <li><b>Gates.</b> Matrices follow Qiskit's standard gates: {@code rx(θ)=exp(-iθX/2)},
 *       {@code ry(θ)=exp(-iθY/2)}, {@code rz(θ)=exp(-iθZ/2)}, {@code phase(λ)=diag(1,e^{iλ})},
 *       {@code rzz(θ)=exp(-iθ Z⊗Z/2)}, and the XY rotation {@code xy(θ)=exp(-iθ(XX+YY)/4)}, which is
 *       Qiskit's {@code XXPlusYYGate(θ, β=0)} (see {@link io.github.qrerank.quantum.StateVector#xy}).
 *   <li><b>Cost layer.</b> A diagonal {@code d} ({@link io.github.qrerank.quantum.Diagonal}) is
 *       tabulated once per problem; each QAOA layer applies {@code |x> -> exp(-iγ d_x)|x>}.
 *   <li><b>Randomness.</b> Sampling takes a caller-supplied {@link java.util.SplittableRandom}; the
 *       same generator state and the same amplitudes give the same samples.
 * </ul>
 *
 * <p>Engines are not thread-safe; run independent states on different threads. One engine call
 * may use more than the caller's thread: the cost layer of a state of at least 2^18 amplitudes
 * splits its pass over the common {@link java.util.concurrent.ForkJoinPool} (see {@code
 * PhaseKernel}), with the same result bits as on one thread. Started with {@code
 * --add-modules=jdk.incubator.vector}, the JVM lets the cost layer use the Vector API, again with
 * the same bits.
 */
package io.github.qrerank.quantum;
