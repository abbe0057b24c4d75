package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ClusterTarget;
import java.util.List;

/**
 * Outgoing port to API discovery: which kinds and versions the cluster serves. Answers are cached
 * by the adapter and refreshed when a kind is not found.
 */
public interface ClusterDiscovery {

  /** The same port for a context and an identity (see {@link ClusterGateway#on}). */
  ClusterDiscovery on(ClusterTarget target);

  /**
   * Resolves a kind as a user writes it: kind, plural, singular, short name, {@code plural.group}
   * or {@code Kind.group}, case-insensitively; built-ins, CRDs and aggregated APIs alike.
   *
   * @throws UnknownKindException listing close matches
   */
  ApiResource resolve(String kind);

  /** Every resource type the cluster serves, subresources excluded. */
  List<ApiResource> resources();

  /** Every group version the cluster serves ({@code v1}, {@code apps/v1}, …). */
  List<String> apiVersions();

  /** Whether the cluster serves an API group (for example {@code route.openshift.io}). */
  default boolean servesGroup(String group) {
    return apiVersions().stream().anyMatch(v -> v.startsWith(group + "/"));
  }
}
