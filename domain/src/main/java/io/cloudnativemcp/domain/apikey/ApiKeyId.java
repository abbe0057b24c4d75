package io.cloudnativemcp.domain.apikey;

import java.util.Objects;
import java.util.UUID;

/** Identifier of an API key record (a UUID). */
public record ApiKeyId(String value) {
  public ApiKeyId {
    Objects.requireNonNull(value, "'value' must not be null");
    try {
      UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("an API key id is a UUID", e);
    }
  }

  public static ApiKeyId random() {
    return new ApiKeyId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
