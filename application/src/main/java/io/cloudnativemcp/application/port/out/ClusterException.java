package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.shared.DomainException;

/** Base of the failures the cluster port reports; technology exceptions never cross the port. */
public abstract class ClusterException extends DomainException {
  private static final long serialVersionUID = 1L;

  protected ClusterException(String code, String message) {
    super(code, message);
  }

  /** Whether the caller caused it (bad name, selector, kind) rather than the server or cluster. */
  public abstract boolean callerError();
}
