package io.cloudnativemcp.domain.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A resource type the cluster serves, as API discovery reports it.
 *
 * @param group API group, empty for the core group
 * @param version the preferred version
 * @param kind kind, such as {@code Deployment}
 * @param plural resource name, such as {@code deployments}
 * @param singular singular name, such as {@code deployment}
 * @param namespaced whether objects live in namespaces
 * @param shortNames short names, such as {@code deploy}
 * @param verbs verbs the resource supports, empty when unknown
 */
public record ApiResource(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    List<String> verbs) {
  public ApiResource {
    group = group == null ? "" : group;
    Objects.requireNonNull(version, "'version' must not be null");
    Objects.requireNonNull(kind, "'kind' must not be null");
    Objects.requireNonNull(plural, "'plural' must not be null");
    singular = singular == null || singular.isBlank() ? kind.toLowerCase(Locale.ROOT) : singular;
    shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
    verbs = verbs == null ? List.of() : List.copyOf(verbs);
  }

  /** {@code v1} or {@code apps/v1}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code deployments.apps}, or {@code pods} for the core group: how kubectl names it. */
  public String qualifiedName() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** Whether the resource supports a verb; unknown verbs (no discovery data) count as supported. */
  public boolean supports(String verb) {
    return verbs.isEmpty() || verbs.contains(verb);
  }
}
