package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyCommand;
import io.cloudnativemcp.application.port.in.EnsureBootstrapAdminKeyUseCase;
import io.cloudnativemcp.application.port.out.ApiKeyRepository;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyGenerator;
import io.cloudnativemcp.domain.apikey.ApiKeyHash;
import io.cloudnativemcp.domain.apikey.ApiKeySource;
import io.cloudnativemcp.domain.apikey.KeyStrengthPolicy;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.principal.Principal;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keeps the bootstrap administrator's key in step with {@code auth.apiKey}: the configured key's
 * hash is stored (and a previous configured or generated key revoked); without a configured key,
 * one is generated once and its plaintext returned so it can be shown a single time.
 */
@Dependent
public class EnsureBootstrapAdminKeyService implements EnsureBootstrapAdminKeyUseCase {
  private final ApiKeyRepository keys;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApiKeyGenerator generator;

  @Inject
  public EnsureBootstrapAdminKeyService(ApiKeyRepository keys, AuditTrail audit, Clock clock) {
    this(keys, audit, clock, new SecureRandom());
  }

  public EnsureBootstrapAdminKeyService(
      ApiKeyRepository keys, AuditTrail audit, Clock clock, RandomGenerator random) {
    this.keys = keys;
    this.audit = audit;
    this.clock = clock;
    this.generator = new ApiKeyGenerator(random);
  }

  @Override
  public Optional<String> ensure(EnsureBootstrapAdminKeyCommand command) {
    Instant now = clock.instant();
    List<ApiKey> adminKeys =
        keys.findByName(Principal.BOOTSTRAP_ADMIN).stream()
            .filter(k -> k.source() != ApiKeySource.ISSUED && k.isUsableAt(now))
            .toList();
    if (command.configuredKey().isPresent()) {
      String configured = command.configuredKey().get();
      KeyStrengthPolicy.seedGuide().requireStrong(configured, "auth.apiKey");
      ApiKeyHash hash = ApiKeyHash.of(configured);
      boolean alreadyStored = false;
      for (ApiKey k : adminKeys) {
        if (k.source() == ApiKeySource.CONFIGURED && k.hash().matches(hash)) {
          alreadyStored = true;
        } else {
          keys.save(k.revoke(now));
          record(now, "bootstrap_admin_key.revoke", Map.of("id", k.id().value(), "reason", "auth.apiKey changed"));
        }
      }
      if (!alreadyStored) {
        reclaim(configured, hash, now);
        ApiKey stored = ApiKey.create(Principal.BOOTSTRAP_ADMIN, Set.of(), configured, ApiKeySource.CONFIGURED, now, null);
        keys.save(stored);
        record(now, "bootstrap_admin_key.configure", Map.of("id", stored.id().value(), "prefix", stored.prefix()));
      }
      return Optional.empty();
    }
    boolean hasGenerated = false;
    for (ApiKey k : adminKeys) {
      if (k.source() == ApiKeySource.CONFIGURED) {
        keys.save(k.revoke(now));
        record(now, "bootstrap_admin_key.revoke", Map.of("id", k.id().value(), "reason", "auth.apiKey removed"));
      } else {
        hasGenerated = true;
      }
    }
    if (hasGenerated) {
      return Optional.empty();
    }
    String plaintext = generator.generate();
    ApiKey generated =
        ApiKey.create(Principal.BOOTSTRAP_ADMIN, Set.of(), plaintext, ApiKeySource.GENERATED_BOOTSTRAP, now, null);
    keys.save(generated);
    record(now, "bootstrap_admin_key.generate", Map.of("id", generated.id().value(), "prefix", generated.prefix()));
    return Optional.of(plaintext);
  }

  /**
   * A configured value that comes back (a rollback to an earlier {@code auth.apiKey}) still has
   * the record it was revoked with, and hashes are unique: that old record makes way for the new
   * one. A value that is some issued key's is refused, since configuring it would take that key over.
   */
  private void reclaim(String configured, ApiKeyHash hash, Instant now) {
    for (ApiKey old : keys.findByPrefix(ApiKey.prefixOf(configured))) {
      if (!old.hash().matches(hash)) {
        continue;
      }
      if (old.source() != ApiKeySource.CONFIGURED || !old.name().equals(Principal.BOOTSTRAP_ADMIN)) {
        throw new IllegalStateException("auth.apiKey is the value of the issued API key '" + old.name() + "'; configure another value");
      }
      keys.delete(old.id());
      record(now, "bootstrap_admin_key.reclaim", Map.of("id", old.id().value(), "reason", "auth.apiKey set back to an earlier value"));
    }
  }

  private void record(Instant now, String action, Map<String, Object> details) {
    audit.record(
        new AuditEvent(
            null, now, AuditEventType.ADMIN, "system", null, "local", "startup", null, action, null,
            AuditOutcome.SUCCESS, null, 0, details));
  }
}
