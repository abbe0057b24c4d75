package io.cloudnativemcp.application.port.out;

import java.util.List;

/** A call named a kubeconfig context the server may not use; the message lists those it may. */
public class UnknownContextException extends ClusterException {
  private static final long serialVersionUID = 1L;

  public UnknownContextException(String context, List<String> available) {
    super(
        "unknown_context",
        "Unknown or disallowed context '"
            + context
            + "'. "
            + (available.isEmpty()
                ? "This server addresses one cluster only; omit 'context'."
                : "Use one of: " + String.join(", ", available) + "."));
  }

  @Override
  public boolean callerError() {
    return true;
  }
}
