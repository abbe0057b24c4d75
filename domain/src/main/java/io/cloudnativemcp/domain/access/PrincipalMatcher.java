package io.cloudnativemcp.domain.access;

import io.cloudnativemcp.domain.principal.AuthMethod;
import io.cloudnativemcp.domain.principal.Principal;

/**
 * The {@code match} part of a rule. A principal matches when any listed criterion holds: its name
 * is in {@code users}, one of its groups is in {@code groups}, it authenticated with an API key
 * whose name is in {@code keys}, or {@code authenticated} is set. Every principal that reaches a
 * policy is authenticated, except {@code anonymous} when {@code auth.enabled} is false; switching
 * authentication off means trusting every caller as authenticated, so it matches too.
 */
public record PrincipalMatcher(GlobSet users, GlobSet groups, GlobSet keys, boolean anyAuthenticated) {
  public PrincipalMatcher {
    users = users == null ? GlobSet.none() : users;
    groups = groups == null ? GlobSet.none() : groups;
    keys = keys == null ? GlobSet.none() : keys;
  }

  public static PrincipalMatcher authenticated() {
    return new PrincipalMatcher(null, null, null, true);
  }

  public boolean matches(Principal principal) {
    if (anyAuthenticated) {
      return true;
    }
    if (users.matches(principal.name())) {
      return true;
    }
    if (principal.groups().stream().anyMatch(groups::matches)) {
      return true;
    }
    return principal.authMethod() == AuthMethod.API_KEY && keys.matches(principal.name());
  }
}
