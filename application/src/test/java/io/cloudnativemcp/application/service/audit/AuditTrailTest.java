package io.cloudnativemcp.application.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.AuditUnavailableException;
import io.cloudnativemcp.application.port.out.CountingMetricsRecorder;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration FLUSH = Duration.ofSeconds(5);

  private final InMemoryAuditLogRepository repository = new InMemoryAuditLogRepository();
  private final CountingMetricsRecorder metrics = new CountingMetricsRecorder();
  private final List<AuditTrail> started = new ArrayList<>();

  @AfterEach
  void stopWriters() {
    repository.recover();
    started.forEach(t -> t.stop(Duration.ofSeconds(1)));
  }

  private AuditTrail trail(int capacity, int batchSize, boolean failClosed) {
    return new AuditTrail(
        repository,
        new AuditSettings(true, capacity, batchSize, failClosed, new RetentionPolicy(1000, Optional.empty(), 100)),
        metrics);
  }

  private AuditTrail startedTrail(int capacity, int batchSize, boolean failClosed) {
    AuditTrail trail = trail(capacity, batchSize, failClosed);
    trail.start();
    started.add(trail);
    return trail;
  }

  private static AuditEvent event(int n) {
    return event(n, AuditOutcome.SUCCESS);
  }

  private static AuditEvent event(int n, AuditOutcome outcome) {
    return new AuditEvent(
        null, T0.plusSeconds(n), AuditEventType.TOOL_CALL, "alice", "apikey", "10.0.0.7", "streamable-http", null,
        "call-" + n, "shop", outcome, null, 1, Map.of("n", (long) n));
  }

  private List<String> storedActions() {
    return repository.events().stream().map(AuditEvent::action).toList();
  }

  private static List<String> actions(int fromInclusive, int toExclusive) {
    return IntStream.range(fromInclusive, toExclusive).mapToObj(i -> "call-" + i).toList();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void givenNoWriter_record_onlyBuffers() {
    AuditTrail trail = trail(100, 10, true);

    trail.record(event(0));
    trail.record(event(1));

    assertThat(repository.events()).isEmpty();
    assertThat(trail.depth()).isEqualTo(2);
    assertThat(metrics.auditBufferDepth().getAsInt()).as("registered depth gauge").isEqualTo(2);
  }

  @Test
  void givenStartedWriter_record_writesBufferedRecordsInBatchesInOrder() {
    AuditTrail trail = trail(100, 3, true);
    for (int i = 0; i < 7; i++) {
      trail.record(event(i));
    }

    trail.start();
    started.add(trail);

    assertThat(trail.flush(FLUSH)).isTrue();
    assertThat(storedActions()).containsExactlyElementsOf(actions(0, 7));
    assertThat(metrics.auditBatches()).containsExactly(3, 3, 1);
    assertThat(trail.depth()).isZero();
  }

  @Test
  void givenStartedWriter_record_writesARecordWithoutAnExplicitFlush() throws InterruptedException {
    AuditTrail trail = startedTrail(100, 10, true);

    trail.record(event(0));

    await(() -> repository.events().size() == 1);
    assertThat(storedActions()).containsExactly("call-0");
  }

  @Test
  void givenStoreDown_record_keepsRecordsBufferedAndWritesAllInOrderAfterRecovery() throws InterruptedException {
    repository.failWithStoreUnavailable();
    AuditTrail trail = startedTrail(100, 3, true);
    for (int i = 0; i < 5; i++) {
      trail.record(event(i));
    }
    await(() -> !trail.storeHealthy());
    for (int i = 5; i < 10; i++) {
      trail.record(event(i));
    }

    assertThat(trail.flush(Duration.ofMillis(150))).as("nothing can be stored yet").isFalse();
    assertThat(repository.events()).isEmpty();
    assertThat(trail.depth()).isEqualTo(10);

    repository.recover();

    assertThat(trail.flush(FLUSH)).isTrue();
    assertThat(storedActions()).containsExactlyElementsOf(actions(0, 10));
    assertThat(trail.storeHealthy()).isTrue();
  }

  @Test
  void givenAWriteThatCommittedButReportedAFailure_theRetry_storesNothingTwice() {
    repository.loseAcknowledgementOfNextWrites(1);
    AuditTrail trail = trail(100, 10, true);
    for (int i = 0; i < 3; i++) {
      trail.record(event(i));
    }
    trail.start();
    started.add(trail);

    assertThat(trail.flush(FLUSH)).isTrue();
    assertThat(storedActions()).containsExactlyElementsOf(actions(0, 3));
    assertThat(trail.depth()).isZero();
  }

  @Test
  void givenFullBufferAndFailClosed_record_refusesWithAuditUnavailable() {
    AuditTrail trail = trail(2, 10, true);
    trail.record(event(0));
    trail.record(event(1));

    assertThat(trail.accepting()).isFalse();
    assertThatThrownBy(() -> trail.record(event(2)))
        .isInstanceOf(AuditUnavailableException.class)
        .satisfies(e -> assertThat(((AuditUnavailableException) e).code()).isEqualTo("audit_unavailable"));

    assertThat(trail.flush(FLUSH)).isTrue();
    assertThat(storedActions()).containsExactly("call-0", "call-1");
    assertThat(trail.accepting()).isTrue();
  }

  @Test
  void givenFullBufferAndFailOpen_record_dropsTheRecordWithoutThrowing() {
    AuditTrail trail = trail(2, 10, false);
    trail.record(event(0));
    trail.record(event(1));

    trail.record(event(2));

    assertThat(trail.accepting()).isTrue();
    assertThat(trail.flush(FLUSH)).isTrue();
    assertThat(storedActions()).containsExactly("call-0", "call-1");
  }

  @Test
  void givenHealthyStore_recordBefore_writesAtOnceAndReturnsTheId() {
    AuditTrail trail = trail(100, 10, true);

    long id = trail.recordBefore(event(0, AuditOutcome.PENDING));

    AuditEvent stored = repository.single();
    assertThat(stored.id()).isEqualTo(id);
    assertThat(stored.outcome()).isEqualTo(AuditOutcome.PENDING);
    assertThat(trail.depth()).isZero();
  }

  @Test
  void givenPendingRecord_complete_updatesItsOutcomeInPlace() {
    AuditTrail trail = trail(100, 10, true);
    long id = trail.recordBefore(event(0, AuditOutcome.PENDING));

    trail.complete(id, AuditOutcome.ERROR, "cluster unreachable", 42);

    assertThat(trail.flush(FLUSH)).isTrue();
    AuditEvent stored = repository.single();
    assertThat(stored.id()).isEqualTo(id);
    assertThat(stored.outcome()).isEqualTo(AuditOutcome.ERROR);
    assertThat(stored.error()).isEqualTo("cluster unreachable");
    assertThat(stored.durationMs()).isEqualTo(42);
  }

  @Test
  void givenStoreDownAndFailClosed_recordBefore_refusesAndBuffersNothing() {
    AuditTrail trail = trail(100, 10, true);
    repository.failWithStoreUnavailable();

    assertThatThrownBy(() -> trail.recordBefore(event(0, AuditOutcome.PENDING)))
        .isInstanceOf(AuditUnavailableException.class)
        .hasMessageContaining("audit store is unavailable");

    assertThat(trail.depth()).isZero();
    assertThat(trail.storeHealthy()).isFalse();
    assertThatThrownBy(() -> trail.recordBefore(event(1, AuditOutcome.PENDING)))
        .isInstanceOf(AuditUnavailableException.class);
  }

  @Test
  void givenStoreBackAfterAnOutage_recordBefore_acceptsRecordsAgain() throws InterruptedException {
    AuditTrail trail = startedTrail(100, 10, true);
    repository.failWithStoreUnavailable();
    assertThatThrownBy(() -> trail.recordBefore(event(0, AuditOutcome.PENDING)))
        .isInstanceOf(AuditUnavailableException.class);

    repository.recover();
    Thread.sleep(300); // several writer rounds

    long id = trail.recordBefore(event(1, AuditOutcome.PENDING));
    assertThat(repository.single().id()).isEqualTo(id);
  }

  @Test
  void givenStoreBackAndAnotherRecordWritten_recordBefore_acceptsRecordsAgain() {
    AuditTrail trail = trail(100, 10, true);
    repository.failWithStoreUnavailable();
    assertThatThrownBy(() -> trail.recordBefore(event(0, AuditOutcome.PENDING)))
        .isInstanceOf(AuditUnavailableException.class);
    repository.recover();

    trail.record(event(1));
    assertThat(trail.flush(FLUSH)).isTrue();
    long id = trail.recordBefore(event(2, AuditOutcome.PENDING));

    assertThat(repository.events()).extracting(AuditEvent::id).contains(id);
    assertThat(storedActions()).containsExactly("call-1", "call-2");
  }

  @Test
  void givenStoreDownAndFailOpen_recordBefore_doesNotThrowAndLeavesTheRecordToTheCaller() {
    AuditTrail trail = trail(100, 10, false);
    repository.failWithStoreUnavailable();

    long id = trail.recordBefore(event(0, AuditOutcome.PENDING));

    assertThat(id).isEqualTo(-1);
    assertThat(trail.depth()).isZero();
    // The caller (CallToolService) then records the final outcome through record(), buffered.
    trail.record(event(0));
    repository.recover();
    assertThat(trail.flush(FLUSH)).isTrue();
    assertThat(storedActions()).containsExactly("call-0");
  }

  @Test
  void givenStoreDownAndFailOpen_recordBefore_leavesNoPendingRowForTheCallerToComplete() {
    AuditTrail trail = trail(100, 10, false);
    repository.failWithStoreUnavailable();
    long id = trail.recordBefore(event(0, AuditOutcome.PENDING));

    trail.complete(id, AuditOutcome.SUCCESS, null, 12);
    repository.recover();

    // No handle means no pending row: the caller records the final outcome like any other call.
    assertThat(id).isEqualTo(-1);
    assertThat(trail.flush(FLUSH)).isTrue();
    assertThat(repository.events()).extracting(AuditEvent::outcome).doesNotContain(AuditOutcome.PENDING);
  }

  @Test
  void givenBufferedRecords_stop_writesThemBeforeStopping() {
    AuditTrail trail = trail(100, 2, true);
    trail.start();
    for (int i = 0; i < 5; i++) {
      trail.record(event(i));
    }

    assertThat(trail.stop(FLUSH)).isTrue();

    assertThat(storedActions()).containsExactlyElementsOf(actions(0, 5));
    assertThat(trail.depth()).isZero();
  }

  @Test
  void givenNeverStartedWriter_stop_stillWritesWhatIsBuffered() {
    AuditTrail trail = trail(100, 2, true);
    trail.record(event(0));
    trail.record(event(1));
    trail.record(event(2));

    assertThat(trail.stop(FLUSH)).isTrue();

    assertThat(storedActions()).containsExactly("call-0", "call-1", "call-2");
  }

  @Test
  void givenStoreDown_stop_reportsWhatCouldNotBeWritten() {
    AuditTrail trail = trail(100, 2, true);
    trail.record(event(0));
    repository.failWithStoreUnavailable();

    assertThat(trail.stop(Duration.ofMillis(50))).isFalse();

    assertThat(trail.depth()).isEqualTo(1);
  }

  @Test
  void givenAuditDisabled_record_recordsNothing() {
    AuditTrail trail =
        new AuditTrail(
            repository, new AuditSettings(false, 1, 1, true, new RetentionPolicy(10, Optional.empty(), 1)), metrics);

    trail.record(event(0));
    trail.record(event(1)); // would overflow a buffer of one if it were used
    long id = trail.recordBefore(event(2, AuditOutcome.PENDING));
    trail.complete(id, AuditOutcome.SUCCESS, null, 1);

    assertThat(id).isEqualTo(-1);
    assertThat(trail.accepting()).isTrue();
    assertThat(trail.depth()).isZero();
    assertThat(trail.flush(FLUSH)).isTrue();
    assertThat(repository.events()).isEmpty();
  }
}
