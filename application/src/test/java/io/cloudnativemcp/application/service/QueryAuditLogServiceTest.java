package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.QueryAuditLogCommand;
import io.cloudnativemcp.application.port.in.QueryAuditLogUseCase;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.out.AuditLogRepository;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.domain.access.AccessDeniedException;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.Permission;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.audit.AuditStats;
import io.cloudnativemcp.domain.audit.AuditStatus;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryAuditLogServiceTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final RequestOrigin ORIGIN = new RequestOrigin("10.0.0.9", RequestOrigin.REST, null);

  /** The records being searched. */
  private final CountingAuditLog store = new CountingAuditLog(new InMemoryAuditLogRepository());
  /** Where the service audits its own use (kept apart so that searches do not see it). */
  private final InMemoryAuditLogRepository auditLog = new InMemoryAuditLogRepository();
  private final AuditTrail audit = new AuditTrail(auditLog, AuditSettings.defaults(), MetricsRecorder.none());
  private final MutableClock clock = new MutableClock(NOW);
  private final QueryAuditLogService service =
      new QueryAuditLogService(store, AccessPolicy.defaults(ServerMode.unrestricted()), audit, clock);

  /** Counts the reads, so that laziness can be checked. */
  private static final class CountingAuditLog implements AuditLogRepository {
    private final InMemoryAuditLogRepository delegate;
    private int queries;
    private int statsCalls;

    CountingAuditLog(InMemoryAuditLogRepository delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(String batchKey, List<AuditEvent> events, List<Completion> completions) {
      delegate.write(batchKey, events, completions);
    }

    @Override
    public AuditEvent append(AuditEvent event) {
      return delegate.append(event);
    }

    @Override
    public AuditPage query(AuditQuery query) {
      queries++;
      return delegate.query(query);
    }

    @Override
    public AuditStats stats(Optional<Instant> from, Optional<Instant> to, int top) {
      statsCalls++;
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
      return delegate.deleteOldest(max);
    }

    @Override
    public long deleteOlderThan(Instant cutoff, long max) {
      return delegate.deleteOlderThan(cutoff, max);
    }
  }

  private static AuditEvent stored(int minutesAgo, String principal, AuditOutcome outcome) {
    return new AuditEvent(
        null, NOW.minus(Duration.ofMinutes(minutesAgo)), AuditEventType.TOOL_CALL, principal, "apikey", "10.0.0.7",
        "streamable-http", null, "kubernetes_get_resource", "shop", outcome, null, 3, Map.of());
  }

  private void seed(AuditEvent... events) {
    store.appendAll(List.of(events));
  }

  private static QueryAuditLogCommand by(Principal principal, AuditQuery query) {
    return new QueryAuditLogCommand(principal, query, ORIGIN);
  }

  private List<AuditEvent> audited() {
    assertThat(audit.flush(Duration.ofSeconds(5))).isTrue();
    return auditLog.events();
  }

  private AuditEvent singleAudited() {
    assertThat(audited()).hasSize(1);
    return auditLog.single();
  }

  static Stream<Arguments> operations() {
    return Stream.of(
        Arguments.of("audit.query", "query"),
        Arguments.of("audit.stats", "stats"),
        Arguments.of("audit.export", "export"));
  }

  private void run(String operation, QueryAuditLogCommand command) {
    switch (operation) {
      case "query" -> service.query(command);
      case "stats" -> service.stats(command, Optional.empty(), Optional.empty());
      case "export" -> service.export(command);
      default -> throw new IllegalArgumentException(operation);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("operations")
  void givenPrincipalWithoutAuditRead_operation_isRefusedAndTheRefusalAudited(
      String action, String operation) {
    seed(stored(1, "alice", AuditOutcome.SUCCESS));
    Principal reader = PrincipalFixtures.reader();

    assertThatThrownBy(() -> run(operation, by(reader, AuditQuery.all(10))))
        .isInstanceOf(AccessDeniedException.class)
        .satisfies(e -> assertThat(((AccessDeniedException) e).permission()).isEqualTo(Permission.AUDIT_READ));

    AuditEvent event = singleAudited();
    assertThat(event.type()).isEqualTo(AuditEventType.ADMIN);
    assertThat(event.action()).isEqualTo(action);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(event.principal()).isEqualTo("reader");
    assertThat(event.authMethod()).isEqualTo("apikey");
    assertThat(event.clientAddress()).isEqualTo("10.0.0.9");
    assertThat(event.transport()).isEqualTo("rest");
    assertThat(event.error()).isEqualTo("Principal 'reader' lacks the permission audit:read.");
    assertThat(event.timestamp()).isEqualTo(NOW);
    assertThat(store.queries).as("nothing was read").isZero();
    assertThat(store.statsCalls).isZero();
  }

  @Test
  void givenTokenSubjectNamedAdmin_query_isRefused() {
    assertThatThrownBy(() -> service.query(by(PrincipalFixtures.jwtNamedAdmin(), AuditQuery.all(10))))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void givenAuditReader_query_returnsTheMatchingPageAndAuditsTheFilters() {
    seed(
        stored(30, "alice", AuditOutcome.DENIED),
        stored(20, "bob", AuditOutcome.DENIED),
        stored(10, "alice", AuditOutcome.SUCCESS),
        stored(5, "alice", AuditOutcome.ERROR));
    Instant from = NOW.minus(Duration.ofHours(1));
    AuditQuery query =
        new AuditQuery(
            Optional.of(AuditStatus.FAILED), Optional.empty(), Optional.of("alice"), Optional.of("kubernetes_get_resource"),
            Optional.of("shop"), Optional.of("apikey"), Optional.of("10.0.0.7"), Optional.of(from), Optional.of(NOW),
            Optional.empty(), 10);

    AuditPage page = service.query(by(PrincipalFixtures.admin(), query));

    assertThat(page.items())
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.ERROR, AuditOutcome.DENIED);
    assertThat(page.items()).extracting(AuditEvent::principal).containsOnly("alice");
    assertThat(page.next()).isEmpty();
    AuditEvent event = singleAudited();
    assertThat(event.action()).isEqualTo("audit.query");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.principal()).isEqualTo("admin");
    assertThat(event.arguments())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "status", "failed",
                "user", "alice",
                "tool", "kubernetes_get_resource",
                "namespace", "shop",
                "authMethod", "apikey",
                "clientAddress", "10.0.0.7",
                "from", from.toString(),
                "to", NOW.toString(),
                "limit", 10L,
                "returned", 2L));
  }

  @Test
  void givenOutcomeFilter_query_auditsItByWireName() {
    AuditQuery query =
        new AuditQuery(
            Optional.empty(), Optional.of(AuditOutcome.DENIED), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 5);

    service.query(by(PrincipalFixtures.admin(), query));

    assertThat(singleAudited().arguments())
        .containsExactlyInAnyOrderEntriesOf(Map.of("outcome", "denied", "limit", 5L, "returned", 0L));
  }

  @Test
  void givenMoreRecordsThanTheLimit_query_returnsACursorToTheNextPage() {
    seed(stored(3, "alice", AuditOutcome.SUCCESS), stored(2, "alice", AuditOutcome.SUCCESS), stored(1, "alice", AuditOutcome.SUCCESS));

    AuditPage first = service.query(by(PrincipalFixtures.admin(), AuditQuery.all(2)));
    AuditPage second = service.query(by(PrincipalFixtures.admin(), AuditQuery.all(2).continuingAfter(first.next().orElseThrow())));

    assertThat(first.items()).extracting(AuditEvent::timestamp).containsExactly(NOW.minusSeconds(60), NOW.minusSeconds(120));
    assertThat(second.items()).extracting(AuditEvent::timestamp).containsExactly(NOW.minusSeconds(180));
    assertThat(second.next()).isEmpty();
  }

  @Test
  void givenAuditReader_export_isAuthorizedAndAuditedBeforeAnythingIsRead() {
    seed(stored(1, "alice", AuditOutcome.SUCCESS));

    service.export(by(PrincipalFixtures.admin(), AuditQuery.all(2)));

    assertThat(store.queries).isZero();
    AuditEvent event = singleAudited();
    assertThat(event.action()).isEqualTo("audit.export");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.arguments()).containsEntry("limit", 2L);
  }

  @Test
  void givenManyRecords_exportWriteTo_pagesThroughAllOfThemNewestFirst() {
    for (int i = 7; i >= 1; i--) {
      seed(stored(i, i % 2 == 0 ? "alice" : "bob", AuditOutcome.SUCCESS));
    }
    QueryAuditLogUseCase.Export export = service.export(by(PrincipalFixtures.admin(), AuditQuery.all(3)));
    List<AuditEvent> sink = new ArrayList<>();

    long written = export.writeTo(sink::add);

    assertThat(written).isEqualTo(7);
    assertThat(sink)
        .extracting(AuditEvent::timestamp)
        .containsExactly(
            NOW.minusSeconds(60), NOW.minusSeconds(120), NOW.minusSeconds(180), NOW.minusSeconds(240),
            NOW.minusSeconds(300), NOW.minusSeconds(360), NOW.minusSeconds(420));
    assertThat(store.queries).as("pages of three").isEqualTo(3);
  }

  @Test
  void givenFilteredExport_writeTo_keepsTheFilterOnEveryPage() {
    for (int i = 10; i >= 1; i--) {
      seed(stored(i, i % 2 == 0 ? "alice" : "bob", AuditOutcome.SUCCESS));
    }
    AuditQuery aliceOnly =
        new AuditQuery(
            Optional.empty(), Optional.empty(), Optional.of("alice"), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 2);
    List<AuditEvent> sink = new ArrayList<>();

    long written = service.export(by(PrincipalFixtures.admin(), aliceOnly)).writeTo(sink::add);

    assertThat(written).isEqualTo(5);
    assertThat(sink).extracting(AuditEvent::principal).containsOnly("alice");
  }

  @Test
  void givenEmptyLog_exportWriteTo_writesNothing() {
    List<AuditEvent> sink = new ArrayList<>();

    assertThat(service.export(by(PrincipalFixtures.admin(), AuditQuery.all(10))).writeTo(sink::add)).isZero();
    assertThat(sink).isEmpty();
  }

  @Test
  void givenAuditReader_stats_delegatesToTheStoreAndAuditsTheTotal() {
    seed(
        stored(90, "alice", AuditOutcome.SUCCESS),
        stored(30, "alice", AuditOutcome.DENIED),
        stored(20, "bob", AuditOutcome.SUCCESS));
    Optional<Instant> from = Optional.of(NOW.minus(Duration.ofHours(1)));
    Optional<Instant> to = Optional.of(NOW);

    AuditStats stats = service.stats(by(PrincipalFixtures.admin(), AuditQuery.all(50)), from, to);

    assertThat(stats).isEqualTo(store.delegate.stats(from, to, QueryAuditLogService.STATS_TOP));
    assertThat(stats.total()).isEqualTo(2);
    assertThat(store.statsCalls).isEqualTo(1);
    AuditEvent event = singleAudited();
    assertThat(event.action()).isEqualTo("audit.stats");
    assertThat(event.arguments()).containsEntry("total", 2L);
  }
}
