package io.cloudnativemcp.application.port.out;

/** No cluster connection is configured; the message says how to configure one. */
public class ClusterNotConfiguredException extends ClusterException {
  private static final long serialVersionUID = 1L;

  public ClusterNotConfiguredException(String message) {
    super("cluster_not_configured", message);
  }

  @Override
  public boolean callerError() {
    return false;
  }
}
