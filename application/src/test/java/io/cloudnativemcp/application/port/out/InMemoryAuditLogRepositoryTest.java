package io.cloudnativemcp.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.audit.AuditStats;
import io.cloudnativemcp.domain.audit.AuditStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fake must behave like the real store, or the use-case tests prove nothing. */
class InMemoryAuditLogRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

  private final InMemoryAuditLogRepository repository = new InMemoryAuditLogRepository();

  private static AuditEvent event(int minute, String principal, String tool, AuditOutcome outcome) {
    return new AuditEvent(
        null, T0.plusSeconds(60L * minute), AuditEventType.TOOL_CALL, principal, "apikey", "10.0.0.7",
        "streamable-http", null, tool, "shop", outcome, null, 3, Map.of());
  }

  @Test
  void givenEvents_appendAll_assignsIncreasingIds() {
    repository.appendAll(List.of(event(0, "alice", "t1", AuditOutcome.SUCCESS), event(1, "bob", "t2", AuditOutcome.FAILED)));
    AuditEvent third = repository.append(event(2, "carol", "t3", AuditOutcome.PENDING));

    assertThat(repository.events()).extracting(AuditEvent::id).containsExactly(1L, 2L, 3L);
    assertThat(third.id()).isEqualTo(3L);
    assertThat(repository.count()).isEqualTo(3);
  }

  @Test
  void givenPendingEvent_write_completesItInPlace() {
    long id = repository.append(event(0, "alice", "scale", AuditOutcome.PENDING)).id();

    repository.write(List.of(), List.of(new AuditLogRepository.Completion(id, AuditOutcome.ERROR, "boom", 42)));

    assertThat(repository.single())
        .extracting(AuditEvent::outcome, AuditEvent::error, AuditEvent::durationMs)
        .containsExactly(AuditOutcome.ERROR, "boom", 42L);
  }

  @Test
  void givenManyEvents_query_pagesNewestFirstWithACursor() {
    for (int i = 0; i < 5; i++) {
      repository.append(event(i, "alice", "t", AuditOutcome.SUCCESS));
    }

    AuditPage first = repository.query(AuditQuery.all(2));
    AuditPage second = repository.query(AuditQuery.all(2).continuingAfter(first.next().orElseThrow()));
    AuditPage last = repository.query(AuditQuery.all(2).continuingAfter(second.next().orElseThrow()));

    assertThat(first.items()).extracting(AuditEvent::id).containsExactly(5L, 4L);
    assertThat(second.items()).extracting(AuditEvent::id).containsExactly(3L, 2L);
    assertThat(last.items()).extracting(AuditEvent::id).containsExactly(1L);
    assertThat(last.next()).isEmpty();
  }

  @Test
  void givenFilters_query_returnsOnlyMatchingEvents() {
    repository.append(event(0, "alice", "t", AuditOutcome.SUCCESS));
    repository.append(event(1, "bob", "t", AuditOutcome.DENIED));
    repository.append(event(2, "alice", "t", AuditOutcome.ERROR));
    AuditQuery failedForAlice =
        new AuditQuery(
            Optional.of(AuditStatus.FAILED), Optional.empty(), Optional.of("alice"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), 10);

    assertThat(repository.query(failedForAlice).items()).extracting(AuditEvent::id).containsExactly(3L);
  }

  @Test
  void givenEvents_stats_countsInTheRangeByOutcomeToolAndPrincipal() {
    repository.append(event(0, "alice", "get", AuditOutcome.SUCCESS));
    repository.append(event(1, "alice", "get", AuditOutcome.SUCCESS));
    repository.append(event(2, "bob", "list", AuditOutcome.DENIED));
    repository.append(event(3, null, "authenticate", AuditOutcome.FAILED));
    repository.append(event(10, "carol", "get", AuditOutcome.SUCCESS));

    AuditStats stats = repository.stats(Optional.of(T0), Optional.of(T0.plusSeconds(600)), 1);

    assertThat(stats.total()).isEqualTo(4);
    assertThat(stats.byOutcome()).isEqualTo(Map.of("success", 2L, "denied", 1L, "failed", 1L));
    assertThat(stats.byTool()).isEqualTo(Map.of("get", 2L));
    assertThat(stats.byPrincipal()).isEqualTo(Map.of("alice", 2L));
  }

  @Test
  void givenOldAndNewEvents_deleteOldestAndOlderThan_removeTheOldestFirst() {
    for (int i = 0; i < 5; i++) {
      repository.append(event(i, "alice", "t", AuditOutcome.SUCCESS));
    }

    long byCount = repository.deleteOldest(2);
    long byAge = repository.deleteOlderThan(T0.plusSeconds(60L * 4), 10);

    assertThat(byCount).isEqualTo(2);
    assertThat(byAge).isEqualTo(2);
    assertThat(repository.events()).extracting(AuditEvent::id).containsExactly(5L);
  }

  @Test
  void givenStoreDown_writes_failUntilItRecovers() {
    repository.failWithStoreUnavailable();

    assertThatThrownBy(() -> repository.appendAll(List.of(event(0, "alice", "t", AuditOutcome.SUCCESS))))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> repository.append(event(0, "alice", "t", AuditOutcome.PENDING)))
        .isInstanceOf(StoreUnavailableException.class);
    repository.recover();
    repository.append(event(0, "alice", "t", AuditOutcome.SUCCESS));

    assertThat(repository.count()).isEqualTo(1);
  }
}
