package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.principal.Principal;
import java.util.Objects;

/** Authenticated with a principal, or rejected. */
public sealed interface AuthenticationResult
    permits AuthenticationResult.Authenticated,
        AuthenticationResult.Rejected,
        AuthenticationResult.InsufficientScope {

  record Authenticated(Principal principal) implements AuthenticationResult {
    public Authenticated {
      Objects.requireNonNull(principal, "'principal' must not be null");
    }
  }

  /**
   * Rejected. The reason is for logs and audit; responses stay uniform so that a caller cannot
   * tell a wrong key from a revoked or unknown one.
   */
  record Rejected(String reason) implements AuthenticationResult {
    public Rejected {
      Objects.requireNonNull(reason, "'reason' must not be null");
    }
  }

  /** A valid token without the scopes this server requires (HTTP 403 {@code insufficient_scope}). */
  record InsufficientScope(Principal principal, java.util.Set<String> required) implements AuthenticationResult {
    public InsufficientScope {
      Objects.requireNonNull(principal, "'principal' must not be null");
      required = java.util.Set.copyOf(required);
    }
  }
}
