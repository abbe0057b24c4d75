package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.AuthenticateCommand;
import io.cloudnativemcp.application.port.in.AuthenticationResult;
import io.cloudnativemcp.application.port.in.Credential;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.out.CountingMetricsRecorder;
import io.cloudnativemcp.application.port.out.InMemoryApiKeyRepository;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.port.out.RecordingAlertPublisher;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.service.monitor.SecurityMonitor;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.application.settings.AuthenticationSettings;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyFixtures;
import io.cloudnativemcp.domain.apikey.RotationPolicy;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.monitoring.Alert;
import io.cloudnativemcp.domain.monitoring.AlertType;
import io.cloudnativemcp.domain.monitoring.Sensitivity;
import io.cloudnativemcp.domain.principal.AuthMethod;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The blocking, age-limit, scope and monitoring behaviour of {@link AuthenticateService}. */
class AuthenticateServiceSecurityTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String ADDRESS = "10.0.0.7";
  private static final String ALICE_KEY = ApiKeyFixtures.randomStrongKey();
  private static final String UNKNOWN_KEY = ApiKeyFixtures.randomStrongKey();
  private static final Duration MAX_AGE = Duration.ofDays(90);

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  private final InMemoryAuditLogRepository auditLog = new InMemoryAuditLogRepository();
  private final AuditTrail audit = new AuditTrail(auditLog, AuditSettings.defaults(), MetricsRecorder.none());
  private final RecordingAlertPublisher alerts = new RecordingAlertPublisher();
  private final CountingMetricsRecorder metrics = new CountingMetricsRecorder();
  /** Three failures within five minutes block the address for ten. */
  private final SecurityMonitor monitor =
      new SecurityMonitor(
          new MonitoringSettings(3, Duration.ofMinutes(5), Duration.ofMinutes(10), false, Sensitivity.MEDIUM), alerts, metrics);

  private AuthenticateService service(AuthenticationSettings settings, RotationPolicy rotation) {
    return new AuthenticateService(settings, keys, rotation, audit, monitor, metrics, clock);
  }

  private AuthenticateService apiKeys() {
    return service(
        new AuthenticationSettings(true, EnumSet.of(AuthMethod.API_KEY, AuthMethod.JWT), Duration.ZERO),
        new RotationPolicy(Optional.empty(), Optional.of(MAX_AGE), true, Duration.ofDays(1)));
  }

  private ApiKey storeAliceKey(Duration age) {
    ApiKey key = ApiKeyFixtures.issuedKey("alice", ALICE_KEY, NOW.minus(age), "team-a");
    keys.save(key);
    return key;
  }

  private static AuthenticateCommand from(String address, Credential credential) {
    return new AuthenticateCommand(credential, new RequestOrigin(address, RequestOrigin.STREAMABLE_HTTP, "s-1"));
  }

  private static AuthenticateCommand key(String address, String key) {
    return from(address, new Credential.ApiKey(key));
  }

  private List<AuditEvent> audited() {
    assertThat(audit.flush(Duration.ofSeconds(5))).isTrue();
    return auditLog.events();
  }

  @Test
  void givenBlockedAddress_authenticate_refusesEvenAValidKeyAndAuditsTheBlock() {
    storeAliceKey(Duration.ofDays(1));
    AuthenticateService service = apiKeys();
    for (int i = 0; i < 3; i++) {
      service.authenticate(key(ADDRESS, UNKNOWN_KEY));
    }

    AuthenticationResult result = service.authenticate(key(ADDRESS, ALICE_KEY));

    assertThat(result).isEqualTo(new AuthenticationResult.Rejected("source blocked after repeated authentication failures"));
    AuditEvent blocked = audited().get(3);
    assertThat(blocked.type()).isEqualTo(AuditEventType.AUTHENTICATION);
    assertThat(blocked.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(blocked.arguments()).isEqualTo(Map.of("reason", "blocked"));
    assertThat(blocked.clientAddress()).isEqualTo(ADDRESS);
    assertThat(blocked.principal()).as("a block reveals nothing about the key").isNull();
    assertThat(blocked.toString()).doesNotContain(ALICE_KEY);
    assertThat(keys.recordedUses()).isEmpty();
    assertThat(metrics.authFailures()).containsEntry("blocked", 1).containsEntry("invalid_api_key", 3);
  }

  @Test
  void givenBlockedAddress_authenticate_admitsTheSameKeyFromAnotherAddressAndAfterTheBlock() {
    storeAliceKey(Duration.ofDays(1));
    AuthenticateService service = apiKeys();
    for (int i = 0; i < 3; i++) {
      service.authenticate(key(ADDRESS, UNKNOWN_KEY));
    }

    AuthenticationResult elsewhere = service.authenticate(key("10.0.0.8", ALICE_KEY));
    clock.advance(Duration.ofMinutes(10));
    AuthenticationResult afterBlock = service.authenticate(key(ADDRESS, ALICE_KEY));

    assertThat(elsewhere).isInstanceOf(AuthenticationResult.Authenticated.class);
    assertThat(afterBlock).isInstanceOf(AuthenticationResult.Authenticated.class);
  }

  @Test
  void givenKeyOlderThanMaxAge_authenticate_refusesItAndAuditsItsOwner() {
    ApiKey key = storeAliceKey(MAX_AGE.plusSeconds(1));

    AuthenticationResult result = apiKeys().authenticate(key(ADDRESS, ALICE_KEY));

    assertThat(result).isEqualTo(new AuthenticationResult.Rejected("API key " + key.id() + " is expired"));
    AuditEvent event = audited().get(0);
    assertThat(event.principal()).isEqualTo("alice");
    assertThat(event.arguments()).isEqualTo(Map.of("reason", "invalid_api_key"));
    assertThat(keys.recordedUses()).isEmpty();
  }

  @Test
  void givenKeyJustInsideMaxAge_authenticate_acceptsIt() {
    storeAliceKey(MAX_AGE.minusSeconds(1));

    AuthenticationResult result = apiKeys().authenticate(key(ADDRESS, ALICE_KEY));

    assertThat(result).isEqualTo(new AuthenticationResult.Authenticated(PrincipalFixtures.apiKeyUser("alice", "team-a")));
  }

  @Test
  void givenKeyAgingOutWhileInUse_authenticate_refusesItFromThatMomentOn() {
    storeAliceKey(MAX_AGE.minusSeconds(10));
    AuthenticateService service = apiKeys();
    assertThat(service.authenticate(key(ADDRESS, ALICE_KEY))).isInstanceOf(AuthenticationResult.Authenticated.class);

    clock.advance(Duration.ofSeconds(10));

    assertThat(service.authenticate(key(ADDRESS, ALICE_KEY))).isInstanceOf(AuthenticationResult.Rejected.class);
  }

  @Test
  void givenTokenMissingARequiredScope_authenticate_reportsInsufficientScope() {
    Principal bob = PrincipalFixtures.jwtUser("bob", "devs");
    AuthenticateService service =
        service(
            new AuthenticationSettings(true, Set.of(AuthMethod.JWT), Duration.ZERO, Set.of("mcp:tools", "mcp:read")),
            RotationPolicy.none());

    AuthenticationResult oneMissing = service.authenticate(from(ADDRESS, new Credential.VerifiedToken(bob, Set.of("mcp:read"))));
    AuthenticationResult none = service.authenticate(from(ADDRESS, new Credential.VerifiedToken(bob)));
    AuthenticationResult all =
        service.authenticate(from(ADDRESS, new Credential.VerifiedToken(bob, Set.of("mcp:read", "mcp:tools", "openid"))));

    assertThat(oneMissing).isEqualTo(new AuthenticationResult.InsufficientScope(bob, Set.of("mcp:tools", "mcp:read")));
    assertThat(none).isInstanceOf(AuthenticationResult.InsufficientScope.class);
    assertThat(all).isEqualTo(new AuthenticationResult.Authenticated(bob));
    assertThat(metrics.authFailures()).isEqualTo(Map.of("insufficient_scope", 2));
  }

  @Test
  void givenRejectedToken_authenticate_rejectsAuditsAndCountsIt() {
    AuthenticateService service =
        service(new AuthenticationSettings(true, Set.of(AuthMethod.JWT), Duration.ZERO), RotationPolicy.none());

    AuthenticationResult result = service.authenticate(from(ADDRESS, new Credential.RejectedToken("token expired")));

    assertThat(result).isEqualTo(new AuthenticationResult.Rejected("invalid bearer token: token expired"));
    AuditEvent event = audited().get(0);
    assertThat(event.type()).isEqualTo(AuditEventType.AUTHENTICATION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(event.authMethod()).isEqualTo("jwt");
    assertThat(event.action()).isEqualTo("authenticate");
    assertThat(event.error()).isEqualTo("invalid bearer token: token expired");
    assertThat(event.arguments()).isEqualTo(Map.of("reason", "invalid_token"));
    assertThat(metrics.authFailures()).isEqualTo(Map.of("invalid_token", 1));
  }

  @Test
  void givenRepeatedFailures_authenticate_feedsTheMonitorWhichPublishesOneAlert() {
    AuthenticateService service = apiKeys();

    service.authenticate(key(ADDRESS, UNKNOWN_KEY));
    service.authenticate(from(ADDRESS, new Credential.RejectedToken("bad signature")));
    assertThat(alerts.published()).isEmpty();
    service.authenticate(from(ADDRESS, new Credential.None()));

    assertThat(alerts.published()).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.AUTH_FAILURES);
      assertThat(alert.subject()).isEqualTo("address:10.0.0.7");
      assertThat(alert.details()).containsEntry("failures", "3");
      assertThat(alert.toString()).doesNotContain(UNKNOWN_KEY);
    });
    assertThat(metrics.alerts()).isEqualTo(Map.of("auth_failures", 1));
  }

  @Test
  void givenExpiredKeyTriedFromManyAddresses_authenticate_alertsOnTheOwningPrincipal() {
    storeAliceKey(MAX_AGE.plusDays(1));
    AuthenticateService service = apiKeys();

    for (int i = 1; i <= 3; i++) {
      service.authenticate(key("10.0.1." + i, ALICE_KEY));
    }

    assertThat(alerts.published()).extracting(Alert::subject).containsExactly("principal:alice");
    assertThat(monitor.isBlocked("10.0.1.1", clock.instant())).isFalse();
  }

  @Test
  void givenSuccessfulAuthentications_authenticate_neverCountsTowardsABlock() {
    storeAliceKey(Duration.ofDays(1));
    AuthenticateService service = apiKeys();

    for (int i = 0; i < 10; i++) {
      assertThat(service.authenticate(key(ADDRESS, ALICE_KEY))).isInstanceOf(AuthenticationResult.Authenticated.class);
    }

    assertThat(alerts.published()).isEmpty();
    assertThat(monitor.isBlocked(ADDRESS, clock.instant())).isFalse();
  }
}
