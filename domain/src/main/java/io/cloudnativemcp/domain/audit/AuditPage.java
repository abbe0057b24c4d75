package io.cloudnativemcp.domain.audit;

import java.util.List;
import java.util.Optional;

/** One page of audit records, newest first, and the cursor of the next page if there is one. */
public record AuditPage(List<AuditEvent> items, Optional<AuditCursor> next) {
  public AuditPage {
    items = List.copyOf(items);
    next = next == null ? Optional.empty() : next;
  }
}
