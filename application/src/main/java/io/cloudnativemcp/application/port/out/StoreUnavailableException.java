package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.shared.DomainException;

/** The database behind the audit or key store cannot be reached right now. */
public class StoreUnavailableException extends DomainException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message) {
    super("store_unavailable", message);
  }
}
