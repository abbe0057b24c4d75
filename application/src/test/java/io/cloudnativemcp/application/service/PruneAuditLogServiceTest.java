package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.AuditLogRepository;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.audit.AuditStats;
import io.cloudnativemcp.domain.audit.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PruneAuditLogServiceTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final InMemoryAuditLogRepository events = new InMemoryAuditLogRepository();
  private final RecordingDeletes repository = new RecordingDeletes(events);
  private final MutableClock clock = new MutableClock(NOW);

  /** Remembers the size of every delete statement. */
  private static final class RecordingDeletes implements AuditLogRepository {
    final InMemoryAuditLogRepository delegate;
    final List<Long> deleteOldest = new ArrayList<>();
    final List<Long> deleteOlderThan = new ArrayList<>();

    RecordingDeletes(InMemoryAuditLogRepository delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(String batchKey, List<AuditEvent> batch, List<Completion> completions) {
      delegate.write(batchKey, batch, completions);
    }

    @Override
    public AuditEvent append(AuditEvent event) {
      return delegate.append(event);
    }

    @Override
    public AuditPage query(AuditQuery query) {
      return delegate.query(query);
    }

    @Override
    public AuditStats stats(Optional<Instant> from, Optional<Instant> to, int top) {
      return delegate.stats(from, to, top);
    }

    @Override
    public long count() {
      return delegate.count();
    }

    @Override
    public int restore(List<AuditEvent> events) {
      return delegate.restore(events);
    }

    @Override
    public long deleteOldest(long max) {
      deleteOldest.add(max);
      return delegate.deleteOldest(max);
    }

    @Override
    public long deleteOlderThan(Instant cutoff, long max) {
      deleteOlderThan.add(max);
      return delegate.deleteOlderThan(cutoff, max);
    }
  }

  private PruneAuditLogService service(long maxRecords, Optional<Duration> maxAge, int batchSize) {
    return new PruneAuditLogService(
        repository, new AuditSettings(true, 100, 10, true, new RetentionPolicy(maxRecords, maxAge, batchSize)), clock);
  }

  /** One record per minute, the newest {@code newestMinutesAgo} minutes ago. */
  private void seed(int count, int newestMinutesAgo) {
    List<AuditEvent> batch = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      batch.add(
          new AuditEvent(
              null, NOW.minus(Duration.ofMinutes(newestMinutesAgo + i)), AuditEventType.TOOL_CALL, "alice", "apikey",
              "10.0.0.7", "rest", null, "call", null, AuditOutcome.SUCCESS, null, 1, Map.of()));
    }
    events.appendAll(batch);
  }

  private Instant oldestLeft() {
    return events.events().stream().map(AuditEvent::timestamp).min(Instant::compareTo).orElseThrow();
  }

  @Test
  void givenMoreRecordsThanAllowed_prune_deletesOnlyTheExcessOldestFirstInBatches() {
    seed(25, 0);

    long deleted = service(10, Optional.empty(), 3).prune();

    assertThat(deleted).isEqualTo(15);
    assertThat(events.count()).isEqualTo(10);
    assertThat(oldestLeft()).isEqualTo(NOW.minus(Duration.ofMinutes(9)));
    assertThat(repository.deleteOldest).containsExactly(3L, 3L, 3L, 3L, 3L);
    assertThat(repository.deleteOlderThan).isEmpty();
  }

  @Test
  void givenExcessNotAMultipleOfTheBatch_prune_deletesTheRemainderInASmallerLastBatch() {
    seed(24, 0);

    long deleted = service(10, Optional.empty(), 4).prune();

    assertThat(deleted).isEqualTo(14);
    assertThat(repository.deleteOldest).containsExactly(4L, 4L, 4L, 2L);
    assertThat(events.count()).isEqualTo(10);
  }

  @Test
  void givenRecordsWithinTheLimit_prune_deletesNothing() {
    seed(10, 0);

    assertThat(service(10, Optional.empty(), 3).prune()).isZero();
    assertThat(repository.deleteOldest).isEmpty();
    assertThat(events.count()).isEqualTo(10);
  }

  @Test
  void givenMaxAge_prune_deletesRecordsOlderThanItInBatches() {
    seed(5, 0); // 0 to 4 minutes old
    seed(5, 120); // 120 to 124 minutes old

    long deleted = service(1000, Optional.of(Duration.ofHours(1)), 2).prune();

    assertThat(deleted).isEqualTo(5);
    assertThat(events.count()).isEqualTo(5);
    assertThat(oldestLeft()).isEqualTo(NOW.minus(Duration.ofMinutes(4)));
    assertThat(repository.deleteOlderThan).containsExactly(2L, 2L, 2L);
    assertThat(repository.deleteOldest).isEmpty();
  }

  @Test
  void givenRecordExactlyAtTheCutoff_prune_keepsIt() {
    seed(1, 60);

    assertThat(service(1000, Optional.of(Duration.ofHours(1)), 10).prune()).isZero();
    assertThat(events.count()).isEqualTo(1);
  }

  @Test
  void givenMaxAgeAndMaxRecords_prune_appliesBoth() {
    seed(8, 0);
    seed(4, 200);

    long deleted = service(5, Optional.of(Duration.ofHours(1)), 10).prune();

    assertThat(deleted).isEqualTo(7);
    assertThat(events.count()).isEqualTo(5);
    assertThat(oldestLeft()).isEqualTo(NOW.minus(Duration.ofMinutes(4)));
    assertThat(repository.deleteOldest).containsExactly(3L);
  }
}
