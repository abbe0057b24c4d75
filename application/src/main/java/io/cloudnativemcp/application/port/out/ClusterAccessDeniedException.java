package io.cloudnativemcp.application.port.out;

/** The cluster's RBAC refused the request (403) or the credentials were rejected (401). */
public class ClusterAccessDeniedException extends ClusterException {
  private static final long serialVersionUID = 1L;

  public ClusterAccessDeniedException(String message) {
    super("cluster_forbidden", message);
  }

  @Override
  public boolean callerError() {
    return true;
  }
}
