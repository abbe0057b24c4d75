package io.cloudnativemcp.domain.cluster;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which cluster a call addresses and on whose behalf: a kubeconfig context (empty for the default
 * one) and the caller's identity. The adapter impersonates the identity only when the server is
 * configured to ({@code kubernetes.impersonate}); it never forwards the caller's credentials.
 *
 * @param context kubeconfig context name, or empty for the configured default
 * @param user the caller's name, or empty for the server's own identity
 * @param groups the caller's groups
 */
public record ClusterTarget(Optional<String> context, Optional<String> user, Set<String> groups) {
  public ClusterTarget {
    context = context == null ? Optional.empty() : context.filter(c -> !c.isBlank());
    user = user == null ? Optional.empty() : user.filter(u -> !u.isBlank());
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }

  /** The default context with the server's own identity (readiness, internal reads). */
  public static ClusterTarget server() {
    return new ClusterTarget(Optional.empty(), Optional.empty(), Set.of());
  }

  /** A call on behalf of a caller. */
  public static ClusterTarget caller(Optional<String> context, String user, Set<String> groups) {
    Objects.requireNonNull(user, "'user' must not be null");
    return new ClusterTarget(context, Optional.of(user), groups);
  }
}
