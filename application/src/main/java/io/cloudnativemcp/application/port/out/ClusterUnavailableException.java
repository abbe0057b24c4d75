package io.cloudnativemcp.application.port.out;

/** The API server could not be reached or answered with a server error. */
public class ClusterUnavailableException extends ClusterException {
  private static final long serialVersionUID = 1L;

  public ClusterUnavailableException(String message) {
    super("cluster_unavailable", message);
  }

  @Override
  public boolean callerError() {
    return false;
  }
}
