package io.cloudnativemcp.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditQueryTest {
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  /** alice's successful get in shop, by API key from 10.0.0.7, stored as #10 at T. */
  private static final AuditEvent EVENT = event(10L, T, AuditOutcome.SUCCESS);

  private static AuditEvent event(Long id, Instant at, AuditOutcome outcome) {
    return new AuditEvent(
        id, at, AuditEventType.TOOL_CALL, "alice", "apikey", "10.0.0.7", "streamable-http", "s-1",
        "kubernetes_get_resource", "shop", outcome, null, 5, Map.of());
  }

  /** A query builder: all filters empty, then one set. */
  private static final class Q {
    Optional<AuditStatus> status = Optional.empty();
    Optional<AuditOutcome> outcome = Optional.empty();
    Optional<String> principal = Optional.empty();
    Optional<String> tool = Optional.empty();
    Optional<String> namespace = Optional.empty();
    Optional<String> authMethod = Optional.empty();
    Optional<String> clientAddress = Optional.empty();
    Optional<Instant> from = Optional.empty();
    Optional<Instant> to = Optional.empty();
    Optional<AuditCursor> after = Optional.empty();
    int limit = 50;

    AuditQuery build() {
      return new AuditQuery(status, outcome, principal, tool, namespace, authMethod, clientAddress, from, to, after, limit);
    }
  }

  private static AuditQuery query(java.util.function.Consumer<Q> setup) {
    Q q = new Q();
    setup.accept(q);
    return q.build();
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("status", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.status = Optional.of(hit ? AuditStatus.SUCCESS : AuditStatus.FAILED))),
        Arguments.of("outcome", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.outcome = Optional.of(hit ? AuditOutcome.SUCCESS : AuditOutcome.DENIED))),
        Arguments.of("principal", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.principal = Optional.of(hit ? "alice" : "Alice"))),
        Arguments.of("tool", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.tool = Optional.of(hit ? "kubernetes_get_resource" : "kubernetes_get"))),
        Arguments.of("namespace", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.namespace = Optional.of(hit ? "shop" : "shopping"))),
        Arguments.of("authMethod", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.authMethod = Optional.of(hit ? "apikey" : "jwt"))),
        Arguments.of("clientAddress", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.clientAddress = Optional.of(hit ? "10.0.0.7" : "10.0.0.70"))),
        Arguments.of("from (inclusive)", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.from = Optional.of(hit ? T : T.plusNanos(1)))),
        Arguments.of("to (exclusive)", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.to = Optional.of(hit ? T.plusNanos(1) : T))),
        Arguments.of("after (older time)", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.after = Optional.of(new AuditCursor(hit ? T.plusNanos(1) : T.minusNanos(1), 1)))),
        Arguments.of("after (same time, by id)", (Function<Boolean, AuditQuery>) hit ->
            query(q -> q.after = Optional.of(new AuditCursor(T, hit ? 11 : 10)))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("filters")
  void givenOneFilter_matches_admitsOnlyEventsSatisfyingIt(String filter, Function<Boolean, AuditQuery> queryFor) {
    assertThat(queryFor.apply(true).matches(EVENT)).as("matching value").isTrue();
    assertThat(queryFor.apply(false).matches(EVENT)).as("other value").isFalse();
  }

  @Test
  void givenNoFilters_matches_admitsEverything() {
    assertThat(AuditQuery.all(10).matches(EVENT)).isTrue();
    assertThat(AuditQuery.all(10).matches(event(null, T, AuditOutcome.ERROR))).isTrue();
  }

  @Test
  void givenStatusFailed_matches_coversFailedDeniedAndErrorButNotPending() {
    AuditQuery failed = query(q -> q.status = Optional.of(AuditStatus.FAILED));

    assertThat(failed.matches(event(1L, T, AuditOutcome.FAILED))).isTrue();
    assertThat(failed.matches(event(1L, T, AuditOutcome.DENIED))).isTrue();
    assertThat(failed.matches(event(1L, T, AuditOutcome.ERROR))).isTrue();
    assertThat(failed.matches(event(1L, T, AuditOutcome.PENDING))).isFalse();
    assertThat(failed.matches(event(1L, T, AuditOutcome.SUCCESS))).isFalse();
  }

  @Test
  void givenSeveralFilters_matches_requiresAllOfThem() {
    AuditQuery q = query(x -> {
      x.principal = Optional.of("alice");
      x.namespace = Optional.of("payments");
    });

    assertThat(q.matches(EVENT)).isFalse();
  }

  @Test
  void givenCursor_matches_continuesNewestFirstWithoutRepeatsOrGaps() {
    AuditEvent newer = event(12L, T.plusSeconds(1), AuditOutcome.SUCCESS);
    AuditEvent sameTimeHigherId = event(11L, T, AuditOutcome.SUCCESS);
    AuditEvent sameTimeLowerId = event(9L, T, AuditOutcome.SUCCESS);
    AuditEvent older = event(30L, T.minusSeconds(1), AuditOutcome.SUCCESS);
    AuditEvent unsaved = event(null, T, AuditOutcome.SUCCESS);

    AuditQuery next = AuditQuery.all(2).continuingAfter(AuditCursor.after(EVENT));

    assertThat(next.matches(newer)).isFalse();
    assertThat(next.matches(sameTimeHigherId)).isFalse();
    assertThat(next.matches(EVENT)).as("the cursor's own event").isFalse();
    assertThat(next.matches(sameTimeLowerId)).isTrue();
    assertThat(next.matches(older)).as("older, whatever its id").isTrue();
    assertThat(next.matches(unsaved)).isFalse();
  }

  @Test
  void givenQuery_continuingAfter_keepsEveryFilterAndTheLimit() {
    AuditQuery q = query(x -> {
      x.principal = Optional.of("alice");
      x.status = Optional.of(AuditStatus.FAILED);
      x.from = Optional.of(T.minusSeconds(60));
      x.limit = 7;
    });
    AuditCursor cursor = new AuditCursor(T, 3);

    AuditQuery next = q.continuingAfter(cursor);

    assertThat(next.after()).contains(cursor);
    assertThat(next.principal()).isEqualTo(q.principal());
    assertThat(next.status()).isEqualTo(q.status());
    assertThat(next.from()).isEqualTo(q.from());
    assertThat(next.limit()).isEqualTo(7);
  }

  @ParameterizedTest(name = "[{index}] limit {0}")
  @ValueSource(ints = {0, -1, AuditQuery.MAX_LIMIT + 1})
  void givenLimitOutOfBounds_new_refusesIt(int limit) {
    assertThatThrownBy(() -> AuditQuery.all(limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be between 1 and 1000");
  }

  @ParameterizedTest(name = "[{index}] limit {0}")
  @ValueSource(ints = {1, AuditQuery.DEFAULT_LIMIT, AuditQuery.MAX_LIMIT})
  void givenLimitWithinBounds_new_acceptsIt(int limit) {
    assertThat(AuditQuery.all(limit).limit()).isEqualTo(limit);
  }

  @Test
  void givenFromNotBeforeTo_new_refusesIt() {
    assertThatThrownBy(() -> query(q -> { q.from = Optional.of(T); q.to = Optional.of(T); }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("from must be before to");
    assertThatThrownBy(() -> query(q -> { q.from = Optional.of(T.plusSeconds(1)); q.to = Optional.of(T); }))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenFromBeforeTo_new_acceptsIt() {
    AuditQuery q = query(x -> { x.from = Optional.of(T); x.to = Optional.of(T.plusNanos(1)); });

    assertThat(q.from()).contains(T);
  }

  @Test
  void givenBlankTextFiltersAndNullOptionals_new_treatsThemAsAbsent() {
    AuditQuery q =
        new AuditQuery(
            null, null, Optional.of(" "), Optional.of(""), Optional.of("\t"), Optional.of(" "), Optional.of(""),
            null, null, null, 10);

    assertThat(q.status()).isEmpty();
    assertThat(q.outcome()).isEmpty();
    assertThat(q.principal()).isEmpty();
    assertThat(q.tool()).isEmpty();
    assertThat(q.namespace()).isEmpty();
    assertThat(q.authMethod()).isEmpty();
    assertThat(q.clientAddress()).isEmpty();
    assertThat(q.from()).isEmpty();
    assertThat(q.to()).isEmpty();
    assertThat(q.after()).isEmpty();
    assertThat(q.matches(EVENT)).isTrue();
  }
}
