package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.principal.Principal;
import java.util.Objects;

/** A search of the audit log by a principal (which needs {@code audit:read}). */
public record QueryAuditLogCommand(Principal principal, AuditQuery query, RequestOrigin origin) {
  public QueryAuditLogCommand {
    Objects.requireNonNull(principal, "'principal' must not be null");
    Objects.requireNonNull(query, "'query' must not be null");
    Objects.requireNonNull(origin, "'origin' must not be null");
  }
}
