package io.cloudnativemcp.application.settings;

import io.cloudnativemcp.domain.principal.AuthMethod;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How callers authenticate.
 *
 * @param enabled {@code auth.enabled}; when false every caller is anonymous
 * @param methods accepted methods ({@code auth.mode}: apikey, jwt, or both)
 * @param keyCacheTtl how long a verified key is trusted before the store is asked again; bounds
 *     how long a revoked key keeps working on another replica
 * @param requiredScopes scopes a bearer token must carry ({@code auth.jwt.requiredScopes})
 */
public record AuthenticationSettings(
    boolean enabled, Set<AuthMethod> methods, Duration keyCacheTtl, Set<String> requiredScopes) {
  public AuthenticationSettings {
    requiredScopes = requiredScopes == null ? Set.of() : Set.copyOf(requiredScopes);
    Objects.requireNonNull(methods, "'methods' must not be null");
    Objects.requireNonNull(keyCacheTtl, "'keyCacheTtl' must not be null");
    if (enabled && methods.isEmpty()) {
      throw new IllegalArgumentException("auth.mode must name at least one method");
    }
    methods = methods.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(methods));
  }

  public AuthenticationSettings(boolean enabled, Set<AuthMethod> methods, Duration keyCacheTtl) {
    this(enabled, methods, keyCacheTtl, Set.of());
  }

  public static AuthenticationSettings apiKeys() {
    return new AuthenticationSettings(true, Set.of(AuthMethod.API_KEY), Duration.ofSeconds(5));
  }

  public static AuthenticationSettings disabled() {
    return new AuthenticationSettings(false, Set.of(), Duration.ofSeconds(5));
  }

  public boolean accepts(AuthMethod method) {
    return methods.contains(method);
  }
}
