package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.AuthenticateCommand;
import io.cloudnativemcp.application.port.in.AuthenticationResult;
import io.cloudnativemcp.application.port.in.Credential;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.out.InMemoryApiKeyRepository;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
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
import io.cloudnativemcp.domain.monitoring.Sensitivity;
import io.cloudnativemcp.domain.principal.AuthMethod;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticateServiceTest {
  private static final Instant NOW = Instant.parse("2026-01-10T14:00:00Z");
  private static final RequestOrigin ORIGIN = new RequestOrigin("10.0.0.7", RequestOrigin.STREAMABLE_HTTP, "session-1");
  private static final String ALICE_KEY = "cnm_" + "Alice7".repeat(6) + "Xy9z";
  /** Shares the first six characters with Alice's key, so the store offers her key as a candidate. */
  private static final String WRONG_KEY = "cnm_" + "Alice7".repeat(6) + "Zz0q";

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
  private final InMemoryAuditLogRepository auditLog = new InMemoryAuditLogRepository();

  private final AuditTrail audit = new AuditTrail(auditLog, AuditSettings.defaults(), MetricsRecorder.none());
  private final SecurityMonitor monitor =
      new SecurityMonitor(
          new MonitoringSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(5), false, Sensitivity.MEDIUM),
          alert -> {},
          MetricsRecorder.none());

  private AuthenticateService service(AuthenticationSettings settings) {
    return new AuthenticateService(
        settings, keys, RotationPolicy.none(), audit, monitor, MetricsRecorder.none(), clock);
  }

  /** The audit records, once the trail has written what it buffered. */
  private List<AuditEvent> audited() {
    assertThat(audit.flush(Duration.ofSeconds(5))).as("audit trail flushed").isTrue();
    return auditLog.events();
  }

  private AuditEvent singleAudited() {
    assertThat(audited()).hasSize(1);
    return auditLog.single();
  }

  private AuthenticateService apiKeyService(Duration cacheTtl) {
    return service(new AuthenticationSettings(true, Set.of(AuthMethod.API_KEY), cacheTtl));
  }

  private ApiKey storeAliceKey() {
    ApiKey key = ApiKeyFixtures.issuedKey("alice", ALICE_KEY, NOW.minus(Duration.ofDays(1)), "team-a", "oncall");
    keys.save(key);
    return key;
  }

  private static AuthenticateCommand presenting(Credential credential) {
    return new AuthenticateCommand(credential, ORIGIN);
  }

  private static AuthenticateCommand presentingKey(String key) {
    return presenting(new Credential.ApiKey(key));
  }

  @Test
  void givenAuthDisabled_authenticate_returnsAnonymousWithoutAuditing() {
    AuthenticationResult result = service(AuthenticationSettings.disabled()).authenticate(presenting(new Credential.None()));

    assertThat(result).isEqualTo(new AuthenticationResult.Authenticated(Principal.anonymous()));
    assertThat(audited()).isEmpty();
  }

  @Test
  void givenAuthDisabled_authenticate_ignoresEvenAWrongKey() {
    AuthenticationResult result = service(AuthenticationSettings.disabled()).authenticate(presentingKey(WRONG_KEY));

    assertThat(result).isEqualTo(new AuthenticationResult.Authenticated(Principal.anonymous()));
  }

  @Test
  void givenValidKey_authenticate_returnsThePrincipalNamedAfterTheKey() {
    storeAliceKey();

    AuthenticationResult result = apiKeyService(Duration.ofSeconds(5)).authenticate(presentingKey(ALICE_KEY));

    assertThat(result)
        .isEqualTo(
            new AuthenticationResult.Authenticated(PrincipalFixtures.apiKeyUser("alice", "team-a", "oncall")));
    Principal principal = ((AuthenticationResult.Authenticated) result).principal();
    assertThat(principal.authMethod()).isEqualTo(AuthMethod.API_KEY);
    assertThat(principal.groups()).containsExactlyInAnyOrder("team-a", "oncall");
    assertThat(audited()).isEmpty();
  }

  @Test
  void givenTwoKeysSharingAPrefix_authenticate_picksTheOneThatMatches() {
    storeAliceKey();
    keys.save(ApiKeyFixtures.issuedKey("mallory", WRONG_KEY, NOW.minusSeconds(60)));

    AuthenticationResult result = apiKeyService(Duration.ofSeconds(5)).authenticate(presentingKey(WRONG_KEY));

    assertThat(((AuthenticationResult.Authenticated) result).principal().name()).isEqualTo("mallory");
  }

  static Stream<Arguments> rejectedKeys() {
    // The reason stays in the audit record and the logs; callers only learn that they were refused.
    return Stream.of(
        Arguments.of("wrong key, same prefix", WRONG_KEY, false, false, "unknown API key", null),
        Arguments.of("unknown key", "Zz9!unknown-key-but-long", false, false, "unknown API key", null),
        Arguments.of("revoked key", ALICE_KEY, true, false, "API key %s is revoked", "alice"),
        Arguments.of("expired key", ALICE_KEY, false, true, "API key %s is expired", "alice"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("rejectedKeys")
  void givenUnusableKey_authenticate_rejectsAndAuditsOnceWithoutTheKey(
      String what, String presented, boolean revoke, boolean expire, String reasonFormat, String principal) {
    ApiKey key = ApiKeyFixtures.expiringKey("alice", ALICE_KEY, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(1)));
    keys.save(revoke ? key.revoke(NOW.minusSeconds(1)) : key);
    if (expire) {
      clock.advance(Duration.ofHours(2));
    }
    String reason = String.format(reasonFormat, key.id());

    AuthenticationResult result = apiKeyService(Duration.ofSeconds(5)).authenticate(presentingKey(presented));

    assertThat(result).isEqualTo(new AuthenticationResult.Rejected(reason));
    AuditEvent event = singleAudited();
    assertThat(event.type()).isEqualTo(AuditEventType.AUTHENTICATION);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(event.action()).isEqualTo("authenticate");
    assertThat(event.authMethod()).isEqualTo("apikey");
    assertThat(event.principal()).isEqualTo(principal);
    assertThat(event.clientAddress()).isEqualTo("10.0.0.7");
    assertThat(event.transport()).isEqualTo("streamable-http");
    assertThat(event.sessionId()).isEqualTo("session-1");
    assertThat(event.timestamp()).isEqualTo(clock.instant());
    assertThat(event.error()).isEqualTo(reason);
    assertThat(event.arguments()).isEqualTo(Map.of("reason", "invalid_api_key"));
    assertThat(event.toString()).doesNotContain(presented);
    assertThat(keys.recordedUses()).isEmpty();
  }

  @Test
  void givenNoCredential_authenticate_rejectsAndAuditsWithoutMethod() {
    AuthenticationResult result = apiKeyService(Duration.ofSeconds(5)).authenticate(presenting(new Credential.None()));

    assertThat(result).isEqualTo(new AuthenticationResult.Rejected("no credentials presented"));
    AuditEvent event = singleAudited();
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(event.authMethod()).isNull();
    assertThat(event.principal()).isNull();
  }

  @Test
  void givenRepeatedFailuresFromOneAddress_authenticate_blocksThatAddressEvenWithAValidKey() {
    storeAliceKey();
    AuthenticateService service = apiKeyService(Duration.ofSeconds(5));
    for (int i = 0; i < 5; i++) {
      service.authenticate(presentingKey(WRONG_KEY));
    }

    AuthenticationResult blocked = service.authenticate(presentingKey(ALICE_KEY));
    AuthenticationResult otherAddress =
        service.authenticate(new AuthenticateCommand(new Credential.ApiKey(ALICE_KEY), new RequestOrigin("10.0.0.8", "sse", null)));

    assertThat(blocked).isEqualTo(new AuthenticationResult.Rejected("source blocked after repeated authentication failures"));
    assertThat(otherAddress).isInstanceOf(AuthenticationResult.Authenticated.class);
    assertThat(audited()).hasSize(6).last().extracting(AuditEvent::arguments).isEqualTo(Map.of("reason", "blocked"));
  }

  @Test
  void givenTokenWithoutRequiredScope_authenticate_reportsInsufficientScope() {
    Principal bob = PrincipalFixtures.jwtUser("bob");
    AuthenticationSettings jwt =
        new AuthenticationSettings(true, Set.of(AuthMethod.JWT), Duration.ofSeconds(5), Set.of("mcp:tools"));

    AuthenticationResult without = service(jwt).authenticate(presenting(new Credential.VerifiedToken(bob, Set.of("openid"))));
    AuthenticationResult with =
        service(jwt).authenticate(presenting(new Credential.VerifiedToken(bob, Set.of("openid", "mcp:tools"))));

    assertThat(without).isEqualTo(new AuthenticationResult.InsufficientScope(bob, Set.of("mcp:tools")));
    assertThat(with).isEqualTo(new AuthenticationResult.Authenticated(bob));
    assertThat(audited())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.principal()).isEqualTo(bob.name());
              assertThat(e.error()).isEqualTo("token lacks scope mcp:tools");
              assertThat(e.arguments()).isEqualTo(Map.of("reason", "insufficient_scope"));
            });
  }

  @Test
  void givenRejectedToken_authenticate_rejectsWithTheRuntimesReason() {
    AuthenticationSettings both =
        new AuthenticationSettings(true, EnumSet.of(AuthMethod.API_KEY, AuthMethod.JWT), Duration.ofSeconds(5));

    AuthenticationResult result = service(both).authenticate(presenting(new Credential.RejectedToken("signature invalid")));

    assertThat(result).isEqualTo(new AuthenticationResult.Rejected("invalid bearer token: signature invalid"));
    assertThat(singleAudited().authMethod()).isEqualTo("jwt");
  }

  @Test
  void givenVerifiedTokenAndJwtAccepted_authenticate_returnsTheTokensPrincipal() {
    Principal bob = PrincipalFixtures.jwtUser("bob", "devs");
    AuthenticationSettings jwt = new AuthenticationSettings(true, Set.of(AuthMethod.JWT), Duration.ofSeconds(5));

    AuthenticationResult result = service(jwt).authenticate(presenting(new Credential.VerifiedToken(bob)));

    assertThat(result).isEqualTo(new AuthenticationResult.Authenticated(bob));
  }

  @Test
  void givenVerifiedTokenButOnlyApiKeysAccepted_authenticate_rejects() {
    AuthenticationResult result =
        apiKeyService(Duration.ofSeconds(5))
            .authenticate(presenting(new Credential.VerifiedToken(PrincipalFixtures.jwtUser("bob"))));

    assertThat(result).isEqualTo(new AuthenticationResult.Rejected("bearer tokens are not accepted (auth.mode)"));
    assertThat(singleAudited().authMethod()).isEqualTo("jwt");
  }

  @Test
  void givenApiKeyButOnlyTokensAccepted_authenticate_rejectsEvenAValidKey() {
    storeAliceKey();
    AuthenticationSettings jwt = new AuthenticationSettings(true, Set.of(AuthMethod.JWT), Duration.ofSeconds(5));

    AuthenticationResult result = service(jwt).authenticate(presentingKey(ALICE_KEY));

    assertThat(result).isEqualTo(new AuthenticationResult.Rejected("API keys are not accepted (auth.mode)"));
    assertThat(singleAudited().toString()).doesNotContain(ALICE_KEY);
  }

  @Test
  void givenKeyRevokedInTheStore_authenticate_trustsTheCacheUntilTheTtlPasses() {
    ApiKey key = storeAliceKey();
    AuthenticateService service = apiKeyService(Duration.ofSeconds(30));
    assertThat(service.authenticate(presentingKey(ALICE_KEY))).isInstanceOf(AuthenticationResult.Authenticated.class);

    keys.save(key.revoke(clock.instant()));
    clock.advance(Duration.ofSeconds(29));
    AuthenticationResult withinTtl = service.authenticate(presentingKey(ALICE_KEY));
    clock.advance(Duration.ofSeconds(1));
    AuthenticationResult afterTtl = service.authenticate(presentingKey(ALICE_KEY));

    assertThat(withinTtl).isInstanceOf(AuthenticationResult.Authenticated.class);
    assertThat(afterTtl).isInstanceOf(AuthenticationResult.Rejected.class);
    assertThat(singleAudited().outcome()).isEqualTo(AuditOutcome.FAILED);
  }

  @Test
  void givenCachedKey_forgetVerifiedKeys_makesTheNextRequestReadTheStore() {
    ApiKey key = storeAliceKey();
    AuthenticateService service = apiKeyService(Duration.ofMinutes(10));
    service.authenticate(presentingKey(ALICE_KEY));
    keys.save(key.revoke(clock.instant()));

    service.forgetVerifiedKeys();

    assertThat(service.authenticate(presentingKey(ALICE_KEY))).isInstanceOf(AuthenticationResult.Rejected.class);
  }

  @Test
  void givenCachedKeyThatExpires_authenticate_rejectsItWithoutWaitingForTheTtl() {
    keys.save(ApiKeyFixtures.expiringKey("alice", ALICE_KEY, NOW.minusSeconds(60), NOW.plusSeconds(10)));
    AuthenticateService service = apiKeyService(Duration.ofMinutes(10));
    service.authenticate(presentingKey(ALICE_KEY));

    clock.advance(Duration.ofSeconds(10));

    assertThat(service.authenticate(presentingKey(ALICE_KEY))).isInstanceOf(AuthenticationResult.Rejected.class);
  }

  @Test
  void givenRepeatedUse_authenticate_recordsUseAtMostOncePerMinute() {
    ApiKey key = storeAliceKey();
    AuthenticateService service = apiKeyService(Duration.ofSeconds(5));

    service.authenticate(presentingKey(ALICE_KEY)); // T+0s: recorded
    clock.advance(Duration.ofSeconds(10));
    service.authenticate(presentingKey(ALICE_KEY)); // T+10s: cache refreshed, not recorded
    clock.advance(Duration.ofSeconds(50));
    service.authenticate(presentingKey(ALICE_KEY)); // T+60s: exactly a minute, not recorded
    clock.advance(Duration.ofSeconds(1));
    service.authenticate(presentingKey(ALICE_KEY)); // T+61s: recorded
    clock.advance(Duration.ofSeconds(1));
    service.authenticate(presentingKey(ALICE_KEY)); // T+62s: not recorded

    assertThat(keys.recordedUses())
        .containsExactly(
            new InMemoryApiKeyRepository.RecordedUse(key.id(), NOW),
            new InMemoryApiKeyRepository.RecordedUse(key.id(), NOW.plusSeconds(61)));
    assertThat(keys.findById(key.id()).orElseThrow().lastUsedAt()).contains(NOW.plusSeconds(61));
  }

  @Test
  void givenRejectedKey_authenticate_recordsNoUse() {
    storeAliceKey();

    apiKeyService(Duration.ofSeconds(5)).authenticate(presentingKey(WRONG_KEY));

    assertThat(keys.recordedUses()).isEmpty();
  }
}
