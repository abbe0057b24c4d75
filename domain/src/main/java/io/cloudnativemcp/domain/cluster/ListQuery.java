package io.cloudnativemcp.domain.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of resources of one kind.
 *
 * @param kind kind as the user wrote it: {@code pods}, {@code po}, {@code Deployment}, {@code deploy.apps}
 * @param namespace namespace, or empty for all namespaces (and for cluster-scoped kinds)
 * @param labelSelector Kubernetes label selector, or {@code null}
 * @param fieldSelector Kubernetes field selector, or {@code null}
 * @param limit page size
 * @param continueToken token from the previous page, or {@code null}
 */
public record ListQuery(
    String kind,
    Optional<String> namespace,
    String labelSelector,
    String fieldSelector,
    int limit,
    String continueToken) {
  public ListQuery {
    Objects.requireNonNull(kind, "'kind' must not be null");
    namespace = namespace == null ? Optional.empty() : namespace.filter(n -> !n.isBlank());
    if (limit < 1) {
      throw new IllegalArgumentException("'limit' must be positive");
    }
    labelSelector = blankToNull(labelSelector);
    fieldSelector = blankToNull(fieldSelector);
    continueToken = blankToNull(continueToken);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
