package io.cloudnativemcp.domain.access;

import java.util.Objects;

/** One entry of {@code policies:}: whom it matches and what it allows. */
public record AccessRule(String name, PrincipalMatcher match, Grant allow) {
  public AccessRule {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(match, "'match' must not be null");
    Objects.requireNonNull(allow, "'allow' must not be null");
  }
}
