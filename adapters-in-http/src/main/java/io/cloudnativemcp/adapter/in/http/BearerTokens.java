package io.cloudnativemcp.adapter.in.http;

import io.cloudnativemcp.application.port.in.Credential;
import io.cloudnativemcp.domain.principal.AuthMethod;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.principal.PrincipalId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens are verified by the runtime (MicroProfile JWT: signature against the provider's
 * JWKS, issuer, audience, expiry, allowed algorithms). When it accepted the token, the request's
 * user principal is the token; when it refused it, there is no principal and the request is
 * refused here. The token itself is never kept or forwarded.
 */
public final class BearerTokens {
  private final String groupsClaim;

  /** @param groupsClaim the claim holding the groups ({@code auth.jwt.groupsClaim}) */
  public BearerTokens(String groupsClaim) {
    this.groupsClaim = groupsClaim;
  }

  Credential credentialOf(HttpServletRequest request) {
    if (!(request.getUserPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
      return new Credential.RejectedToken("the token was not accepted (signature, issuer, audience, expiry or algorithm)");
    }
    Principal principal =
        new Principal(new PrincipalId(token.getSubject()), displayName(token), AuthMethod.JWT, groups(token));
    return new Credential.VerifiedToken(principal, scopes(token));
  }

  private static String displayName(JsonWebToken token) {
    for (String claim : new String[] {"preferred_username", "upn", "email", "name"}) {
      Object v = token.getClaim(claim);
      if (v != null && !String.valueOf(v).isBlank()) {
        return unquote(String.valueOf(v));
      }
    }
    return token.getSubject();
  }

  private Set<String> groups(JsonWebToken token) {
    Set<String> groups = new LinkedHashSet<>();
    if (token.getGroups() != null) {
      groups.addAll(token.getGroups());
    }
    Object custom = token.getClaim(groupsClaim);
    if (custom instanceof Collection<?> c) {
      c.forEach(g -> groups.add(unquote(String.valueOf(g))));
    } else if (custom instanceof jakarta.json.JsonArray a) {
      a.forEach(v -> groups.add(unquote(v.toString())));
    }
    return groups;
  }

  private static Set<String> scopes(JsonWebToken token) {
    Set<String> scopes = new HashSet<>();
    Object scope = token.getClaim("scope");
    if (scope != null) {
      for (String s : unquote(String.valueOf(scope)).split(" ")) {
        if (!s.isBlank()) {
          scopes.add(s);
        }
      }
    }
    Object scp = token.getClaim("scp");
    if (scp instanceof Collection<?> c) {
      c.forEach(v -> scopes.add(unquote(String.valueOf(v))));
    } else if (scp instanceof jakarta.json.JsonArray a) {
      a.forEach(v -> scopes.add(unquote(v.toString())));
    } else if (scp != null) {
      scopes.add(unquote(String.valueOf(scp)));
    }
    return scopes;
  }

  /** JSON-P string values print with quotes. */
  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
