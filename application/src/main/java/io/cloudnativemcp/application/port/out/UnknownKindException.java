package io.cloudnativemcp.application.port.out;

import java.util.List;

/** The kind is not served by the cluster; the message lists close matches. */
public class UnknownKindException extends ClusterException {
  private static final long serialVersionUID = 1L;

  private final List<String> suggestions;

  public UnknownKindException(String kind, List<String> suggestions) {
    super(
        "unknown_kind",
        "Unknown resource kind '"
            + kind
            + "'."
            + (suggestions.isEmpty() ? "" : " Did you mean: " + String.join(", ", suggestions) + "?"));
    this.suggestions = List.copyOf(suggestions);
  }

  public List<String> suggestions() {
    return suggestions;
  }

  @Override
  public boolean callerError() {
    return true;
  }
}
