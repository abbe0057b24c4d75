package io.cloudnativemcp.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.StoreUnavailableException;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyHash;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import io.cloudnativemcp.domain.apikey.ApiKeySource;
import io.cloudnativemcp.domain.apikey.ApiKeyState;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the JPA repositories must do on every database they support. */
abstract class JpaRepositoryContract {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  JpaDatabase database;
  JpaAuditLogRepository audit;
  JpaApiKeyRepository keys;

  abstract DatabaseSettings settings();

  void cleanUp() {}

  @BeforeEach
  void openStore() {
    database = new JpaDatabase(settings());
    database.start();
    audit = new JpaAuditLogRepository(database);
    keys = new JpaApiKeyRepository(database);
  }

  @AfterEach
  void closeStore() {
    database.close();
    cleanUp();
  }

  static AuditEvent event(String principal, AuditOutcome outcome, Map<String, Object> arguments) {
    return new AuditEvent(
        null, NOW, AuditEventType.TOOL_CALL, principal, "apikey", "10.0.0.7", "streamable-http", "session-1",
        "kubernetes_get_resource", "default", outcome, outcome == AuditOutcome.SUCCESS ? null : "pods 'x' not found",
        12, arguments);
  }

  @Test
  void givenEvents_appendAll_storesEveryRowWithItsFields() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("kind", "pods");
    args.put("limit", 5L);
    args.put("ratio", 0.5);
    args.put("labels", List.of("a", "b"));
    args.put("nested", Map.of("deep", true));
    args.put("missing", null);

    audit.appendAll(List.of(event("alice", AuditOutcome.SUCCESS, args), event("bob", AuditOutcome.FAILED, Map.of())));

    assertThat(audit.count()).isEqualTo(2);
    List<AuditEvent> stored =
        database.read(
            em ->
                em.createQuery("select a from AuditEventJpaEntity a order by a.id", AuditEventJpaEntity.class)
                    .getResultList()
                    .stream()
                    .map(AuditEventJpaMapper::toDomain)
                    .toList());
    AuditEvent first = stored.get(0);
    assertThat(first.id()).isNotNull();
    assertThat(first.timestamp()).isEqualTo(NOW);
    assertThat(first.principal()).isEqualTo("alice");
    assertThat(first.clientAddress()).isEqualTo("10.0.0.7");
    assertThat(first.transport()).isEqualTo("streamable-http");
    assertThat(first.sessionId()).isEqualTo("session-1");
    assertThat(first.namespace()).isEqualTo("default");
    assertThat(first.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(first.durationMs()).isEqualTo(12);
    assertThat(first.arguments()).isEqualTo(args);
    assertThat(stored.get(1).outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(stored.get(1).error()).isEqualTo("pods 'x' not found");
    assertThat(stored.get(1).id()).isGreaterThan(first.id());
  }

  @Test
  void givenManyEvents_appendAll_writesThemInOneBatchWithDistinctIds() {
    List<AuditEvent> batch = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      batch.add(event("user-" + i, AuditOutcome.SUCCESS, Map.of("i", (long) i)));
    }
    audit.appendAll(batch);
    audit.appendAll(batch.subList(0, 10));

    assertThat(audit.count()).isEqualTo(510);
    long distinctIds =
        database.read(em -> em.createQuery("select count(distinct a.id) from AuditEventJpaEntity a", Long.class).getSingleResult());
    assertThat(distinctIds).isEqualTo(510);
  }

  @Test
  void givenAKey_save_findsItByIdPrefixAndName_withTheHashOnly() {
    ApiKey key = ApiKey.create("ci-bot", Set.of("ci", "readers"), "Sup3r-Secret-Key-0001", ApiKeySource.ISSUED, NOW, NOW.plus(Duration.ofDays(30)));
    keys.save(key);

    ApiKey found = keys.findById(key.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("ci-bot");
    assertThat(found.groups()).containsExactlyInAnyOrder("ci", "readers");
    assertThat(found.hash()).isEqualTo(ApiKeyHash.of("Sup3r-Secret-Key-0001"));
    assertThat(found.prefix()).isEqualTo("Sup3r-");
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(found.expiresAt()).contains(NOW.plus(Duration.ofDays(30)));
    assertThat(found.source()).isEqualTo(ApiKeySource.ISSUED);
    assertThat(keys.findByPrefix("Sup3r-")).extracting(ApiKey::id).containsExactly(key.id());
    assertThat(keys.findByName("ci-bot")).hasSize(1);
    assertThat(keys.findByPrefix("nope")).isEmpty();
    assertThat(keys.findAll()).hasSize(1);

    String storedColumns =
        database.read(
            em -> {
              Object[] row =
                  (Object[])
                      em.createNativeQuery("select id, name, groups_csv, prefix, key_hash, source from api_key").getSingleResult();
              return Arrays.toString(row);
            });
    assertThat(storedColumns).doesNotContain("Sup3r-Secret-Key-0001");
  }

  @Test
  void givenAStoredKey_saveRevoked_persistsTheRevocation() {
    ApiKey key = ApiKey.create("temp", Set.of(), "Another-Secret-Key-42", ApiKeySource.ISSUED, NOW, null);
    keys.save(key);
    keys.save(key.revoke(NOW.plusSeconds(60)));

    ApiKey found = keys.findById(key.id()).orElseThrow();
    assertThat(found.stateAt(NOW.plusSeconds(61))).isEqualTo(ApiKeyState.REVOKED);
    assertThat(found.revokedAt()).contains(NOW.plusSeconds(60));
  }

  @Test
  void givenAStoredKey_recordUse_changesOnlyTheLastUsedTime() {
    ApiKey key = ApiKey.create("used", Set.of("g"), "Used-Secret-Key-4242", ApiKeySource.ISSUED, NOW, null);
    keys.save(key);
    keys.save(key.revoke(NOW.plusSeconds(5)));

    keys.recordUse(key.id(), NOW.plusSeconds(10).truncatedTo(ChronoUnit.MILLIS));

    ApiKey found = keys.findById(key.id()).orElseThrow();
    assertThat(found.lastUsedAt()).contains(NOW.plusSeconds(10));
    assertThat(found.revokedAt()).as("a use never undoes a revocation").contains(NOW.plusSeconds(5));
  }

  private AuditEvent at(String principal, AuditOutcome outcome, String action, String namespace, Instant time) {
    return new AuditEvent(
        null, time, AuditEventType.TOOL_CALL, principal, "apikey", "10.0.0.7", "sse", null, action, namespace, outcome,
        outcome == AuditOutcome.SUCCESS ? null : "x", 1, Map.of());
  }

  @Test
  void givenMixedRecords_query_filtersAndPagesNewestFirst() {
    List<AuditEvent> events = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      events.add(at(i % 2 == 0 ? "admin" : "alice", i % 5 == 0 ? AuditOutcome.DENIED : AuditOutcome.SUCCESS,
          i % 3 == 0 ? "kubernetes_get_pod_logs" : "kubernetes_get_resource", "ns-" + (i % 4), NOW.plusSeconds(i)));
    }
    audit.appendAll(events);

    io.cloudnativemcp.domain.audit.AuditPage first = audit.query(io.cloudnativemcp.domain.audit.AuditQuery.all(10));
    assertThat(first.items()).hasSize(10);
    assertThat(first.items().get(0).timestamp()).isEqualTo(NOW.plusSeconds(24));
    assertThat(first.next()).isPresent();
    io.cloudnativemcp.domain.audit.AuditPage second =
        audit.query(io.cloudnativemcp.domain.audit.AuditQuery.all(10).continuingAfter(first.next().get()));
    io.cloudnativemcp.domain.audit.AuditPage third =
        audit.query(io.cloudnativemcp.domain.audit.AuditQuery.all(10).continuingAfter(second.next().get()));
    assertThat(third.items()).hasSize(5);
    assertThat(third.next()).isEmpty();
    List<Instant> all = new ArrayList<>();
    for (var p : List.of(first, second, third)) {
      p.items().forEach(e -> all.add(e.timestamp()));
    }
    assertThat(all).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());

    var failedForAdmin =
        new io.cloudnativemcp.domain.audit.AuditQuery(
            java.util.Optional.of(io.cloudnativemcp.domain.audit.AuditStatus.FAILED), java.util.Optional.empty(),
            java.util.Optional.of("admin"), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Optional.of(NOW.plusSeconds(5)), java.util.Optional.of(NOW.plusSeconds(21)),
            java.util.Optional.empty(), 100);
    assertThat(audit.query(failedForAdmin).items())
        .extracting(AuditEvent::timestamp)
        .containsExactly(NOW.plusSeconds(20), NOW.plusSeconds(10));
    var logs =
        new io.cloudnativemcp.domain.audit.AuditQuery(
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
            java.util.Optional.of("kubernetes_get_pod_logs"), java.util.Optional.of("ns-0"), java.util.Optional.of("apikey"),
            java.util.Optional.of("10.0.0.7"), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), 100);
    assertThat(audit.query(logs).items()).extracting(AuditEvent::timestamp).containsExactly(NOW.plusSeconds(24), NOW.plusSeconds(12), NOW);
  }

  @Test
  void givenRecords_stats_countsByOutcomeToolAndPrincipalInTheRange() {
    audit.appendAll(List.of(
        at("admin", AuditOutcome.SUCCESS, "a", null, NOW),
        at("admin", AuditOutcome.DENIED, "b", null, NOW.plusSeconds(1)),
        at("bob", AuditOutcome.SUCCESS, "a", null, NOW.plusSeconds(2)),
        at("bob", AuditOutcome.ERROR, "a", null, NOW.plusSeconds(100))));

    var stats = audit.stats(java.util.Optional.of(NOW), java.util.Optional.of(NOW.plusSeconds(10)), 10);

    assertThat(stats.total()).isEqualTo(3);
    assertThat(stats.byOutcome()).containsEntry("success", 2L).containsEntry("denied", 1L).doesNotContainKey("error");
    assertThat(stats.byTool()).containsEntry("a", 2L).containsEntry("b", 1L);
    assertThat(stats.byPrincipal()).containsEntry("admin", 2L).containsEntry("bob", 1L);
  }

  @Test
  void givenABatchRetriedWithTheSameKey_write_storesItOnce() {
    List<AuditEvent> batch = List.of(at("admin", AuditOutcome.SUCCESS, "a", null, NOW), at("admin", AuditOutcome.SUCCESS, "b", null, NOW));
    long before = audit.count();

    audit.write("batch-1", batch, List.of());
    audit.write("batch-1", batch, List.of());
    audit.write("batch-2", batch, List.of());

    assertThat(audit.count()).isEqualTo(before + 4);
  }

  @Test
  void givenAPendingRecord_completion_setsItsFinalOutcome() {
    AuditEvent pending = audit.append(at("admin", AuditOutcome.PENDING, "kubernetes_delete_resource", "shop", NOW));
    assertThat(pending.id()).isNotNull();

    audit.write(List.of(), List.of(new io.cloudnativemcp.application.port.out.AuditLogRepository.Completion(
        pending.id(), AuditOutcome.ERROR, "API server down", 1234)));

    AuditEvent stored = audit.query(io.cloudnativemcp.domain.audit.AuditQuery.all(1)).items().get(0);
    assertThat(stored.outcome()).isEqualTo(AuditOutcome.ERROR);
    assertThat(stored.status()).isEqualTo(io.cloudnativemcp.domain.audit.AuditStatus.FAILED);
    assertThat(stored.error()).isEqualTo("API server down");
    assertThat(stored.durationMs()).isEqualTo(1234);
  }

  @Test
  void givenTooManyRecords_deleteOldestAndOlderThan_removeTheOldestInBatches() {
    List<AuditEvent> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(at("u", AuditOutcome.SUCCESS, "a", null, NOW.plusSeconds(i)));
    }
    audit.appendAll(events);

    assertThat(audit.deleteOldest(7)).isEqualTo(7);
    assertThat(audit.count()).isEqualTo(23);
    assertThat(audit.deleteOlderThan(NOW.plusSeconds(10), 100)).isEqualTo(3);
    assertThat(audit.count()).isEqualTo(20);
    assertThat(audit.query(io.cloudnativemcp.domain.audit.AuditQuery.all(1000)).items())
        .extracting(AuditEvent::timestamp)
        .allMatch(t -> !t.isBefore(NOW.plusSeconds(10)));
  }

  @Test
  void givenBackedUpRecords_restore_addsThemOnceWithNewIdsBesideExistingOnes() {
    audit.appendAll(List.of(at("local", AuditOutcome.SUCCESS, "a", null, NOW)));
    List<AuditEvent> backup = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // Ids from another installation may collide with local ones: they must not matter.
      backup.add(at("restored", AuditOutcome.SUCCESS, "a", null, NOW.plusSeconds(i + 1)).withId(i + 1));
    }

    assertThat(audit.restore(backup)).isEqualTo(5);
    assertThat(audit.restore(backup)).as("the same records again").isZero();

    List<AuditEvent> all = audit.query(io.cloudnativemcp.domain.audit.AuditQuery.all(100)).items();
    assertThat(all).hasSize(6);
    assertThat(all).extracting(AuditEvent::id).doesNotHaveDuplicates();
    assertThat(all).filteredOn(e -> e.principal().equals("restored")).extracting(AuditEvent::timestamp)
        .containsExactlyInAnyOrderElementsOf(backup.stream().map(AuditEvent::timestamp).toList());
  }

  @Test
  void givenAStoredKey_delete_removesIt() {
    ApiKey key = ApiKey.create("gone", Set.of(), "Gone-Secret-Key-0042", ApiKeySource.ISSUED, NOW, null);
    keys.save(key);

    keys.delete(key.id());

    assertThat(keys.findById(key.id())).isEmpty();
  }

  @Test
  void givenUnknownId_findById_isEmpty() {
    assertThat(keys.findById(ApiKeyId.random())).isEmpty();
  }

  @Test
  void givenTwoKeysWithTheSameHash_save_isRefusedAsAStoreError() {
    keys.save(ApiKey.create("one", Set.of(), "Same-Secret-Key-777", ApiKeySource.ISSUED, NOW, null));
    ApiKey duplicate = ApiKey.create("two", Set.of(), "Same-Secret-Key-777", ApiKeySource.ISSUED, NOW, null);

    assertThatThrownBy(() -> keys.save(duplicate)).isInstanceOf(StoreUnavailableException.class);
    assertThat(keys.findAll()).hasSize(1);
  }

  @Test
  void givenAMigratedStore_startAgain_keepsTheDataAndAppliesNothing() {
    audit.appendAll(List.of(event("carol", AuditOutcome.SUCCESS, Map.of())));
    database.close();

    JpaDatabase reopened = new JpaDatabase(settings());
    reopened.start();
    try {
      assertThat(new JpaAuditLogRepository(reopened).count()).isEqualTo(1);
      assertThat(reopened.isReachable()).isTrue();
    } finally {
      reopened.close();
    }
  }
}
