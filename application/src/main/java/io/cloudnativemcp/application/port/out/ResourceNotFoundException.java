package io.cloudnativemcp.application.port.out;

/** The named resource does not exist. */
public class ResourceNotFoundException extends ClusterException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(String message) {
    super("not_found", message);
  }

  @Override
  public boolean callerError() {
    return true;
  }
}
