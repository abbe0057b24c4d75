package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.AuthenticateCommand;
import io.cloudnativemcp.application.port.in.AuthenticateUseCase;
import io.cloudnativemcp.application.port.in.AuthenticationResult;
import io.cloudnativemcp.application.port.in.Credential;
import io.cloudnativemcp.application.port.out.ApiKeyRepository;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.settings.AuthenticationSettings;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyHash;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates requests. API keys are hashed and compared in constant time with the stored
 * candidates that share their prefix; a verified key is trusted for {@code keyCacheTtl} before the
 * store is asked again. Every rejection is audited; the reason never reaches the caller.
 */
@ApplicationScoped
public class AuthenticateService implements AuthenticateUseCase {
  /** How often the last-used time of a key is written, at most. */
  static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

  private AuthenticationSettings settings;
  private ApiKeyRepository keys;
  private AuditTrail audit;
  private Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  /** For CDI's client proxy only. */
  protected AuthenticateService() {}

  @Inject
  public AuthenticateService(
      AuthenticationSettings settings, ApiKeyRepository keys, AuditTrail audit, Clock clock) {
    this.settings = settings;
    this.keys = keys;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public AuthenticationResult authenticate(AuthenticateCommand command) {
    if (!settings.enabled()) {
      return new AuthenticationResult.Authenticated(Principal.anonymous());
    }
    Credential credential = command.credential();
    if (credential instanceof Credential.ApiKey apiKey) {
      if (!settings.accepts(AuthMethod.API_KEY)) {
        return reject(command, AuthMethod.API_KEY, "API keys are not accepted (auth.mode)");
      }
      Optional<ApiKey> key = verify(apiKey.key());
      if (key.isEmpty()) {
        return reject(command, AuthMethod.API_KEY, "invalid, expired or revoked API key");
      }
      ApiKey k = key.get();
      return new AuthenticationResult.Authenticated(
          new Principal(new PrincipalId(k.name()), k.name(), AuthMethod.API_KEY, k.groups()));
    }
    if (credential instanceof Credential.VerifiedToken token) {
      if (!settings.accepts(AuthMethod.JWT)) {
        return reject(command, AuthMethod.JWT, "bearer tokens are not accepted (auth.mode)");
      }
      return new AuthenticationResult.Authenticated(token.principal());
    }
    if (credential instanceof Credential.RejectedToken rejected) {
      return reject(command, AuthMethod.JWT, "invalid bearer token: " + rejected.reason());
    }
    return reject(command, null, "no credentials presented");
  }

  /** Forgets cached verifications, so the next request of every key reads the store again. */
  public void forgetVerifiedKeys() {
    verified.clear();
  }

  private Optional<ApiKey> verify(String presented) {
    Instant now = clock.instant();
    ApiKeyHash hash = ApiKeyHash.of(presented);
    Verified cached = verified.get(hash.hex());
    if (cached != null && cached.fetchedAt.plus(settings.keyCacheTtl()).isAfter(now)) {
      return usable(cached, hash, now);
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
    Verified fresh = new Verified(match, now, cached == null ? null : cached.useRecordedAt);
    verified.put(hash.hex(), fresh);
    return usable(fresh, hash, now);
  }

  private Optional<ApiKey> usable(Verified entry, ApiKeyHash hash, Instant now) {
    if (!entry.key.hash().matches(hash) || !entry.key.isUsableAt(now)) {
      return Optional.empty();
    }
    if (entry.useRecordedAt == null || entry.useRecordedAt.plus(USE_RECORDING_INTERVAL).isBefore(now)) {
      verified.put(hash.hex(), new Verified(entry.key, entry.fetchedAt, now));
      keys.recordUse(entry.key.id(), now);
    }
    return Optional.of(entry.key);
  }

  private AuthenticationResult reject(AuthenticateCommand command, AuthMethod method, String reason) {
    audit.record(
        new AuditEvent(
            null,
            clock.instant(),
            AuditEventType.AUTHENTICATION,
            null,
            method == null ? null : method.wireName(),
            command.origin().clientAddress(),
            command.origin().transport(),
            command.origin().sessionId(),
            "authenticate",
            null,
            AuditOutcome.FAILED,
            reason,
            0,
            Map.of()));
    return new AuthenticationResult.Rejected(reason);
  }

  private record Verified(ApiKey key, Instant fetchedAt, Instant useRecordedAt) {}
}
