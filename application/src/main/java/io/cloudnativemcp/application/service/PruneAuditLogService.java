package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.PruneAuditLogUseCase;
import io.cloudnativemcp.application.port.out.AuditLogRepository;
import io.cloudnativemcp.application.settings.AuditSettings;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the audit table within {@code maxRecords} (and {@code maxAgeDays}): the oldest rows go, a
 * batch per statement, so writers are never blocked for long.
 */
@Dependent
public class PruneAuditLogService implements PruneAuditLogUseCase {
  /** Upper bound of rows deleted per run, so one run never takes long. */
  static final long MAX_PER_RUN = 200_000;

  private final AuditLogRepository repository;
  private final AuditSettings settings;
  private final Clock clock;

  @Inject
  public PruneAuditLogService(AuditLogRepository repository, AuditSettings settings, Clock clock) {
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public long prune() {
    int batch = settings.retention().batchSize();
    long deleted = 0;
    Optional<Instant> cutoff = settings.retention().cutoff(clock.instant());
    if (cutoff.isPresent()) {
      long n;
      do {
        n = repository.deleteOlderThan(cutoff.get(), batch);
        deleted += n;
      } while (n == batch && deleted < MAX_PER_RUN);
    }
    long excess = settings.retention().excess(repository.count());
    while (excess > 0 && deleted < MAX_PER_RUN) {
      long n = repository.deleteOldest(Math.min(batch, excess));
      if (n == 0) {
        break;
      }
      deleted += n;
      excess -= n;
    }
    return deleted;
  }
}
