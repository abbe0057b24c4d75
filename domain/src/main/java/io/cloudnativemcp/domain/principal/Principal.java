package io.cloudnativemcp.domain.principal;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller. It travels inside every command, so use cases never look it up from a
 * thread-local or a request.
 *
 * @param id stable name (key name, token subject)
 * @param displayName human readable name for logs and audit
 * @param authMethod how the identity was proved
 * @param groups groups or roles the identity provider asserted
 */
public record Principal(PrincipalId id, String displayName, AuthMethod authMethod, Set<String> groups) {

  /** The name of the bootstrap administrator that owns the key in {@code auth.apiKey}. */
  public static final String BOOTSTRAP_ADMIN = "admin";

  public Principal {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(authMethod, "'authMethod' must not be null");
    displayName = displayName == null || displayName.isBlank() ? id.value() : displayName;
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }

  /** The caller when authentication is disabled. */
  public static Principal anonymous() {
    return new Principal(new PrincipalId("anonymous"), "anonymous", AuthMethod.NONE, Set.of());
  }

  public boolean isBootstrapAdmin() {
    return authMethod == AuthMethod.API_KEY && BOOTSTRAP_ADMIN.equals(id.value());
  }

  public String name() {
    return id.value();
  }
}
