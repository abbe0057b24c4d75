package io.cloudnativemcp.domain.cluster;

import java.util.Objects;
import java.util.Optional;

/** One named resource. */
public record ResourceRef(String kind, String name, Optional<String> namespace) {
  public ResourceRef {
    Objects.requireNonNull(kind, "'kind' must not be null");
    Objects.requireNonNull(name, "'name' must not be null");
    namespace = namespace == null ? Optional.empty() : namespace.filter(n -> !n.isBlank());
  }
}
