package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.principal.Principal;
import java.util.Objects;

/** What a request presented to prove who it is. */
public sealed interface Credential
    permits Credential.ApiKey,
        Credential.VerifiedToken,
        Credential.RejectedToken,
        Credential.ClientCertificate,
        Credential.None {

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

  /**
   * A client certificate the TLS handshake verified against {@code server.tls.caFile}.
   *
   * @param commonName the subject's CN, which becomes the principal's name
   * @param subject the full subject DN
   * @param organizationalUnits the subject's OUs, which become the principal's groups
   */
  record ClientCertificate(String commonName, String subject, java.util.Set<String> organizationalUnits) implements Credential {
    public ClientCertificate {
      Objects.requireNonNull(commonName, "'commonName' must not be null");
      Objects.requireNonNull(subject, "'subject' must not be null");
      organizationalUnits = organizationalUnits == null ? java.util.Set.of() : java.util.Set.copyOf(organizationalUnits);
    }
  }

  /** Nothing was presented. */
  record None() implements Credential {}
}
