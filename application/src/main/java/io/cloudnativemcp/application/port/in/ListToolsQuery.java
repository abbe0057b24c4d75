package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.principal.Principal;
import java.util.Objects;

/** Which tools a principal may see. */
public record ListToolsQuery(Principal principal) {
  public ListToolsQuery {
    Objects.requireNonNull(principal, "'principal' must not be null");
  }
}
