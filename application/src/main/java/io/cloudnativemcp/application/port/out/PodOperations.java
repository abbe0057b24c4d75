package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.cluster.Eviction;
import io.cloudnativemcp.domain.cluster.ExecRequest;
import io.cloudnativemcp.domain.cluster.ExecResult;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import java.util.Optional;

/** Outgoing port for what only pods do: logs, commands in containers, evictions. */
public interface PodOperations {

  /** The same port for a context and an identity (see {@link ClusterGateway#on}). */
  PodOperations on(ClusterTarget target);

  /** Reads the last lines of a container's log. */
  String podLog(PodLogQuery query);

  /**
   * Runs a command in a container and collects its output, bounded in time and size.
   *
   * @throws ClusterRequestException when the pod is not running or the container does not exist
   */
  ExecResult exec(ExecRequest request);

  /**
   * Asks the API server to evict a pod, honouring PodDisruptionBudgets: a budget that would be
   * broken answers {@link Eviction.Outcome#BLOCKED_BY_DISRUPTION_BUDGET} rather than an error.
   */
  Eviction evict(String namespace, String pod, Optional<Long> gracePeriodSeconds);
}
