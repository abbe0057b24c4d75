package io.cloudnativemcp.application.settings;

import io.cloudnativemcp.domain.ratelimit.RateLimitPolicy;
import java.util.Objects;

/**
 * {@code ratelimit.*}: whether requests are limited, and the default per-principal and
 * per-address policy (rules in {@code policies} may override it per principal).
 */
public record RateLimitSettings(boolean enabled, RateLimitPolicy perPrincipal, RateLimitPolicy perAddress) {
  public RateLimitSettings {
    Objects.requireNonNull(perPrincipal, "'perPrincipal' must not be null");
    Objects.requireNonNull(perAddress, "'perAddress' must not be null");
  }

  public static RateLimitSettings disabled() {
    return new RateLimitSettings(false, RateLimitPolicy.seedGuide(), RateLimitPolicy.seedGuide());
  }
}
