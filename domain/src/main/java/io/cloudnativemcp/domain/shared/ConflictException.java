package io.cloudnativemcp.domain.shared;

/** The request contradicts the current state (for example a key that is already revoked). */
public class ConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String code, String message) {
    super(code, message);
  }
}
