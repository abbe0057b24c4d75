package io.cloudnativemcp.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Row of {@code audit_event}. */
@Entity
@Table(name = "audit_event")
class AuditEventJpaEntity {
  @Id
  @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  Long id;

  @Column(name = "occurred_at", nullable = false)
  OffsetDateTime occurredAt;

  @Column(name = "event_type", nullable = false)
  String eventType;

  String principal;

  @Column(name = "auth_method")
  String authMethod;

  @Column(name = "client_address")
  String clientAddress;

  String transport;

  @Column(name = "session_id")
  String sessionId;

  @Column(nullable = false)
  String action;

  String namespace;

  @Column(nullable = false)
  String outcome;

  @Column(nullable = false)
  String status;

  String error;

  @Column(name = "duration_ms", nullable = false)
  long durationMs;

  String arguments;

  AuditEventJpaEntity() {}
}
