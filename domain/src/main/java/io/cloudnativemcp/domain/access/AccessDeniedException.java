package io.cloudnativemcp.domain.access;

import io.cloudnativemcp.domain.shared.DomainException;

/** The principal lacks the permission an operation needs (HTTP 403). */
public class AccessDeniedException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final Permission permission;

  public AccessDeniedException(String principal, Permission permission) {
    super("forbidden", "Principal '" + principal + "' lacks the permission " + permission.value() + ".");
    this.permission = permission;
  }

  public Permission permission() {
    return permission;
  }
}
