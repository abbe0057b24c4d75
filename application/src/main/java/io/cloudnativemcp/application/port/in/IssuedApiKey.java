package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A key just issued: its record and its plaintext, which is shown this once.
 *
 * @param key the stored record
 * @param plaintext the key itself
 * @param replaces the key it replaces (rotation)
 * @param previousValidUntil when the replaced key stops working (rotation)
 */
public record IssuedApiKey(ApiKey key, String plaintext, Optional<ApiKeyId> replaces, Optional<Instant> previousValidUntil) {
  public IssuedApiKey {
    Objects.requireNonNull(key, "'key' must not be null");
    Objects.requireNonNull(plaintext, "'plaintext' must not be null");
    replaces = replaces == null ? Optional.empty() : replaces;
    previousValidUntil = previousValidUntil == null ? Optional.empty() : previousValidUntil;
  }

  @Override
  public String toString() {
    return "IssuedApiKey[" + key + ", plaintext=***]";
  }
}
