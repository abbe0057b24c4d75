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
