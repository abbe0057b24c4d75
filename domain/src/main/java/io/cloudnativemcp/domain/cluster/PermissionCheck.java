package io.cloudnativemcp.domain.cluster;

import java.util.Objects;
import java.util.Optional;

/** A question for the API server's authorizer: may the caller do this ({@code kubectl auth can-i})? */
public record PermissionCheck(
    String verb,
    String group,
    String resource,
    Optional<String> subresource,
    Optional<String> name,
    Optional<String> namespace) {
  public PermissionCheck {
    Objects.requireNonNull(verb, "'verb' must not be null");
    Objects.requireNonNull(resource, "'resource' must not be null");
    group = group == null ? "" : group;
    subresource = subresource == null ? Optional.empty() : subresource.filter(s -> !s.isBlank());
    name = name == null ? Optional.empty() : name.filter(s -> !s.isBlank());
    namespace = namespace == null ? Optional.empty() : namespace.filter(s -> !s.isBlank());
  }
}
