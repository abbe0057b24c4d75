package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.principal.Principal;
import java.util.Objects;

/** What a request presented to prove who it is. */
public sealed interface Credential
    permits Credential.ApiKey, Credential.VerifiedToken, Credential.RejectedToken, Credential.None {

  /** An {@code X-API-Key} header. {@link #toString()} never shows the key. */
  record ApiKey(String key) implements Credential {
    public ApiKey {
      Objects.requireNonNull(key, "'key' must not be null");
    }

    @Override
    public String toString() {
      return "ApiKey[***]";
    }
  }

  /** A bearer token the runtime has already verified (MicroProfile JWT), with its scopes. */
  record VerifiedToken(Principal principal, java.util.Set<String> scopes) implements Credential {
    public VerifiedToken {
      Objects.requireNonNull(principal, "'principal' must not be null");
      scopes = scopes == null ? java.util.Set.of() : java.util.Set.copyOf(scopes);
    }

    public VerifiedToken(Principal principal) {
      this(principal, java.util.Set.of());
    }
  }

  /** A bearer token was presented and the runtime refused it. */
  record RejectedToken(String reason) implements Credential {}

  /** Nothing was presented. */
  record None() implements Credential {}
}
