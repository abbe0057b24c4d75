package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.AuthenticateCommand;
import io.cloudnativemcp.application.port.in.AuthenticateUseCase;
import io.cloudnativemcp.application.port.in.AuthenticationResult;
import io.cloudnativemcp.application.port.in.Credential;
import io.cloudnativemcp.application.port.out.ApiKeyRepository;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.service.monitor.SecurityMonitor;
import io.cloudnativemcp.application.settings.AuthenticationSettings;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyHash;
import io.cloudnativemcp.domain.apikey.RotationPolicy;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.principal.AuthMethod;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.principal.PrincipalId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates requests. API keys are hashed and compared in constant time with the stored
 * candidates that share their prefix; a verified key is trusted for {@code keyCacheTtl} before the
 * store is asked again. Sources blocked by the failure monitor are refused like bad credentials.
 * Every rejection is audited and counted; the reason never reaches the caller.
 */
@ApplicationScoped
public class AuthenticateService implements AuthenticateUseCase {
  /** How often the last-used time of a key is written, at most. */
  static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

  private AuthenticationSettings settings;
  private ApiKeyRepository keys;
  private RotationPolicy rotation;
  private AuditTrail audit;
  private SecurityMonitor monitor;
  private MetricsRecorder metrics;
  private Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  /** For CDI's client proxy only. */
  protected AuthenticateService() {}

  @Inject
  public AuthenticateService(
      AuthenticationSettings settings,
      ApiKeyRepository keys,
      RotationPolicy rotation,
      AuditTrail audit,
      SecurityMonitor monitor,
      MetricsRecorder metrics,
      Clock clock) {
    this.settings = settings;
    this.keys = keys;
    this.rotation = rotation;
    this.audit = audit;
    this.monitor = monitor;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public AuthenticationResult authenticate(AuthenticateCommand command) {
    if (!settings.enabled()) {
      return new AuthenticationResult.Authenticated(Principal.anonymous());
    }
    Instant now = clock.instant();
    Credential credential = command.credential();
    AuthMethod method =
        credential instanceof Credential.ApiKey ? AuthMethod.API_KEY
            : credential instanceof Credential.ClientCertificate ? AuthMethod.MTLS
            : credential instanceof Credential.None ? null
            : AuthMethod.JWT;
    if (monitor.isBlocked(command.origin().clientAddress(), now)) {
      return reject(command, method, "blocked", "source blocked after repeated authentication failures", Optional.empty(), now);
    }
    if (credential instanceof Credential.ApiKey apiKey) {
      if (!settings.accepts(AuthMethod.API_KEY)) {
        return reject(command, method, "method_not_allowed", "API keys are not accepted (auth.mode)", Optional.empty(), now);
      }
      Optional<ApiKey> match = find(apiKey.key(), now);
      if (match.isEmpty()) {
        return reject(command, method, "invalid_api_key", "unknown API key", Optional.empty(), now);
      }
      ApiKey k = match.get();
      if (!rotation.isUsable(k, now)) {
        return reject(command, method, "invalid_api_key",
            "API key " + k.id() + " is " + rotation.stateOf(k, now).wireName(), Optional.of(k.name()), now);
      }
      recordUse(apiKey.key(), k, now);
      return new AuthenticationResult.Authenticated(
          new Principal(new PrincipalId(k.name()), k.name(), AuthMethod.API_KEY, k.groups()));
    }
    if (credential instanceof Credential.VerifiedToken token) {
      if (!settings.accepts(AuthMethod.JWT)) {
        return reject(command, method, "method_not_allowed", "bearer tokens are not accepted (auth.mode)", Optional.empty(), now);
      }
      Set<String> missing = new HashSet<>(settings.requiredScopes());
      missing.removeAll(token.scopes());
      if (!missing.isEmpty()) {
        // A valid token that lacks a scope: audited as a denial, but no sign of guessing, so the
        // failure monitor does not count it.
        metrics.authFailure("insufficient_scope");
        audit.record(
            new AuditEvent(
                null, now, AuditEventType.AUTHENTICATION, token.principal().name(), AuthMethod.JWT.wireName(),
                command.origin().clientAddress(), command.origin().transport(), command.origin().sessionId(), "authenticate", null,
                AuditOutcome.DENIED, "token lacks scope " + String.join(", ", new TreeSet<>(missing)), 0,
                Map.of("reason", "insufficient_scope")));
        return new AuthenticationResult.InsufficientScope(token.principal(), settings.requiredScopes());
      }
      return new AuthenticationResult.Authenticated(token.principal());
    }
    if (credential instanceof Credential.ClientCertificate certificate) {
      if (!settings.accepts(AuthMethod.MTLS)) {
        return reject(command, AuthMethod.MTLS, "method_not_allowed", "client certificates are not accepted as identity", Optional.empty(), now);
      }
      return new AuthenticationResult.Authenticated(
          new Principal(new PrincipalId(certificate.commonName()), certificate.subject(), AuthMethod.MTLS, certificate.organizationalUnits()));
    }
    if (credential instanceof Credential.RejectedToken rejected) {
      return reject(command, method, "invalid_token", "invalid bearer token: " + rejected.reason(), Optional.empty(), now);
    }
    return reject(command, null, "missing_credentials", "no credentials presented", Optional.empty(), now);
  }

  /** Forgets cached verifications, so the next request of every key reads the store again. */
  public void forgetVerifiedKeys() {
    verified.clear();
  }

  private Optional<ApiKey> find(String presented, Instant now) {
    ApiKeyHash hash = ApiKeyHash.of(presented);
    Verified cached = verified.get(hash.hex());
    if (cached != null && cached.fetchedAt.plus(settings.keyCacheTtl()).isAfter(now) && cached.key.hash().matches(hash)) {
      return Optional.of(cached.key);
    }
    ApiKey match = null;
    // Compare with every candidate, constant time each, so the time does not tell which matched.
    for (ApiKey candidate : keys.findByPrefix(ApiKey.prefixOf(presented))) {
      if (candidate.hash().matches(hash)) {
        match = candidate;
      }
    }
    if (match == null) {
      verified.remove(hash.hex());
      return Optional.empty();
    }
    verified.put(hash.hex(), new Verified(match, now, cached == null ? null : cached.useRecordedAt));
    return Optional.of(match);
  }

  private void recordUse(String presented, ApiKey key, Instant now) {
    String hex = ApiKeyHash.of(presented).hex();
    Verified entry = verified.get(hex);
    if (entry == null) {
      return;
    }
    if (entry.useRecordedAt == null || entry.useRecordedAt.plus(USE_RECORDING_INTERVAL).isBefore(now)) {
      verified.put(hex, new Verified(entry.key, entry.fetchedAt, now));
      keys.recordUse(key.id(), now);
    }
  }

  private AuthenticationResult reject(
      AuthenticateCommand command, AuthMethod method, String code, String reason, Optional<String> principal, Instant now) {
    metrics.authFailure(code);
    if (!code.equals("blocked")) {
      // A blocked source's retries must not renew its block forever.
      monitor.authenticationFailed(command.origin().clientAddress(), principal, now);
    }
    audit.record(
        new AuditEvent(
            null,
            now,
            AuditEventType.AUTHENTICATION,
            principal.orElse(null),
            method == null ? null : method.wireName(),
            command.origin().clientAddress(),
            command.origin().transport(),
            command.origin().sessionId(),
            "authenticate",
            null,
            AuditOutcome.FAILED,
            reason,
            0,
            Map.of("reason", code)));
    return new AuthenticationResult.Rejected(reason);
  }

  private record Verified(ApiKey key, Instant fetchedAt, Instant useRecordedAt) {}
}
