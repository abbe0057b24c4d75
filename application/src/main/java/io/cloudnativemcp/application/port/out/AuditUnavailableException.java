package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.shared.DomainException;

/**
 * The audit trail cannot accept a record (its buffer is full while the store is down, or a
 * record that must precede an action could not be written). With {@code audit.failClosed} the
 * server refuses the request rather than act unaudited.
 */
public class AuditUnavailableException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AuditUnavailableException(String message) {
    super("audit_unavailable", message);
  }
}
