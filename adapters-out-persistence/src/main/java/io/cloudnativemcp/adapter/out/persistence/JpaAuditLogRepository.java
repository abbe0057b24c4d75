package io.cloudnativemcp.adapter.out.persistence;

import io.cloudnativemcp.application.port.out.AuditLogRepository;
import io.cloudnativemcp.domain.audit.AuditEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/** Persistence adapter: stores audit events in {@code audit_event}. */
@Dependent
public class JpaAuditLogRepository implements AuditLogRepository {
  private final JpaDatabase database;

  @Inject
  public JpaAuditLogRepository(JpaDatabase database) {
    this.database = database;
  }

  @Override
  public void appendAll(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    database.inTransaction(
        em -> {
          for (AuditEvent e : events) {
            em.persist(AuditEventJpaMapper.toEntity(e));
          }
          return null;
        });
  }

  @Override
  public long count() {
    return database.read(
        em -> em.createQuery("select count(a) from AuditEventJpaEntity a", Long.class).getSingleResult());
  }
}
