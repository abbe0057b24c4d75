package io.cloudnativemcp.application.port.in;

/**
 * Use case (scheduled): rotate keys older than {@code secrets.rotation_interval}, writing each new
 * key to the secret store, and purge unusable keys unless {@code secrets.keep_expired}.
 */
public interface RotateDueKeysUseCase {
  /** @return how many keys were rotated */
  int rotateDueKeys();
}
