package io.cloudnativemcp.domain.apikey;

/** Lifecycle state of a key at a given instant. */
public enum ApiKeyState {
  ACTIVE,
  /** Still usable, but replaced by a rotation or close to its expiry. */
  EXPIRING,
  EXPIRED,
  REVOKED;

  public boolean isUsable() {
    return this == ACTIVE || this == EXPIRING;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
