package io.cloudnativemcp.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Company SSO ({@code auth.jwt.*}): how bearer tokens are verified by MicroProfile JWT on Liberty.
 *
 * @param issuer expected {@code iss}
 * @param audiences accepted {@code aud} values (empty: not checked)
 * @param jwksUri the provider's JWKS endpoint (keys by {@code kid}, refreshed when a new one appears)
 * @param publicKeyPem a PEM public key instead of a JWKS
 * @param groupsClaim claim that lists the caller's groups
 * @param clockSkew tolerated clock difference for {@code exp}/{@code nbf}
 * @param algorithm the signature algorithm tokens must use (asymmetric only; the identity
 *     provider's, RS256 by default)
 * @param requiredScopes scopes every token must carry
 * @param caFile PEM CA certificates the provider's HTTPS certificate chains to, trusted in addition
 *     to the JDK's CAs when the discovery document and the JWKS are fetched (a company CA)
 */
public record JwtSettings(
    String issuer,
    List<String> audiences,
    Optional<String> jwksUri,
    Optional<String> publicKeyPem,
    String groupsClaim,
    Duration clockSkew,
    String algorithm,
    List<String> requiredScopes,
    Optional<Path> caFile) {
  public static final List<String> ALLOWED_ALGORITHMS = List.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");

  public JwtSettings {
    Objects.requireNonNull(issuer, "'issuer' must not be null");
    audiences = List.copyOf(audiences);
    requiredScopes = List.copyOf(requiredScopes);
    Objects.requireNonNull(caFile, "'caFile' must not be null");
    if (jwksUri.isEmpty() && publicKeyPem.isEmpty()) {
      throw new IllegalArgumentException("needs jwksUri, discoveryUrl or publicKey");
    }
    if (!ALLOWED_ALGORITHMS.contains(algorithm)) {
      throw new IllegalArgumentException(
          "algorithm " + algorithm + " is not allowed: use RS256/384/512 or ES256/384/512 (none and HMAC are refused)");
    }
  }
}
