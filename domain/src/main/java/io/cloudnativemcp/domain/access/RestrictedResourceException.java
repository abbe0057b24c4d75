package io.cloudnativemcp.domain.access;

import io.cloudnativemcp.domain.shared.DomainException;

/**
 * A call reached for a kind or namespace the server does not serve ({@code
 * kubernetes.deniedResources}, {@code kubernetes.namespaces}). It is a denial, audited as one.
 */
public class RestrictedResourceException extends DomainException {
  private static final long serialVersionUID = 1L;

  public RestrictedResourceException(String message) {
    super("restricted", message);
  }
}
