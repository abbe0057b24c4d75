package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.AdminRequest;
import io.cloudnativemcp.application.port.in.ApiKeyView;
import io.cloudnativemcp.application.port.in.AuthenticateCommand;
import io.cloudnativemcp.application.port.in.AuthenticationResult;
import io.cloudnativemcp.application.port.in.CreateApiKeyCommand;
import io.cloudnativemcp.application.port.in.Credential;
import io.cloudnativemcp.application.port.in.IssuedApiKey;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.out.InMemoryApiKeyRepository;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.service.monitor.SecurityMonitor;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.application.settings.AuthenticationSettings;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.domain.access.AccessDeniedException;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.Permission;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyFixtures;
import io.cloudnativemcp.domain.apikey.ApiKeyHash;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import io.cloudnativemcp.domain.apikey.ApiKeyNotFoundException;
import io.cloudnativemcp.domain.apikey.ApiKeySource;
import io.cloudnativemcp.domain.apikey.ApiKeyState;
import io.cloudnativemcp.domain.apikey.RotationPolicy;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.monitoring.Sensitivity;
import io.cloudnativemcp.domain.principal.AuthMethod;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.shared.ConflictException;
import io.cloudnativemcp.domain.shared.RuleViolationException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManageApiKeysServiceTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration OVERLAP = Duration.ofHours(24);
  private static final RequestOrigin ORIGIN = new RequestOrigin("10.0.0.9", RequestOrigin.REST, null);
  private static final AdminRequest ADMIN = new AdminRequest(PrincipalFixtures.admin(), ORIGIN);
  private static final AdminRequest READER = new AdminRequest(PrincipalFixtures.reader(), ORIGIN);

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  private final InMemoryAuditLogRepository auditLog = new InMemoryAuditLogRepository();
  private final AuditTrail audit = new AuditTrail(auditLog, AuditSettings.defaults(), MetricsRecorder.none());
  private final AccessPolicy policy = AccessPolicy.defaults(ServerMode.unrestricted());

  private ManageApiKeysService service(RotationPolicy rotation) {
    return new ManageApiKeysService(keys, policy, rotation, audit, clock, new SecureRandom());
  }

  private final ManageApiKeysService service =
      service(new RotationPolicy(Optional.empty(), Optional.empty(), true, OVERLAP));

  private static CreateApiKeyCommand create(String name, Integer expiresInDays, String... groups) {
    return new CreateApiKeyCommand(ADMIN, name, Set.of(groups), Optional.ofNullable(expiresInDays));
  }

  private List<AuditEvent> audited() {
    assertThat(audit.flush(Duration.ofSeconds(5))).isTrue();
    return auditLog.events();
  }

  private AuditEvent singleAudited() {
    assertThat(audited()).hasSize(1);
    return auditLog.single();
  }

  private ApiKey stored(ApiKeyId id) {
    return keys.findById(id).orElseThrow();
  }

  // ---- authorization -----------------------------------------------------------------------

  static Stream<Arguments> actions() {
    ApiKeyId someId = ApiKeyId.random();
    return Stream.of(
        Arguments.of("keys.create", (Consumer<ManageApiKeysService>) s ->
            s.create(new CreateApiKeyCommand(READER, "ci", Set.of(), Optional.empty()))),
        Arguments.of("keys.list", (Consumer<ManageApiKeysService>) s -> s.list(READER)),
        Arguments.of("keys.rotate", (Consumer<ManageApiKeysService>) s -> s.rotate(READER, someId)),
        Arguments.of("keys.revoke", (Consumer<ManageApiKeysService>) s -> s.revoke(READER, someId)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("actions")
  void givenPrincipalWithoutKeysAdmin_action_isRefusedAndTheRefusalAudited(String action, Consumer<ManageApiKeysService> call) {
    assertThatThrownBy(() -> call.accept(service))
        .isInstanceOf(AccessDeniedException.class)
        .satisfies(e -> assertThat(((AccessDeniedException) e).permission()).isEqualTo(Permission.KEYS_ADMIN));

    AuditEvent event = singleAudited();
    assertThat(event.type()).isEqualTo(AuditEventType.ADMIN);
    assertThat(event.action()).isEqualTo(action);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(event.principal()).isEqualTo("reader");
    assertThat(event.clientAddress()).isEqualTo("10.0.0.9");
    assertThat(event.error()).isEqualTo("Principal 'reader' lacks the permission keys:admin.");
    assertThat(keys.findAll()).isEmpty();
  }

  // ---- create ------------------------------------------------------------------------------

  @Test
  void givenAdmin_create_returnsThePlaintextOnceAndStoresOnlyItsHash() throws IllegalAccessException {
    IssuedApiKey issued = service.create(create("ci-deployer", null, "deployers"));

    String plaintext = issued.plaintext();
    ApiKey key = stored(issued.key().id());
    assertThat(plaintext).startsWith("cnm_");
    assertThat(key.hash()).isEqualTo(ApiKeyHash.of(plaintext));
    assertThat(key.name()).isEqualTo("ci-deployer");
    assertThat(key.groups()).containsExactly("deployers");
    assertThat(key.source()).isEqualTo(ApiKeySource.ISSUED);
    assertThat(key.createdAt()).isEqualTo(NOW);
    assertThat(key.expiresAt()).isEmpty();
    assertThat(issued.replaces()).isEmpty();
    assertThat(issued.previousValidUntil()).isEmpty();
    for (ApiKey k : keys.findAll()) {
      for (Field f : ApiKey.class.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        assertThat(String.valueOf(f.get(k))).as("stored field %s", f.getName()).doesNotContain(plaintext);
      }
      assertThat(k.toString()).doesNotContain(plaintext);
    }
    assertThat(issued.toString()).doesNotContain(plaintext);
  }

  @Test
  void givenAdmin_create_auditsTheKeyWithoutItsSecret() {
    IssuedApiKey issued = service.create(create("ci-deployer", 30, "deployers"));

    AuditEvent event = singleAudited();
    assertThat(event.action()).isEqualTo("keys.create");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.arguments())
        .containsEntry("name", "ci-deployer")
        .containsEntry("groups", List.of("deployers"))
        .containsEntry("expiresInDays", 30L)
        .containsEntry("id", issued.key().id().value())
        .containsEntry("prefix", issued.key().prefix());
    assertThat(event.toString()).doesNotContain(issued.plaintext());
  }

  @Test
  void givenTwoCreations_create_issuesDifferentKeys() {
    IssuedApiKey a = service.create(create("a", null));
    IssuedApiKey b = service.create(create("b", null));

    assertThat(a.plaintext()).isNotEqualTo(b.plaintext());
    assertThat(a.key().id()).isNotEqualTo(b.key().id());
  }

  @Test
  void givenReservedNameAdmin_create_refusesAndAudits() {
    assertThatThrownBy(() -> service.create(create("admin", null)))
        .isInstanceOf(RuleViolationException.class)
        .satisfies(e -> assertThat(((RuleViolationException) e).code()).isEqualTo("reserved_name"));

    assertThat(keys.findAll()).isEmpty();
    AuditEvent event = singleAudited();
    assertThat(event.action()).isEqualTo("keys.create");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
  }

  @Test
  void givenInvalidName_create_refusesAsARuleViolation() {
    assertThatThrownBy(() -> service.create(create("has space", null)))
        .isInstanceOf(RuleViolationException.class)
        .satisfies(e -> assertThat(((RuleViolationException) e).code()).isEqualTo("invalid_key_request"));

    assertThat(keys.findAll()).isEmpty();
    assertThat(singleAudited().outcome()).isEqualTo(AuditOutcome.FAILED);
  }

  @Test
  void givenExpiresInDays_create_setsTheExpiry() {
    IssuedApiKey issued = service.create(create("ci", 30));

    assertThat(stored(issued.key().id()).expiresAt()).contains(NOW.plus(Duration.ofDays(30)));
  }

  // ---- list --------------------------------------------------------------------------------

  private ApiKey save(ApiKey key) {
    keys.save(key);
    return key;
  }

  @Test
  void givenKeysInEveryState_list_showsTheStateWithTheAgeLimitApplied() {
    RotationPolicy maxAge90 = new RotationPolicy(Optional.empty(), Optional.of(Duration.ofDays(90)), true, OVERLAP);
    ApiKey fresh = save(ApiKeyFixtures.issuedKey("fresh", ApiKeyFixtures.randomStrongKey(), NOW.minus(Duration.ofDays(1))));
    ApiKey ageing = save(ApiKeyFixtures.issuedKey("ageing", ApiKeyFixtures.randomStrongKey(), NOW.minus(Duration.ofDays(85))));
    ApiKey aged = save(ApiKeyFixtures.issuedKey("aged", ApiKeyFixtures.randomStrongKey(), NOW.minus(Duration.ofDays(91))));
    ApiKey revoked = save(ApiKeyFixtures.issuedKey("revoked", ApiKeyFixtures.randomStrongKey(), NOW.minus(Duration.ofDays(2))).revoke(NOW.minusSeconds(60)));

    List<ApiKeyView> views = service(maxAge90).list(ADMIN);

    assertThat(views)
        .extracting(v -> v.key().id(), ApiKeyView::state)
        .containsExactly(
            tuple(fresh.id(), ApiKeyState.ACTIVE),
            tuple(ageing.id(), ApiKeyState.EXPIRING),
            tuple(aged.id(), ApiKeyState.EXPIRED),
            tuple(revoked.id(), ApiKeyState.REVOKED));
    AuditEvent event = singleAudited();
    assertThat(event.action()).isEqualTo("keys.list");
    assertThat(event.arguments()).containsEntry("returned", 4L);
  }

  @Test
  void givenKeepExpiredFalse_list_hidesKeysThatWouldBePurged() {
    RotationPolicy purging = new RotationPolicy(Optional.empty(), Optional.of(Duration.ofDays(90)), false, OVERLAP);
    ApiKey fresh = save(ApiKeyFixtures.issuedKey("fresh", ApiKeyFixtures.randomStrongKey(), NOW.minus(Duration.ofDays(1))));
    save(ApiKeyFixtures.issuedKey("aged", ApiKeyFixtures.randomStrongKey(), NOW.minus(Duration.ofDays(91))));
    save(ApiKeyFixtures.issuedKey("revoked", ApiKeyFixtures.randomStrongKey(), NOW.minus(Duration.ofDays(2))).revoke(NOW));

    List<ApiKeyView> views = service(purging).list(ADMIN);

    assertThat(views).extracting(v -> v.key().id()).containsExactly(fresh.id());
    assertThat(singleAudited().arguments()).containsEntry("returned", 1L);
  }

  // ---- rotate ------------------------------------------------------------------------------

  @Test
  void givenUsableKey_rotate_returnsTheSuccessorAndKeepsTheOldKeyForTheOverlap() {
    IssuedApiKey original = service.create(create("ci", null, "deployers"));
    clock.advance(Duration.ofDays(10));

    IssuedApiKey rotated = service.rotate(ADMIN, original.key().id());

    Instant validUntil = NOW.plus(Duration.ofDays(10)).plus(OVERLAP);
    assertThat(rotated.replaces()).contains(original.key().id());
    assertThat(rotated.previousValidUntil()).contains(validUntil);
    assertThat(rotated.plaintext()).isNotEqualTo(original.plaintext());
    ApiKey successor = stored(rotated.key().id());
    assertThat(successor.name()).isEqualTo("ci");
    assertThat(successor.groups()).containsExactly("deployers");
    assertThat(successor.hash()).isEqualTo(ApiKeyHash.of(rotated.plaintext()));
    ApiKey old = stored(original.key().id());
    assertThat(old.replacedBy()).contains(successor.id());
    assertThat(old.expiresAt()).contains(validUntil);
    assertThat(keys.findAll()).hasSize(2);
  }

  @Test
  void givenRotatedKey_authenticate_acceptsBothKeysDuringTheOverlapAndOnlyTheNewOneAfter() {
    IssuedApiKey original = service.create(create("ci", null, "deployers"));
    IssuedApiKey rotated = service.rotate(ADMIN, original.key().id());
    AuthenticateService auth =
        new AuthenticateService(
            new AuthenticationSettings(true, Set.of(AuthMethod.API_KEY), Duration.ZERO),
            keys,
            RotationPolicy.none(),
            audit,
            new SecurityMonitor(
                new MonitoringSettings(100, Duration.ofMinutes(5), Duration.ZERO, false, Sensitivity.MEDIUM),
                alert -> {},
                MetricsRecorder.none()),
            MetricsRecorder.none(),
            clock);
    AuthenticationResult expected = new AuthenticationResult.Authenticated(PrincipalFixtures.apiKeyUser("ci", "deployers"));

    assertThat(auth.authenticate(present(original.plaintext()))).isEqualTo(expected);
    assertThat(auth.authenticate(present(rotated.plaintext()))).isEqualTo(expected);

    clock.advance(OVERLAP.minusSeconds(1));
    assertThat(auth.authenticate(present(original.plaintext()))).isEqualTo(expected);

    clock.advance(Duration.ofSeconds(1));
    assertThat(auth.authenticate(present(original.plaintext()))).isInstanceOf(AuthenticationResult.Rejected.class);
    assertThat(auth.authenticate(present(rotated.plaintext()))).isEqualTo(expected);
  }

  private static AuthenticateCommand present(String key) {
    return new AuthenticateCommand(new Credential.ApiKey(key), new RequestOrigin("10.0.0.7", RequestOrigin.STREAMABLE_HTTP, null));
  }

  @Test
  void givenRevokedKey_rotate_isAConflictAndAudited() {
    IssuedApiKey original = service.create(create("ci", null));
    service.revoke(ADMIN, original.key().id());

    assertThatThrownBy(() -> service.rotate(ADMIN, original.key().id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is revoked")
        .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("key_not_usable"));

    assertThat(keys.findAll()).hasSize(1);
    AuditEvent last = audited().get(2);
    assertThat(last.action()).isEqualTo("keys.rotate");
    assertThat(last.outcome()).isEqualTo(AuditOutcome.FAILED);
  }

  @Test
  void givenExpiredKey_rotate_isAConflict() {
    ApiKey expired = save(ApiKeyFixtures.expiringKey("ci", ApiKeyFixtures.randomStrongKey(), NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(1)));

    assertThatThrownBy(() -> service.rotate(ADMIN, expired.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is expired");
  }

  // ---- revoke ------------------------------------------------------------------------------

  @Test
  void givenActiveKey_revoke_revokesItAtOnce() {
    IssuedApiKey issued = service.create(create("ci", null));
    clock.advance(Duration.ofMinutes(5));

    service.revoke(ADMIN, issued.key().id());

    ApiKey key = stored(issued.key().id());
    assertThat(key.revokedAt()).contains(NOW.plus(Duration.ofMinutes(5)));
    assertThat(key.stateAt(clock.instant())).isEqualTo(ApiKeyState.REVOKED);
    AuditEvent event = audited().get(1);
    assertThat(event.action()).isEqualTo("keys.revoke");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.arguments()).isEqualTo(Map.of("id", issued.key().id().value()));
  }

  // ---- unknown ids -------------------------------------------------------------------------

  @Test
  void givenUnknownId_rotateAndRevoke_reportKeyNotFoundAndAudit() {
    ApiKeyId unknown = ApiKeyId.random();

    assertThatThrownBy(() -> service.rotate(ADMIN, unknown))
        .isInstanceOf(ApiKeyNotFoundException.class)
        .hasMessage("No API key with id " + unknown.value() + ".");
    assertThatThrownBy(() -> service.revoke(ADMIN, unknown)).isInstanceOf(ApiKeyNotFoundException.class);

    assertThat(audited())
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .containsExactly(
            tuple("keys.rotate", AuditOutcome.FAILED),
            tuple("keys.revoke", AuditOutcome.FAILED));
  }

  // ---- one audit row per action ------------------------------------------------------------

  @Test
  void givenFullLifecycle_eachAction_writesExactlyOneAdminAuditRow() {
    IssuedApiKey issued = service.create(create("ci", null));
    service.list(ADMIN);
    IssuedApiKey rotated = service.rotate(ADMIN, issued.key().id());
    service.revoke(ADMIN, rotated.key().id());

    List<AuditEvent> events = audited();

    assertThat(events).extracting(AuditEvent::action).containsExactly("keys.create", "keys.list", "keys.rotate", "keys.revoke");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.ADMIN);
      assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
      assertThat(e.principal()).isEqualTo("admin");
      assertThat(e.authMethod()).isEqualTo("apikey");
      assertThat(e.transport()).isEqualTo("rest");
      assertThat(e.toString()).doesNotContain(issued.plaintext()).doesNotContain(rotated.plaintext());
    });
    assertThat(events.get(2).arguments())
        .containsEntry("id", issued.key().id().value())
        .containsEntry("newId", rotated.key().id().value())
        .containsEntry("previousValidUntil", NOW.plus(OVERLAP).toString());
  }
}
