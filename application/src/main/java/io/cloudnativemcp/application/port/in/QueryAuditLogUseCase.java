package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditStats;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Use case: reading the audit log (search, statistics, export). Every use needs {@code
 * audit:read} and is itself audited.
 *
 * @throws io.cloudnativemcp.domain.access.AccessDeniedException without {@code audit:read}
 */
public interface QueryAuditLogUseCase {

  AuditPage query(QueryAuditLogCommand command);

  AuditStats stats(QueryAuditLogCommand command, Optional<Instant> from, Optional<Instant> to);

  /**
   * Authorizes and audits an export now; the records are read when the export is written, newest
   * first, page by page (the query's limit is the page size).
   */
  Export export(QueryAuditLogCommand command);

  /** An authorized export, written to a sink page by page. */
  interface Export {
    /** @return how many records were written */
    long writeTo(Consumer<AuditEvent> sink);
  }
}
