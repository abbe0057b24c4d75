package io.cloudnativemcp.domain.cluster;

import java.util.Objects;
import java.util.Optional;

/** Which log lines to read from a pod's container. */
public record PodLogQuery(
    String namespace,
    String pod,
    Optional<String> container,
    int tailLines,
    boolean previous,
    Optional<Integer> sinceSeconds) {
  public PodLogQuery {
    Objects.requireNonNull(namespace, "'namespace' must not be null");
    Objects.requireNonNull(pod, "'pod' must not be null");
    container = container == null ? Optional.empty() : container.filter(c -> !c.isBlank());
    sinceSeconds = sinceSeconds == null ? Optional.empty() : sinceSeconds;
    if (tailLines < 1) {
      throw new IllegalArgumentException("'tailLines' must be positive");
    }
  }
}
