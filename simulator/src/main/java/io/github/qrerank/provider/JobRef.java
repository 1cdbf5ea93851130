package io.github.qrerank.provider;

import java.util.Objects;

/**
 * A submitted job: the provider's id and what the results must look like (the measured register and
 * the number of shots), so that {@link QuantumProvider#results} can check the answer. Keep it to
 * fetch a late answer after the request that submitted it has returned.
 *
 * @param id the provider's job id
 * @param register the classical register the program measures into
 * @param shots the number of samples asked for
 * @param idempotencyKey the key it was submitted with
 */
public record JobRef(String id, MeasuredRegister register, int shots, String idempotencyKey) {
  public JobRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    if (shots < 1) {
      throw new IllegalArgumentException("shots must be >= 1: " + shots);
    }
  }
}
