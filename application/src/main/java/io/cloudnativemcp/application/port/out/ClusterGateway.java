package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import java.util.Map;

/**
 * Outgoing port to a Kubernetes cluster. Objects cross it as JSON-like maps, so no client-library
 * type leaves the adapter. Every method may throw the {@link ClusterException} subclasses.
 */
public interface ClusterGateway {

  /** Lists one page of resources of a kind. */
  ResourcePage list(ListQuery query);

  /**
   * Reads one resource.
   *
   * @throws ResourceNotFoundException when it does not exist
   */
  Map<String, Object> get(ResourceRef ref);

  /** Reads the last lines of a container's log. */
  String podLog(PodLogQuery query);

  /** Whether the API server answers now (for readiness); never throws. */
  Reachability reachability();

  /** The answer of {@link #reachability()}. */
  enum Reachability {
    REACHABLE,
    UNREACHABLE,
    NOT_CONFIGURED
  }
}
