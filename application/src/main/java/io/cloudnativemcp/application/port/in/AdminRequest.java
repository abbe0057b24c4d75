package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.principal.Principal;
import java.util.Objects;

/** Who asks, and from where, for an administrative action. */
public record AdminRequest(Principal principal, RequestOrigin origin) {
  public AdminRequest {
    Objects.requireNonNull(principal, "'principal' must not be null");
    Objects.requireNonNull(origin, "'origin' must not be null");
  }
}
