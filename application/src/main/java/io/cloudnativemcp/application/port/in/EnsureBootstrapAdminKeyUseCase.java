package io.cloudnativemcp.application.port.in;

import java.util.Optional;

/**
 * Use case: at startup, store the hash of the configured administrator key, or generate one when
 * authentication is on and none is configured.
 */
public interface EnsureBootstrapAdminKeyUseCase {
  /**
   * @return the plaintext of a key generated now, to be shown once; empty when nothing was generated
   */
  Optional<String> ensure(EnsureBootstrapAdminKeyCommand command);
}
