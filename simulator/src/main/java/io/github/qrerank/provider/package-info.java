/**
 * Running qrerank's QAOA circuit at a remote quantum provider: a small SPI ({@link
 * io.github.qrerank.provider.QuantumProvider}: submit an OpenQASM 3 program with shots and an
 * idempotency key, read the status, the samples, cancel), its HTTP implementation shaped like the
 * IBM Qiskit Runtime sampler REST API ({@link io.github.qrerank.provider.RuntimeSamplerClient}),
 * and polling within a deadline ({@link io.github.qrerank.provider.SamplerCalls}).
 *
 * <p>Failures come in four classes, each an exception type and a reason word ({@link
 * io.github.qrerank.provider.ProviderFailure}): {@code timeout}, {@code error}, {@code auth},
 * {@code bad_response}. Samples keep the circuit's bit order: bit i of a sample is classical bit i,
 * which qrerank's circuit measures from qubit i.
 *
 * <p>{@link io.github.qrerank.provider.server} holds a provider server speaking the same protocol,
 * which simulates the circuits with this module's engine and injects faults on demand.
 */
package io.github.qrerank.provider;
