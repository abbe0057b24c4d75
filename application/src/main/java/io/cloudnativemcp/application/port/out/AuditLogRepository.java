package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.audit.AuditEvent;
import java.util.List;

/** Outgoing port for storing audit records. */
public interface AuditLogRepository {

  /**
   * Stores events in one transaction, in order.
   *
   * @throws StoreUnavailableException when the store cannot be written; nothing was stored
   */
  void appendAll(List<AuditEvent> events);

  /** Number of stored records. */
  long count();
}
