package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyState;
import java.util.Objects;

/** A key as listed: its record and its state now (the age limit applied). */
public record ApiKeyView(ApiKey key, ApiKeyState state) {
  public ApiKeyView {
    Objects.requireNonNull(key, "'key' must not be null");
    Objects.requireNonNull(state, "'state' must not be null");
  }
}
