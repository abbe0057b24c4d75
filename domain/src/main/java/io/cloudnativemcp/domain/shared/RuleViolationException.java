package io.cloudnativemcp.domain.shared;

/** Input that breaks a business rule; the message says which rule, never the offending secret. */
public class RuleViolationException extends DomainException {
  private static final long serialVersionUID = 1L;

  public RuleViolationException(String code, String message) {
    super(code, message);
  }
}
