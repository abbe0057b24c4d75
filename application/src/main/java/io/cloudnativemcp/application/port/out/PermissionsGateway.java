package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.ClusterTarget;
import io.cloudnativemcp.domain.cluster.PermissionCheck;
import io.cloudnativemcp.domain.cluster.PermissionVerdict;

/**
 * Outgoing port to the cluster's authorizer (SelfSubjectAccessReview): it answers for the identity
 * the calls run as, which is the caller's own when the server impersonates.
 */
public interface PermissionsGateway {

  /** The same port for a context and an identity (see {@link ClusterGateway#on}). */
  PermissionsGateway on(ClusterTarget target);

  PermissionVerdict check(PermissionCheck check);
}
