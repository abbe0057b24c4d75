package io.cloudnativemcp.application.service.audit;

import io.cloudnativemcp.application.port.out.AuditLogRepository;
import io.cloudnativemcp.domain.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Where use cases record what happened; it writes through the audit repository port. */
@ApplicationScoped
public class AuditTrail {
  private AuditLogRepository repository;

  /** For CDI's client proxy only. */
  protected AuditTrail() {}

  @Inject
  public AuditTrail(AuditLogRepository repository) {
    this.repository = repository;
  }

  /**
   * Records one event.
   *
   * @throws io.cloudnativemcp.application.port.out.StoreUnavailableException when it cannot
   *     be stored
   */
  public void record(AuditEvent event) {
    repository.appendAll(List.of(event));
  }
}
