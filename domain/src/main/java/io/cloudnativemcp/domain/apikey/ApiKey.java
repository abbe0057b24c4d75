package io.cloudnativemcp.domain.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An API key record. The plaintext is never held: only its {@link ApiKeyHash} and a short prefix
 * that helps people recognise a key in listings. The key's principal is its name.
 */
public final class ApiKey {
  /** How long before expiry a key reports {@link ApiKeyState#EXPIRING}. */
  public static final Duration EXPIRY_WARNING = Duration.ofDays(7);

  private final ApiKeyId id;
  private final String name;
  private final Set<String> groups;
  private final String prefix;
  private final ApiKeyHash hash;
  private final ApiKeySource source;
  private final Instant createdAt;
  private final Instant expiresAt;
  private final Instant revokedAt;
  private final Instant lastUsedAt;
  private final ApiKeyId replacedBy;

  private ApiKey(
      ApiKeyId id,
      String name,
      Set<String> groups,
      String prefix,
      ApiKeyHash hash,
      ApiKeySource source,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt,
      ApiKeyId replacedBy) {
    this.id = Objects.requireNonNull(id, "'id' must not be null");
    this.name = requireName(name);
    this.groups = groups == null ? Set.of() : Set.copyOf(groups);
    this.prefix = Objects.requireNonNull(prefix, "'prefix' must not be null");
    this.hash = Objects.requireNonNull(hash, "'hash' must not be null");
    this.source = Objects.requireNonNull(source, "'source' must not be null");
    this.createdAt = Objects.requireNonNull(createdAt, "'createdAt' must not be null");
    if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a key must expire after it was created");
    }
    this.expiresAt = expiresAt;
    this.revokedAt = revokedAt;
    this.lastUsedAt = lastUsedAt;
    this.replacedBy = replacedBy;
  }

  /** A new key record for a plaintext key that has passed the strength rule. */
  public static ApiKey create(
      String name,
      Set<String> groups,
      String plaintextKey,
      ApiKeySource source,
      Instant now,
      Instant expiresAt) {
    KeyStrengthPolicy.seedGuide().requireStrong(plaintextKey, "the key for '" + name + "'");
    return new ApiKey(
        ApiKeyId.random(),
        name,
        groups,
        prefixOf(plaintextKey),
        ApiKeyHash.of(plaintextKey),
        source,
        now,
        expiresAt,
        null,
        null,
        null);
  }

  /** Rebuilds a stored key; for adapters only. */
  public static ApiKey restore(
      ApiKeyId id,
      String name,
      Set<String> groups,
      String prefix,
      ApiKeyHash hash,
      ApiKeySource source,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt,
      ApiKeyId replacedBy) {
    return new ApiKey(
        id, name, groups, prefix, hash, source, createdAt, expiresAt, revokedAt, lastUsedAt,
        replacedBy);
  }

  /** The first characters of a key, enough to recognise it and too few to guess it. */
  public static String prefixOf(String plaintextKey) {
    return plaintextKey.substring(0, Math.min(6, plaintextKey.length()));
  }

  public ApiKeyState stateAt(Instant now) {
    if (revokedAt != null && !revokedAt.isAfter(now)) {
      return ApiKeyState.REVOKED;
    }
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      return ApiKeyState.EXPIRED;
    }
    if (replacedBy != null || (expiresAt != null && now.plus(EXPIRY_WARNING).isAfter(expiresAt))) {
      return ApiKeyState.EXPIRING;
    }
    return ApiKeyState.ACTIVE;
  }

  public boolean isUsableAt(Instant now) {
    return stateAt(now).isUsable();
  }

  /** The key is revoked from {@code now} on. */
  public ApiKey revoke(Instant now) {
    if (revokedAt != null) {
      return this;
    }
    return new ApiKey(
        id, name, groups, prefix, hash, source, createdAt, expiresAt, now, lastUsedAt, replacedBy);
  }

  public ApiKey markUsed(Instant now) {
    return new ApiKey(
        id, name, groups, prefix, hash, source, createdAt, expiresAt, revokedAt, now, replacedBy);
  }

  /**
   * Rotates this key: a successor with the same name and groups (and the same lifetime, if the key
   * had one), and this key marked as replaced, usable until {@code validUntil}.
   *
   * @param newPlaintext the successor's key, already generated
   */
  public Rotation rotate(String newPlaintext, Instant now, Instant validUntil) {
    Instant successorExpiry = expiresAt == null ? null : now.plus(Duration.between(createdAt, expiresAt));
    ApiKeySource successorSource = source == ApiKeySource.CONFIGURED ? ApiKeySource.ISSUED : source;
    ApiKey successor = create(name, groups, newPlaintext, successorSource, now, successorExpiry);
    return new Rotation(successor, replacedBy(successor.id(), validUntil));
  }

  /** The result of a rotation: the new key and the old one, now marked as replaced. */
  public record Rotation(ApiKey successor, ApiKey replaced) {}

  /** The key was replaced by {@code successor} and stays usable until {@code validUntil}. */
  public ApiKey replacedBy(ApiKeyId successor, Instant validUntil) {
    Instant until = expiresAt != null && expiresAt.isBefore(validUntil) ? expiresAt : validUntil;
    return new ApiKey(
        id, name, groups, prefix, hash, source, createdAt, until, revokedAt, lastUsedAt, successor);
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "'name' must not be null");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")) {
      throw new IllegalArgumentException(
          "a key name has 1 to 128 characters: letters, digits, '.', '_', '@', '-'");
    }
    return name;
  }

  public ApiKeyId id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Set<String> groups() {
    return groups;
  }

  public String prefix() {
    return prefix;
  }

  public ApiKeyHash hash() {
    return hash;
  }

  public ApiKeySource source() {
    return source;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  public Optional<ApiKeyId> replacedBy() {
    return Optional.ofNullable(replacedBy);
  }

  @Override
  public String toString() {
    return "ApiKey[" + id + ", " + name + ", " + prefix + "…]";
  }
}
