package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ClusterDiscovery;
import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.port.out.ClusterMetrics;
import io.cloudnativemcp.application.port.out.PermissionsGateway;
import io.cloudnativemcp.application.port.out.PodOperations;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.tool.ToolArguments;
import java.util.Objects;

/**
 * The cluster as tools reach it. Tools never hold a raw port: every call goes through a
 * {@link ClusterSession} bound to the caller's identity and chosen context, which enforces the
 * server's denied kinds and namespaces before anything reaches the cluster.
 */
public final class Cluster {
  private final ClusterGateway resources;
  private final PodOperations pods;
  private final ClusterDiscovery discovery;
  private final ClusterMetrics metrics;
  private final PermissionsGateway permissions;
  private final ServerMode mode;
  private final MaskingPolicy masking;

  /** With the built-in masking rules for what the session masks itself (event messages). */
  public Cluster(
      ClusterGateway resources,
      PodOperations pods,
      ClusterDiscovery discovery,
      ClusterMetrics metrics,
      PermissionsGateway permissions,
      ServerMode mode) {
    this(resources, pods, discovery, metrics, permissions, mode, MaskingPolicy.defaults());
  }

  public Cluster(
      ClusterGateway resources,
      PodOperations pods,
      ClusterDiscovery discovery,
      ClusterMetrics metrics,
      PermissionsGateway permissions,
      ServerMode mode,
      MaskingPolicy masking) {
    this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
    this.pods = Objects.requireNonNull(pods, "'pods' must not be null");
    this.discovery = Objects.requireNonNull(discovery, "'discovery' must not be null");
    this.metrics = Objects.requireNonNull(metrics, "'metrics' must not be null");
    this.permissions = Objects.requireNonNull(permissions, "'permissions' must not be null");
    this.mode = Objects.requireNonNull(mode, "'mode' must not be null");
    this.masking = Objects.requireNonNull(masking, "'masking' must not be null").alwaysEnabled();
  }

  /** The session of one call: the {@code context} argument and the caller's identity. */
  ClusterSession session(ToolArguments arguments, ToolCall call) {
    ClusterTarget target =
        ClusterTarget.caller(arguments.string("context"), call.caller().name(), call.caller().groups());
    return new ClusterSession(
        resources.on(target), pods.on(target), discovery.on(target), metrics.on(target), permissions.on(target), mode, masking);
  }

  ServerMode mode() {
    return mode;
  }
}
