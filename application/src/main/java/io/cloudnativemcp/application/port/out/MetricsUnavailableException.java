package io.cloudnativemcp.application.port.out;

/** The cluster serves no resource metrics API (metrics-server is not installed or not ready). */
public class MetricsUnavailableException extends ClusterException {
  private static final long serialVersionUID = 1L;

  public MetricsUnavailableException(String message) {
    super("metrics_unavailable", message);
  }

  @Override
  public boolean callerError() {
    return false;
  }
}
