package io.cloudnativemcp.domain.shared;

/** Something the caller named does not exist. */
public class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String code, String message) {
    super(code, message);
  }
}
