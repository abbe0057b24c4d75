package io.cloudnativemcp.adapter.in.http;

import io.cloudnativemcp.domain.shared.NetworkRange;
import io.cloudnativemcp.domain.shared.TrustedProxies;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the HTTP edge.
 *
 * @param trustedProxies peers whose {@code X-Forwarded-For} is believed ({@code server.trustedProxies})
 * @param metricsAllowFrom networks that may read {@code /metrics} without credentials
 * @param publicUrl the server's external base URL, for the OAuth metadata (empty: from the request)
 * @param authorizationServers issuers to advertise in the protected-resource metadata
 * @param scopes scopes to advertise (and require of bearer tokens)
 * @param bearerAccepted whether bearer tokens are accepted ({@code auth.mode} includes jwt)
 * @param apiKeysAccepted whether API keys are accepted
 * @param allowedOrigins browser origins allowed on the MCP endpoints (DNS rebinding protection)
 * @param allowedHosts Host header values allowed (empty: any)
 * @param tls whether the server terminates TLS (HSTS is sent only then)
 * @param certificatePrincipal whether a verified client certificate identifies the caller
 */
public record HttpSecuritySettings(
    TrustedProxies trustedProxies,
    List<NetworkRange> metricsAllowFrom,
    Optional<String> publicUrl,
    List<String> authorizationServers,
    List<String> scopes,
    boolean bearerAccepted,
    boolean apiKeysAccepted,
    List<String> allowedOrigins,
    List<String> allowedHosts,
    boolean tls,
    boolean certificatePrincipal) {
  public HttpSecuritySettings {
    Objects.requireNonNull(trustedProxies, "'trustedProxies' must not be null");
    metricsAllowFrom = List.copyOf(metricsAllowFrom);
    publicUrl = publicUrl == null ? Optional.empty() : publicUrl;
    authorizationServers = List.copyOf(authorizationServers);
    scopes = List.copyOf(scopes);
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHosts = List.copyOf(allowedHosts);
  }

  public static HttpSecuritySettings defaults() {
    return new HttpSecuritySettings(
        TrustedProxies.none(),
        List.of(NetworkRange.parse("127.0.0.1/32"), NetworkRange.parse("::1/128")),
        Optional.empty(),
        List.of(),
        List.of(),
        false,
        true,
        List.of(),
        List.of(),
        false,
        false);
  }

  public boolean metricsOpenTo(String address) {
    return metricsAllowFrom.stream().anyMatch(n -> n.contains(address));
  }
}
