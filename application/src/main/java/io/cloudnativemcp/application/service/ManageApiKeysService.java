package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.AdminRequest;
import io.cloudnativemcp.application.port.in.ApiKeyView;
import io.cloudnativemcp.application.port.in.CreateApiKeyCommand;
import io.cloudnativemcp.application.port.in.IssuedApiKey;
import io.cloudnativemcp.application.port.in.ManageApiKeysUseCase;
import io.cloudnativemcp.application.port.out.ApiKeyRepository;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.domain.access.AccessDeniedException;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.Permission;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyGenerator;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import io.cloudnativemcp.domain.apikey.ApiKeyNotFoundException;
import io.cloudnativemcp.domain.apikey.ApiKeySource;
import io.cloudnativemcp.domain.apikey.RotationPolicy;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.shared.ConflictException;
import io.cloudnativemcp.domain.shared.RuleViolationException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The API key lifecycle for principals holding {@code keys:admin}: issue, list, rotate (the old key
 * keeps working for the overlap), revoke. Keys are generated from {@code SecureRandom}; only their
 * hashes are stored; every action, allowed or refused, is audited.
 */
@Dependent
public class ManageApiKeysService implements ManageApiKeysUseCase {
  private final ApiKeyRepository keys;
  private final AccessPolicy policy;
  private final RotationPolicy rotation;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApiKeyGenerator generator;

  @Inject
  public ManageApiKeysService(
      ApiKeyRepository keys, AccessPolicy policy, RotationPolicy rotation, AuditTrail audit, Clock clock) {
    this(keys, policy, rotation, audit, clock, new SecureRandom());
  }

  public ManageApiKeysService(
      ApiKeyRepository keys,
      AccessPolicy policy,
      RotationPolicy rotation,
      AuditTrail audit,
      Clock clock,
      RandomGenerator random) {
    this.keys = keys;
    this.policy = policy;
    this.rotation = rotation;
    this.audit = audit;
    this.clock = clock;
    this.generator = new ApiKeyGenerator(random);
  }

  @Override
  public IssuedApiKey create(CreateApiKeyCommand command) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("name", command.name());
    args.put("groups", List.copyOf(command.groups()));
    command.expiresInDays().ifPresent(d -> args.put("expiresInDays", (long) d));
    authorize(command.request(), "keys.create", args);
    if (Principal.BOOTSTRAP_ADMIN.equals(command.name())) {
      RuleViolationException refused =
          new RuleViolationException("reserved_name", "The name 'admin' belongs to the bootstrap administrator (auth.apiKey).");
      record(command.request(), "keys.create", AuditOutcome.FAILED, refused.getMessage(), args);
      throw refused;
    }
    Instant now = clock.instant();
    String plaintext = generator.generate();
    ApiKey key;
    try {
      key =
          ApiKey.create(
              command.name(),
              command.groups(),
              plaintext,
              ApiKeySource.ISSUED,
              now,
              command.expiresInDays().map(d -> now.plus(Duration.ofDays(d))).orElse(null));
    } catch (IllegalArgumentException e) {
      RuleViolationException refused = new RuleViolationException("invalid_key_request", e.getMessage());
      record(command.request(), "keys.create", AuditOutcome.FAILED, refused.getMessage(), args);
      throw refused;
    }
    keys.save(key);
    args.put("id", key.id().value());
    args.put("prefix", key.prefix());
    record(command.request(), "keys.create", AuditOutcome.SUCCESS, null, args);
    return new IssuedApiKey(key, plaintext, Optional.empty(), Optional.empty());
  }

  @Override
  public List<ApiKeyView> list(AdminRequest request) {
    authorize(request, "keys.list", Map.of());
    Instant now = clock.instant();
    List<ApiKeyView> views =
        keys.findAll().stream()
            .filter(k -> !rotation.shouldPurge(k, now))
            .map(k -> new ApiKeyView(k, rotation.stateOf(k, now)))
            .toList();
    record(request, "keys.list", AuditOutcome.SUCCESS, null, Map.of("returned", (long) views.size()));
    return views;
  }

  @Override
  public IssuedApiKey rotate(AdminRequest request, ApiKeyId id) {
    Map<String, Object> args = new LinkedHashMap<>(Map.of("id", id.value()));
    authorize(request, "keys.rotate", args);
    ApiKey old = keys.findById(id).orElseThrow(() -> notFound(request, "keys.rotate", id, args));
    Instant now = clock.instant();
    if (old.replacedBy().isPresent()) {
      ConflictException conflict =
          new ConflictException("key_already_rotated", "Key " + id.value() + " was already replaced by " + old.replacedBy().get().value() + "; rotate that key instead.");
      record(request, "keys.rotate", AuditOutcome.FAILED, conflict.getMessage(), args);
      throw conflict;
    }
    if (!rotation.isUsable(old, now)) {
      ConflictException conflict =
          new ConflictException("key_not_usable", "Key " + id.value() + " is " + rotation.stateOf(old, now).wireName() + " and cannot be rotated; create a new key.");
      record(request, "keys.rotate", AuditOutcome.FAILED, conflict.getMessage(), args);
      throw conflict;
    }
    IssuedApiKey issued = replace(old, now);
    args.put("newId", issued.key().id().value());
    args.put("previousValidUntil", issued.previousValidUntil().map(Instant::toString).orElse(null));
    record(request, "keys.rotate", AuditOutcome.SUCCESS, null, args);
    return issued;
  }

  private IssuedApiKey replace(ApiKey old, Instant now) {
    Instant validUntil = rotation.previousValidUntil(now);
    String plaintext = generator.generate();
    ApiKey.Rotation r = old.rotate(plaintext, now, validUntil);
    // The successor first: if the second write failed, the old key would still be valid.
    keys.save(r.successor());
    keys.save(r.replaced());
    return new IssuedApiKey(r.successor(), plaintext, Optional.of(old.id()), Optional.of(validUntil));
  }

  @Override
  public void revoke(AdminRequest request, ApiKeyId id) {
    Map<String, Object> args = Map.of("id", id.value());
    authorize(request, "keys.revoke", args);
    ApiKey key = keys.findById(id).orElseThrow(() -> notFound(request, "keys.revoke", id, args));
    keys.save(key.revoke(clock.instant()));
    record(request, "keys.revoke", AuditOutcome.SUCCESS, null, args);
  }

  private ApiKeyNotFoundException notFound(AdminRequest request, String action, ApiKeyId id, Map<String, Object> args) {
    ApiKeyNotFoundException e = new ApiKeyNotFoundException(id);
    record(request, action, AuditOutcome.FAILED, e.getMessage(), args);
    return e;
  }

  private void authorize(AdminRequest request, String action, Map<String, Object> args) {
    if (!policy.hasPermission(request.principal(), Permission.KEYS_ADMIN)) {
      AccessDeniedException denied = new AccessDeniedException(request.principal().name(), Permission.KEYS_ADMIN);
      record(request, action, AuditOutcome.DENIED, denied.getMessage(), args);
      throw denied;
    }
  }

  private void record(AdminRequest request, String action, AuditOutcome outcome, String error, Map<String, Object> args) {
    audit.record(
        new AuditEvent(
            null,
            clock.instant(),
            AuditEventType.ADMIN,
            request.principal().name(),
            request.principal().authMethod().wireName(),
            request.origin().clientAddress(),
            request.origin().transport(),
            null,
            action,
            null,
            outcome,
            error,
            0,
            args));
  }
}
