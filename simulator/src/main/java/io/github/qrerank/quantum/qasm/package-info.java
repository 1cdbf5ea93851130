/**
 * The QAOA circuit as OpenQASM 3 text with {@code stdgates.inc} gates only ({@link
 * io.github.qrerank.quantum.qasm.QaoaCircuit}), and a parser and runner of exactly that subset
 * ({@link io.github.qrerank.quantum.qasm.QasmProgram}) on {@link
 * io.github.qrerank.quantum.StateVector} through the circuit executor ({@link
 * io.github.qrerank.quantum.CircuitPlan}), so that an exported circuit can be checked against the
 * engine that simulated it, and the provider server can run submitted programs.
 */
package io.github.qrerank.quantum.qasm;
