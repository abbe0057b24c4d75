package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.AdminRequest;
import io.cloudnativemcp.application.port.in.BackupUseCase;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.out.InMemoryApiKeyRepository;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.domain.access.AccessDeniedException;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.AccessRule;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeySource;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.principal.AuthMethod;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.principal.PrincipalId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupServiceTest {
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  static final AdminRequest ADMIN =
      new AdminRequest(new Principal(new PrincipalId("admin"), "admin", AuthMethod.API_KEY, Set.of()), new RequestOrigin("10.0.0.1", "rest", null));
  static final AdminRequest READER =
      new AdminRequest(new Principal(new PrincipalId("bob"), "bob", AuthMethod.API_KEY, Set.of()), new RequestOrigin("10.0.0.2", "rest", null));

  final MutableClock clock = new MutableClock(T0);
  final AccessPolicy policy = AccessPolicy.defaults(ServerMode.unrestricted());

  record Store(InMemoryApiKeyRepository keys, InMemoryAuditLogRepository audit, AuditTrail trail, BackupService service) {}

  Store store() {
    InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    InMemoryAuditLogRepository audit = new InMemoryAuditLogRepository();
    AuditTrail trail = new AuditTrail(audit, AuditSettings.defaults(), MetricsRecorder.none());
    return new Store(keys, audit, trail, new BackupService(keys, audit, policy, trail, clock));
  }

  static AuditEvent event(int i) {
    return new AuditEvent(null, T0.plusSeconds(i), AuditEventType.TOOL_CALL, "alice", "apikey", "10.0.0.9", "sse", "s-" + i,
        "kubernetes_get_resource", "shop", i % 3 == 0 ? AuditOutcome.DENIED : AuditOutcome.SUCCESS, null, i, Map.of("i", (long) i));
  }

  @Test
  void givenKeysAndAuditRecords_exportThenRestoreIntoAnEmptyStore_reproducesThem() {
    Store source = store();
    ApiKey key = ApiKey.create("ci-bot", Set.of("ci"), "Ci-Bot-Secret-Key-777", ApiKeySource.ISSUED, T0, T0.plus(Duration.ofDays(9)));
    source.keys().save(key);
    source.audit().appendAll(List.of(event(1), event(2), event(3)));
    List<ApiKey> keys = new ArrayList<>();
    List<AccessRule> rules = new ArrayList<>();
    List<AuditEvent> events = new ArrayList<>();

    source.service().export(ADMIN).writeTo(BackupUseCase.sink(keys::add, rules::add, events::add));

    Store target = store();
    BackupUseCase.RestoreReport report = target.service().restore(ADMIN, new BackupUseCase.BackupContents(keys, rules, events));
    assertThat(report.apiKeys()).isEqualTo(1);
    assertThat(report.auditRecords()).isEqualTo(3);
    assertThat(report.policiesMatch()).isTrue();
    assertThat(target.keys().findById(key.id())).hasValueSatisfying(k -> assertThat(k.hash()).isEqualTo(key.hash()));
    assertThat(target.audit().query(AuditQuery.all(10)).items())
        .filteredOn(e -> e.type() == AuditEventType.TOOL_CALL)
        .extracting(AuditEvent::sessionId)
        .containsExactlyInAnyOrder("s-1", "s-2", "s-3");

    BackupUseCase.RestoreReport again = target.service().restore(ADMIN, new BackupUseCase.BackupContents(keys, rules, events));
    assertThat(again.auditRecords()).as("restoring twice adds nothing").isZero();
    assertThat(again.apiKeys()).as("the same key id is simply rewritten").isEqualTo(1);
    assertThat(again.auditSkipped()).isEqualTo(3);
  }

  @Test
  void givenTheSameKeyStoredUnderAnotherId_restore_skipsIt() {
    Store target = store();
    ApiKey mine = ApiKey.create("admin", Set.of(), "Shared-Admin-Key-2026!", ApiKeySource.CONFIGURED, T0, null);
    ApiKey theirs = ApiKey.create("admin", Set.of(), "Shared-Admin-Key-2026!", ApiKeySource.CONFIGURED, T0, null);
    target.keys().save(mine);

    BackupUseCase.RestoreReport report =
        target.service().restore(ADMIN, new BackupUseCase.BackupContents(List.of(theirs), List.of(), List.of()));

    assertThat(report.apiKeys()).isZero();
    assertThat(report.apiKeysSkipped()).isEqualTo(1);
    assertThat(target.keys().findAll()).extracting(ApiKey::id).containsExactly(mine.id());
  }

  @Test
  void givenDifferentRunningPolicies_restore_reportsTheDifference() {
    Store target = store();
    AccessRule foreign = AccessPolicy.defaults(ServerMode.unrestricted()).rules().get(1);
    AccessRule renamed = new AccessRule("renamed", foreign.match(), foreign.allow());

    BackupUseCase.RestoreReport report =
        target.service().restore(ADMIN, new BackupUseCase.BackupContents(List.of(), List.of(renamed), List.of()));

    assertThat(report.policiesMatch()).isFalse();
    assertThat(report.policyDifferences()).contains("renamed", "bootstrap-admin", "authenticated-readers");
  }

  @Test
  void givenAPrincipalWithoutBackupAdmin_exportAndRestore_areDeniedAndAudited() {
    Store s = store();

    assertThatThrownBy(() -> s.service().export(READER)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("backup:admin");
    assertThatThrownBy(() -> s.service().restore(READER, new BackupUseCase.BackupContents(List.of(), List.of(), List.of())))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> s.service().authorizeRestore(READER)).isInstanceOf(AccessDeniedException.class);
    s.service().authorizeRestore(ADMIN);
    s.trail().flush(Duration.ofSeconds(5));
    assertThat(s.audit().query(AuditQuery.all(10)).items())
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .contains(
            org.assertj.core.groups.Tuple.tuple("backup.export", AuditOutcome.DENIED),
            org.assertj.core.groups.Tuple.tuple("backup.restore", AuditOutcome.DENIED));
  }
}
