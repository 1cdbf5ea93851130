/**
 * The QAOA circuit as OpenQASM 3 text with {@code stdgates.inc} gates only ({@link
 * io.github.qrerank.quantum.qasm.QaoaCircuit}), and a parser and runner of exactly that subset
 * ({@link io.github.qrerank.quantum.qasm.QasmProgram}) on {@link
 * io.github.qrerank.quantum.StateVector}, so that an exported circuit can be checked against the
 * engine that simulated it.
 */
package io.github.qrerank.quantum.qasm;
