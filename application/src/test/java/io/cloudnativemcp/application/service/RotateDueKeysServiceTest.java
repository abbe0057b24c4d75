package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.InMemoryApiKeyRepository;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.InMemorySecretStore;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyFixtures;
import io.cloudnativemcp.domain.apikey.ApiKeyHash;
import io.cloudnativemcp.domain.apikey.ApiKeySource;
import io.cloudnativemcp.domain.apikey.RotationPolicy;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RotateDueKeysServiceTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration INTERVAL = Duration.ofDays(30);
  private static final Duration OVERLAP = Duration.ofDays(1);
  private static final RotationPolicy ROTATE_MONTHLY =
      new RotationPolicy(Optional.of(INTERVAL), Optional.empty(), true, OVERLAP);

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  private final InMemoryAuditLogRepository auditLog = new InMemoryAuditLogRepository();
  private final AuditTrail audit = new AuditTrail(auditLog, AuditSettings.defaults(), MetricsRecorder.none());

  private RotateDueKeysService service(RotationPolicy rotation, InMemorySecretStore store) {
    return new RotateDueKeysService(keys, rotation, store, audit, clock, new SecureRandom());
  }

  private ApiKey save(String name, Duration age, ApiKeySource source) {
    ApiKey key = ApiKey.create(name, Set.of("deployers"), ApiKeyFixtures.randomStrongKey(), source, NOW.minus(age), null);
    keys.save(key);
    return key;
  }

  private ApiKey saveIssued(String name, Duration age) {
    return save(name, age, ApiKeySource.ISSUED);
  }

  private List<AuditEvent> audited() {
    assertThat(audit.flush(Duration.ofSeconds(5))).isTrue();
    return auditLog.events();
  }

  @Test
  void givenAKeyNamedWithAMailAddress_secretName_isOneAStoreAccepts_andDistinctFromLookalikes() {
    String mail = RotateDueKeysService.secretName("alice@acme.example");
    String lookalike = RotateDueKeysService.secretName("alice-at-acme.example");
    String forged = RotateDueKeysService.secretName(mail.substring("api-key-".length()));

    assertThat(mail).matches("api-key-alice-at-acme\\.example-[0-9a-f]{8}").matches("[A-Za-z0-9._-]{1,253}");
    assertThat(lookalike).startsWith("api-key-alice-at-acme.example-").matches("[A-Za-z0-9._-]{1,253}");
    assertThat(java.util.Set.of(mail, lookalike, forged)).hasSize(3);
    assertThat(RotateDueKeysService.secretName("alice@acme.example")).isEqualTo(mail);
    assertThat(RotateDueKeysService.secretName("ci-deployer")).isEqualTo("api-key-ci-deployer");
  }

  @Test
  void givenANameOfManyAts_secretName_staysWithinWhatAStoreAccepts() {
    String name = "@".repeat(128);

    assertThat(RotateDueKeysService.secretName(name)).hasSizeLessThanOrEqualTo(253).matches("[A-Za-z0-9._-]{1,253}");
    assertThat(RotateDueKeysService.secretName(name)).isNotEqualTo(RotateDueKeysService.secretName("@".repeat(127)));
  }

  @Test
  void givenWritableStoreAndDueKey_rotateDueKeys_rotatesItAndWritesTheNewKeyToTheStore() {
    InMemorySecretStore store = InMemorySecretStore.writableStore();
    ApiKey due = saveIssued("ci-deployer", INTERVAL.plusHours(1));

    int rotated = service(ROTATE_MONTHLY, store).rotateDueKeys();

    assertThat(rotated).isEqualTo(1);
    String plaintext = store.read("api-key-ci-deployer").orElseThrow();
    assertThat(store.secrets()).containsOnlyKeys("api-key-ci-deployer");
    ApiKey old = keys.findById(due.id()).orElseThrow();
    ApiKey successor = keys.findById(old.replacedBy().orElseThrow()).orElseThrow();
    assertThat(successor.hash()).isEqualTo(ApiKeyHash.of(plaintext));
    assertThat(successor.name()).isEqualTo("ci-deployer");
    assertThat(successor.groups()).containsExactly("deployers");
    assertThat(successor.createdAt()).isEqualTo(NOW);
    assertThat(old.expiresAt()).contains(NOW.plus(OVERLAP));
    assertThat(keys.findAll()).hasSize(2);

    AuditEvent event = audited().get(0);
    assertThat(event.type()).isEqualTo(AuditEventType.ADMIN);
    assertThat(event.action()).isEqualTo("keys.rotate.auto");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.principal()).isEqualTo("system");
    assertThat(event.arguments())
        .isEqualTo(
            Map.of(
                "id", due.id().value(),
                "name", "ci-deployer",
                "newId", successor.id().value(),
                "previousValidUntil", NOW.plus(OVERLAP).toString()));
    assertThat(event.toString()).doesNotContain(plaintext);
  }

  @Test
  void givenKeysOfDifferentAges_rotateDueKeys_rotatesOnlyThoseOlderThanTheInterval() {
    InMemorySecretStore store = InMemorySecretStore.writableStore();
    saveIssued("old", INTERVAL);
    ApiKey young = saveIssued("young", INTERVAL.minusSeconds(1));

    int rotated = service(ROTATE_MONTHLY, store).rotateDueKeys();

    assertThat(rotated).isEqualTo(1);
    assertThat(store.secrets()).containsOnlyKeys("api-key-old");
    assertThat(keys.findById(young.id()).orElseThrow().replacedBy()).isEmpty();
  }

  @Test
  void givenJustRotatedKeys_rotateDueKeys_doesNotRotateThemAgain() {
    InMemorySecretStore store = InMemorySecretStore.writableStore();
    saveIssued("ci", INTERVAL.plusDays(3));
    RotateDueKeysService service = service(ROTATE_MONTHLY, store);
    service.rotateDueKeys();
    String first = store.read("api-key-ci").orElseThrow();

    clock.advance(Duration.ofHours(1));
    int again = service.rotateDueKeys();

    assertThat(again).isZero();
    assertThat(store.read("api-key-ci")).contains(first);
    assertThat(keys.findAll()).hasSize(2);
  }

  @Test
  void givenReadOnlyStore_rotateDueKeys_rotatesNothing() {
    InMemorySecretStore store = InMemorySecretStore.readOnlyStore();
    ApiKey due = saveIssued("ci", INTERVAL.plusDays(3));

    int rotated = service(ROTATE_MONTHLY, store).rotateDueKeys();

    assertThat(rotated).isZero();
    assertThat(store.writeAttempts()).isZero();
    assertThat(keys.findAll()).containsExactly(due);
    assertThat(audited()).isEmpty();
  }

  @Test
  void givenConfiguredKey_rotateDueKeys_neverRotatesIt() {
    InMemorySecretStore store = InMemorySecretStore.writableStore();
    ApiKey configured = save("bootstrap", INTERVAL.multipliedBy(5), ApiKeySource.CONFIGURED);

    int rotated = service(ROTATE_MONTHLY, store).rotateDueKeys();

    assertThat(rotated).isZero();
    assertThat(store.secrets()).isEmpty();
    assertThat(keys.findAll()).containsExactly(configured);
  }

  @Test
  void givenGeneratedBootstrapKey_rotateDueKeys_rotatesIt() {
    InMemorySecretStore store = InMemorySecretStore.writableStore();
    save("admin", INTERVAL.plusDays(1), ApiKeySource.GENERATED_BOOTSTRAP);

    assertThat(service(ROTATE_MONTHLY, store).rotateDueKeys()).isEqualTo(1);
    assertThat(store.secrets()).containsOnlyKeys("api-key-admin");
  }

  @Test
  void givenFailingStoreWrite_rotateDueKeys_leavesTheKeyUnrotatedAndAuditsAnError() {
    InMemorySecretStore store = InMemorySecretStore.writableStore();
    store.failWritesWith(new IllegalStateException("secrets are forbidden"));
    ApiKey due = saveIssued("ci", INTERVAL.plusDays(3));

    int rotated = service(ROTATE_MONTHLY, store).rotateDueKeys();

    assertThat(rotated).isZero();
    assertThat(store.writeAttempts()).isEqualTo(1);
    assertThat(keys.findAll()).containsExactly(due);
    AuditEvent event = audited().get(0);
    assertThat(event.action()).isEqualTo("keys.rotate.auto");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.ERROR);
    assertThat(event.error()).isEqualTo("secret store: secrets are forbidden");
    assertThat(event.arguments()).containsEntry("id", due.id().value()).containsEntry("name", "ci");
  }

  @Test
  void givenFailingStoreWrite_rotateDueKeys_retriesOnTheNextRun() {
    InMemorySecretStore failing = InMemorySecretStore.writableStore();
    failing.failWritesWith(new IllegalStateException("down"));
    saveIssued("ci", INTERVAL.plusDays(3));
    service(ROTATE_MONTHLY, failing).rotateDueKeys();

    InMemorySecretStore healthy = InMemorySecretStore.writableStore();
    int rotated = service(ROTATE_MONTHLY, healthy).rotateDueKeys();

    assertThat(rotated).isEqualTo(1);
    assertThat(healthy.secrets()).containsOnlyKeys("api-key-ci");
  }

  @Test
  void givenKeepExpiredFalse_rotateDueKeys_purgesUnusableKeysAndAuditsEach() {
    RotationPolicy purging = new RotationPolicy(Optional.empty(), Optional.of(Duration.ofDays(90)), false, OVERLAP);
    ApiKey active = saveIssued("active", Duration.ofDays(10));
    ApiKey aged = saveIssued("aged", Duration.ofDays(91));
    ApiKey revoked = ApiKeyFixtures.issuedKey("revoked", ApiKeyFixtures.randomStrongKey(), NOW.minus(Duration.ofDays(5))).revoke(NOW.minus(Duration.ofDays(1)));
    keys.save(revoked);

    int rotated = service(purging, InMemorySecretStore.readOnlyStore()).rotateDueKeys();

    assertThat(rotated).isZero();
    assertThat(keys.findAll()).containsExactly(active);
    assertThat(audited())
        .extracting(AuditEvent::action, e -> e.arguments().get("id"))
        .containsExactlyInAnyOrder(
            tuple("keys.purge", aged.id().value()),
            tuple("keys.purge", revoked.id().value()));
  }

  @Test
  void givenKeepExpiredTrue_rotateDueKeys_keepsUnusableKeys() {
    RotationPolicy keeping = new RotationPolicy(Optional.empty(), Optional.of(Duration.ofDays(90)), true, OVERLAP);
    saveIssued("aged", Duration.ofDays(91));

    service(keeping, InMemorySecretStore.readOnlyStore()).rotateDueKeys();

    assertThat(keys.findAll()).hasSize(1);
    assertThat(audited()).isEmpty();
  }

  @Test
  void givenNoRotationInterval_rotateDueKeys_rotatesNothing() {
    InMemorySecretStore store = InMemorySecretStore.writableStore();
    saveIssued("ci", Duration.ofDays(3650));

    assertThat(service(RotationPolicy.none(), store).rotateDueKeys()).isZero();
    assertThat(store.secrets()).isEmpty();
  }
}
