package io.cloudnativemcp.domain.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The seed guide's {@code secrets} block: keys older than {@code rotation_interval} are rotated
 * (the old one stays usable for {@code overlap}), keys older than {@code max_age} stop working,
 * and {@code keep_expired} keeps unusable keys listed for the audit instead of purging them.
 *
 * @param rotationInterval age at which a key is rotated automatically; empty disables rotation
 * @param maxAge age at which a key stops working; empty means no age limit
 * @param keepExpired whether expired and revoked keys stay listed
 * @param overlap how long a rotated key keeps working next to its successor
 */
public record RotationPolicy(
    Optional<Duration> rotationInterval, Optional<Duration> maxAge, boolean keepExpired, Duration overlap) {

  public RotationPolicy {
    rotationInterval = rotationInterval == null ? Optional.empty() : rotationInterval;
    maxAge = maxAge == null ? Optional.empty() : maxAge;
    Objects.requireNonNull(overlap, "'overlap' must not be null");
    rotationInterval.ifPresent(i -> requirePositive(i, "rotation_interval"));
    maxAge.ifPresent(a -> requirePositive(a, "max_age"));
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("the overlap must not be negative");
    }
    if (rotationInterval.isPresent() && maxAge.isPresent() && rotationInterval.get().plus(overlap).compareTo(maxAge.get()) > 0) {
      throw new IllegalArgumentException(
          "rotation_interval plus the overlap must not be longer than max_age, or keys would expire before their successor takes over");
    }
  }

  /** No rotation, no age limit, expired keys kept. */
  public static RotationPolicy none() {
    return new RotationPolicy(Optional.empty(), Optional.empty(), true, Duration.ofHours(24));
  }

  /** The key's state, with the age limit applied on top of its own expiry and revocation. */
  public ApiKeyState stateOf(ApiKey key, Instant now) {
    ApiKeyState own = key.stateAt(now);
    if (!own.isUsable()) {
      return own;
    }
    if (maxAge.isPresent()) {
      Instant agedOut = key.createdAt().plus(maxAge.get());
      if (!agedOut.isAfter(now)) {
        return ApiKeyState.EXPIRED;
      }
      if (now.plus(ApiKey.EXPIRY_WARNING).isAfter(agedOut)) {
        return ApiKeyState.EXPIRING;
      }
    }
    return own;
  }

  public boolean isUsable(ApiKey key, Instant now) {
    return stateOf(key, now).isUsable();
  }

  /** Whether the key is due for automatic rotation now. Configured keys rotate with the configuration. */
  public boolean needsRotation(ApiKey key, Instant now) {
    return rotationInterval.isPresent()
        && key.source() != ApiKeySource.CONFIGURED
        && key.replacedBy().isEmpty()
        && isUsable(key, now)
        && !key.createdAt().plus(rotationInterval.get()).isAfter(now);
  }

  /** Whether an unusable key should be deleted rather than kept for the audit. */
  public boolean shouldPurge(ApiKey key, Instant now) {
    return !keepExpired && !isUsable(key, now);
  }

  /** When a key replaced now stops working. */
  public Instant previousValidUntil(Instant now) {
    return now.plus(overlap);
  }

  private static void requirePositive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
