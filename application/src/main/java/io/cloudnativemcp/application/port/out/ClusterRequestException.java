package io.cloudnativemcp.application.port.out;

/** The API server refused the request as invalid (bad selector, bad continue token, conflict). */
public class ClusterRequestException extends ClusterException {
  private static final long serialVersionUID = 1L;

  public ClusterRequestException(String message) {
    super("cluster_bad_request", message);
  }

  @Override
  public boolean callerError() {
    return true;
  }
}
