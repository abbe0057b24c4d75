package io.cloudnativemcp.adapter.out.persistence;

import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import java.time.ZoneOffset;

/** Maps audit events to rows and back. */
final class AuditEventJpaMapper {
  private AuditEventJpaMapper() {}

  static AuditEventJpaEntity toEntity(AuditEvent e) {
    AuditEventJpaEntity row = new AuditEventJpaEntity();
    row.id = e.id();
    row.occurredAt = e.timestamp().atOffset(ZoneOffset.UTC);
    row.eventType = e.type().name();
    row.principal = e.principal();
    row.authMethod = e.authMethod();
    row.clientAddress = e.clientAddress();
    row.transport = e.transport();
    row.sessionId = e.sessionId();
    row.action = e.action();
    row.namespace = e.namespace();
    row.outcome = e.outcome().name();
    row.status = e.status().name();
    row.error = e.error();
    row.durationMs = e.durationMs();
    row.arguments = JsonMaps.write(e.arguments());
    return row;
  }

  static AuditEvent toDomain(AuditEventJpaEntity row) {
    return new AuditEvent(
        row.id,
        row.occurredAt.toInstant(),
        AuditEventType.valueOf(row.eventType),
        row.principal,
        row.authMethod,
        row.clientAddress,
        row.transport,
        row.sessionId,
        row.action,
        row.namespace,
        AuditOutcome.valueOf(row.outcome),
        row.error,
        row.durationMs,
        JsonMaps.read(row.arguments));
  }
}
