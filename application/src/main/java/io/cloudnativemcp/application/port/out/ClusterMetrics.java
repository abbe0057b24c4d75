package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.ClusterTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outgoing port to the resource metrics API ({@code metrics.k8s.io}, served by metrics-server).
 * Items are {@code PodMetrics} and {@code NodeMetrics} objects as maps.
 */
public interface ClusterMetrics {

  /** The same port for a context and an identity (see {@link ClusterGateway#on}). */
  ClusterMetrics on(ClusterTarget target);

  /**
   * @throws MetricsUnavailableException when the cluster serves no metrics API
   * @throws ResourceNotFoundException when a named pod has no metrics
   */
  List<Map<String, Object>> podMetrics(Optional<String> namespace, Optional<String> name);

  /**
   * @throws MetricsUnavailableException when the cluster serves no metrics API
   * @throws ResourceNotFoundException when a named node has no metrics
   */
  List<Map<String, Object>> nodeMetrics(Optional<String> name);
}
