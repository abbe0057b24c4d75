package io.cloudnativemcp.domain.shared;

/**
 * Base of every business exception. The {@link #code()} is a stable, machine-readable name that
 * adapters expose (problem+json {@code code}, JSON-RPC error data) so clients can branch on it.
 */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  protected DomainException(String code, String message) {
    super(message);
    this.code = code;
  }

  protected DomainException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
