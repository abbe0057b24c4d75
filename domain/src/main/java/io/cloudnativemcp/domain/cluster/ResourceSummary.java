package io.cloudnativemcp.domain.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The compact row of a listing: what an assistant needs to spot a problem, nothing more.
 *
 * @param name object name
 * @param namespace namespace, or {@code null} for cluster-scoped objects
 * @param status a one-word status (pod phase or waiting reason, Ready/NotReady, Active…)
 * @param ready {@code 2/3} style readiness where it applies, else {@code null}
 * @param restarts container restarts for pods, else {@code null}
 * @param node node of a pod, else {@code null}
 * @param createdAt creation time
 * @param labels labels, or {@code null} when not asked for
 */
public record ResourceSummary(
    String name,
    String namespace,
    String status,
    String ready,
    Integer restarts,
    String node,
    Instant createdAt,
    Map<String, String> labels) {
  public ResourceSummary {
    Objects.requireNonNull(name, "'name' must not be null");
    labels = labels == null ? null : Map.copyOf(labels);
  }
}
