package io.cloudnativemcp.domain.tool;

import io.cloudnativemcp.domain.shared.RuleViolationException;

/** An argument is missing, of the wrong type or out of range; the message names the field. */
public class InvalidToolArgumentException extends RuleViolationException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidToolArgumentException(String field, String problem) {
    super("invalid_argument", "Invalid argument '" + field + "': " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
