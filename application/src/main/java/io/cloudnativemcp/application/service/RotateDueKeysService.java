package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.RotateDueKeysUseCase;
import io.cloudnativemcp.application.port.out.ApiKeyRepository;
import io.cloudnativemcp.application.port.out.SecretStore;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyGenerator;
import io.cloudnativemcp.domain.apikey.RotationPolicy;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.logging.Logger;

/**
 * Rotates keys older than {@code secrets.rotation_interval}: the successor's plaintext goes to the
 * secret store under the key's name (so its holder can pick it up) and the old key keeps working
 * for the overlap. Without a writable secret store nothing is rotated, since a key nobody can read
 * would lock its holder out. Unusable keys are purged unless {@code secrets.keep_expired}.
 */
@Dependent
public class RotateDueKeysService implements RotateDueKeysUseCase {
  private static final Logger LOG = Logger.getLogger(RotateDueKeysService.class.getName());

  private final ApiKeyRepository keys;
  private final RotationPolicy rotation;
  private final SecretStore store;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApiKeyGenerator generator;

  @Inject
  public RotateDueKeysService(
      ApiKeyRepository keys, RotationPolicy rotation, SecretStore store, AuditTrail audit, Clock clock) {
    this(keys, rotation, store, audit, clock, new SecureRandom());
  }

  public RotateDueKeysService(
      ApiKeyRepository keys,
      RotationPolicy rotation,
      SecretStore store,
      AuditTrail audit,
      Clock clock,
      RandomGenerator random) {
    this.keys = keys;
    this.rotation = rotation;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.generator = new ApiKeyGenerator(random);
  }

  /** The secret-store name of a key's current plaintext. */
  public static String secretName(ApiKey key) {
    return secretName(key.name());
  }

  /**
   * {@code api-key-<name>}. Secret stores accept letters, digits, {@code .}, {@code _} and
   * {@code -}; a key name may also hold {@code @} (a mail address), which becomes {@code -at-}. A
   * name that holds {@code @} or {@code -at-} also gets the first 8 hex digits of its SHA-256, so
   * that two names never share a secret ({@code a@b} and {@code a-at-b} stay apart), and is cut to
   * the 253 characters a store accepts.
   */
  static String secretName(String keyName) {
    if (keyName.indexOf('@') < 0 && !keyName.contains("-at-")) {
      return "api-key-" + keyName;
    }
    String readable = keyName.replace("@", "-at-");
    String prefix = "api-key-";
    String suffix = "-" + sha256Prefix(keyName);
    int room = MAX_SECRET_NAME - prefix.length() - suffix.length();
    return prefix + (readable.length() > room ? readable.substring(0, room) : readable) + suffix;
  }

  private static final int MAX_SECRET_NAME = 253;

  private static String sha256Prefix(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public int rotateDueKeys() {
    Instant now = clock.instant();
    int rotated = 0;
    for (ApiKey key : keys.findAll()) {
      if (rotation.shouldPurge(key, now)) {
        keys.delete(key.id());
        record(now, "keys.purge", AuditOutcome.SUCCESS, null, Map.of("id", key.id().value(), "name", key.name()));
        continue;
      }
      if (!rotation.needsRotation(key, now)) {
        continue;
      }
      if (!store.writable()) {
        LOG.warning("Key " + key.id() + " (" + key.name() + ") is due for rotation, but the secret store ("
            + store.describe() + ") is read-only; configure secrets.store to rotate automatically.");
        continue;
      }
      Instant validUntil = rotation.previousValidUntil(now);
      String plaintext = generator.generate();
      ApiKey.Rotation r = key.rotate(plaintext, now, validUntil);
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("id", key.id().value());
      args.put("name", key.name());
      args.put("newId", r.successor().id().value());
      args.put("previousValidUntil", validUntil.toString());
      try {
        // The store first: a successor nobody can read must not exist.
        store.write(secretName(key), plaintext);
      } catch (RuntimeException e) {
        record(now, "keys.rotate.auto", AuditOutcome.ERROR, "secret store: " + e.getMessage(), args);
        continue;
      }
      keys.save(r.successor());
      keys.save(r.replaced());
      record(now, "keys.rotate.auto", AuditOutcome.SUCCESS, null, args);
      rotated++;
    }
    return rotated;
  }

  private void record(Instant now, String action, AuditOutcome outcome, String error, Map<String, Object> args) {
    audit.record(
        new AuditEvent(null, now, AuditEventType.ADMIN, "system", null, "local", "scheduler", null, action, null, outcome, error, 0, args));
  }
}
