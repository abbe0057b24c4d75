package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyCommand;
import io.cloudnativemcp.application.port.out.InMemoryApiKeyRepository;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyFixtures;
import io.cloudnativemcp.domain.apikey.ApiKeyHash;
import io.cloudnativemcp.domain.apikey.ApiKeySource;
import io.cloudnativemcp.domain.apikey.ApiKeyState;
import io.cloudnativemcp.domain.apikey.WeakApiKeyException;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.principal.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnsureBootstrapAdminKeyServiceTest {
  private static final Instant NOW = Instant.parse("2026-01-10T14:00:00Z");
  private static final String CONFIGURED = ApiKeyFixtures.SEED_EXAMPLE_KEY;
  private static final String OTHER_CONFIGURED = "Xyz789!@#Abc123!@#Xyz789!@#";

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  private final InMemoryAuditLogRepository auditLog = new InMemoryAuditLogRepository();
  private final AuditTrail audit = new AuditTrail(auditLog, AuditSettings.defaults(), MetricsRecorder.none());
  private final EnsureBootstrapAdminKeyService service =
      new EnsureBootstrapAdminKeyService(keys, audit, clock, new Random(42));

  private static EnsureBootstrapAdminKeyCommand configured(String key) {
    return new EnsureBootstrapAdminKeyCommand(Optional.of(key));
  }

  private static EnsureBootstrapAdminKeyCommand notConfigured() {
    return new EnsureBootstrapAdminKeyCommand(Optional.empty());
  }

  private List<ApiKey> usableAdminKeys() {
    return keys.findByName(Principal.BOOTSTRAP_ADMIN).stream().filter(k -> k.isUsableAt(clock.instant())).toList();
  }

  /** Every value the repository holds for a key, as text. */
  private static List<String> storedFields(ApiKey k) {
    List<String> fields = new ArrayList<>(List.of(k.id().value(), k.name(), k.prefix(), k.hash().hex(), k.toString()));
    fields.addAll(k.groups());
    return fields;
  }

  /** The audit records, once the trail has written what it buffered. */
  private List<AuditEvent> audited() {
    assertThat(audit.flush(Duration.ofSeconds(5))).as("audit trail flushed").isTrue();
    return auditLog.events();
  }

  private List<String> auditedText() {
    return audited().stream().map(AuditEvent::toString).toList();
  }

  @Test
  void givenConfiguredKey_ensure_storesOnlyItsHashForTheAdmin() {
    Optional<String> shown = service.ensure(configured(CONFIGURED));

    assertThat(shown).isEmpty();
    ApiKey stored = keys.findAll().get(0);
    assertThat(keys.findAll()).hasSize(1);
    assertThat(stored.name()).isEqualTo(Principal.BOOTSTRAP_ADMIN);
    assertThat(stored.source()).isEqualTo(ApiKeySource.CONFIGURED);
    assertThat(stored.hash()).isEqualTo(ApiKeyHash.of(CONFIGURED));
    assertThat(stored.stateAt(NOW)).isEqualTo(ApiKeyState.ACTIVE);
    assertThat(storedFields(stored)).noneMatch(f -> f.contains(CONFIGURED));
    assertThat(audited())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(AuditEventType.ADMIN);
              assertThat(e.action()).isEqualTo("bootstrap_admin_key.configure");
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
              assertThat(e.arguments()).containsEntry("id", stored.id().value()).containsEntry("prefix", "Abc123");
            });
    assertThat(auditedText()).noneMatch(t -> t.contains(CONFIGURED));
  }

  @Test
  void givenSameConfiguredKeyAgain_ensure_changesNothing() {
    service.ensure(configured(CONFIGURED));
    ApiKey first = keys.findAll().get(0);
    clock.advance(Duration.ofHours(1));

    Optional<String> shown = service.ensure(configured(CONFIGURED));

    assertThat(shown).isEmpty();
    assertThat(keys.findAll()).containsExactly(first);
    assertThat(first.revokedAt()).isEmpty();
    assertThat(audited()).hasSize(1);
  }

  @Test
  void givenChangedConfiguredKey_ensure_revokesTheOldOneAndStoresTheNew() {
    service.ensure(configured(CONFIGURED));
    ApiKey old = keys.findAll().get(0);
    Instant restart = clock.advance(Duration.ofDays(1));

    service.ensure(configured(OTHER_CONFIGURED));

    assertThat(keys.findById(old.id()).orElseThrow().stateAt(restart)).isEqualTo(ApiKeyState.REVOKED);
    assertThat(usableAdminKeys())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.hash()).isEqualTo(ApiKeyHash.of(OTHER_CONFIGURED));
              assertThat(k.source()).isEqualTo(ApiKeySource.CONFIGURED);
            });
    assertThat(audited())
        .extracting(AuditEvent::action)
        .containsExactly(
            "bootstrap_admin_key.configure", "bootstrap_admin_key.revoke", "bootstrap_admin_key.configure");
    assertThat(audited().get(1).arguments()).containsEntry("reason", "auth.apiKey changed");
  }

  @Test
  void givenAConfiguredKeySetBackToAnEarlierValue_ensure_reclaimsItsRevokedRecord() {
    service.ensure(configured(CONFIGURED));
    ApiKey first = keys.findAll().get(0);
    clock.advance(Duration.ofDays(1));
    service.ensure(configured(OTHER_CONFIGURED));
    Instant rollback = clock.advance(Duration.ofDays(1));

    service.ensure(configured(CONFIGURED));

    assertThat(keys.findById(first.id())).isEmpty();
    assertThat(usableAdminKeys()).singleElement().satisfies(k -> assertThat(k.hash()).isEqualTo(ApiKeyHash.of(CONFIGURED)));
    assertThat(keys.findAll()).filteredOn(k -> k.hash().equals(ApiKeyHash.of(OTHER_CONFIGURED)))
        .singleElement()
        .satisfies(k -> assertThat(k.stateAt(rollback)).isEqualTo(ApiKeyState.REVOKED));
    assertThat(audited()).extracting(AuditEvent::action).contains("bootstrap_admin_key.reclaim");
  }

  @Test
  void givenAConfiguredKeyEqualToAnIssuedKey_ensure_refusesIt() {
    keys.save(ApiKey.create("ci-bot", java.util.Set.of(), CONFIGURED, ApiKeySource.ISSUED, NOW, null));

    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> service.ensure(configured(CONFIGURED)));

    assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageContaining("'ci-bot'").hasMessageNotContaining(CONFIGURED);
    assertThat(keys.findAll()).singleElement().satisfies(k -> assertThat(k.name()).isEqualTo("ci-bot"));
  }

  @Test
  void givenWeakConfiguredKey_ensure_refusesItNamingTheSetting() {
    WeakApiKeyException e =
        catchThrowableOfType(() -> service.ensure(configured("changeme123")), WeakApiKeyException.class);

    assertThat(e).isNotNull();
    assertThat(e.source()).isEqualTo("auth.apiKey");
    assertThat(e.getMessage()).startsWith("auth.apiKey is not a strong API key").doesNotContain("changeme123");
    assertThat(keys.findAll()).isEmpty();
    assertThat(audited()).isEmpty();
  }

  @Test
  void givenWeakReplacementForAStoredKey_ensure_keepsTheStoredKeyUsable() {
    service.ensure(configured(CONFIGURED));

    catchThrowableOfType(() -> service.ensure(configured("tooweak")), WeakApiKeyException.class);

    assertThat(usableAdminKeys()).singleElement().extracting(ApiKey::hash).isEqualTo(ApiKeyHash.of(CONFIGURED));
  }

  @Test
  void givenNoConfiguredKey_ensure_generatesOneAndReturnsItsPlaintextOnce() {
    Optional<String> shown = service.ensure(notConfigured());

    assertThat(shown).hasValueSatisfying(k -> assertThat(k).startsWith("cnm_").hasSize(44));
    String plaintext = shown.orElseThrow();
    ApiKey stored = keys.findAll().get(0);
    assertThat(keys.findAll()).hasSize(1);
    assertThat(stored.source()).isEqualTo(ApiKeySource.GENERATED_BOOTSTRAP);
    assertThat(stored.name()).isEqualTo(Principal.BOOTSTRAP_ADMIN);
    assertThat(stored.hash().matches(ApiKeyHash.of(plaintext))).isTrue();
    assertThat(storedFields(stored)).noneMatch(f -> f.contains(plaintext));
    assertThat(audited()).singleElement().extracting(AuditEvent::action).isEqualTo("bootstrap_admin_key.generate");
    assertThat(auditedText()).noneMatch(t -> t.contains(plaintext));
  }

  @Test
  void givenGeneratedKeyExists_ensure_returnsNothingAndGeneratesNoOther() {
    service.ensure(notConfigured());
    clock.advance(Duration.ofHours(1));

    Optional<String> second = service.ensure(notConfigured());

    assertThat(second).isEmpty();
    assertThat(keys.findAll()).hasSize(1);
    assertThat(audited()).hasSize(1);
  }

  @Test
  void givenConfiguredKeyRemovedLater_ensure_revokesItAndGeneratesANewOne() {
    service.ensure(configured(CONFIGURED));
    ApiKey configuredKey = keys.findAll().get(0);
    Instant restart = clock.advance(Duration.ofDays(1));

    Optional<String> shown = service.ensure(notConfigured());

    assertThat(shown).isPresent();
    assertThat(keys.findById(configuredKey.id()).orElseThrow().stateAt(restart)).isEqualTo(ApiKeyState.REVOKED);
    assertThat(usableAdminKeys())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.source()).isEqualTo(ApiKeySource.GENERATED_BOOTSTRAP);
              assertThat(k.hash().matches(ApiKeyHash.of(shown.orElseThrow()))).isTrue();
            });
    assertThat(audited().get(1).arguments()).containsEntry("reason", "auth.apiKey removed");
  }

  @Test
  void givenGeneratedKeyThenConfiguredKey_ensure_revokesTheGeneratedOne() {
    service.ensure(notConfigured());
    ApiKey generated = keys.findAll().get(0);

    service.ensure(configured(CONFIGURED));

    assertThat(keys.findById(generated.id()).orElseThrow().revokedAt()).contains(NOW);
    assertThat(usableAdminKeys()).singleElement().extracting(ApiKey::source).isEqualTo(ApiKeySource.CONFIGURED);
  }

  @Test
  void givenIssuedKeyNamedAdmin_ensure_leavesItAlone() {
    ApiKey issued = ApiKeyFixtures.issuedKey(Principal.BOOTSTRAP_ADMIN, OTHER_CONFIGURED, NOW.minusSeconds(60));
    keys.save(issued);

    service.ensure(configured(CONFIGURED));

    assertThat(keys.findById(issued.id()).orElseThrow().revokedAt()).isEmpty();
    assertThat(usableAdminKeys()).hasSize(2);
  }

  @Test
  void givenEmptyConfiguredValue_ensure_treatsItAsNotConfigured() {
    Optional<String> shown = service.ensure(new EnsureBootstrapAdminKeyCommand(Optional.of("")));

    assertThat(shown).isPresent();
    assertThat(keys.findAll()).singleElement().extracting(ApiKey::source).isEqualTo(ApiKeySource.GENERATED_BOOTSTRAP);
  }
}
