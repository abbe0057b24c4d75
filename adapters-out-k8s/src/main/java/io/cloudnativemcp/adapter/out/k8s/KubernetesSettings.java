package io.cloudnativemcp.adapter.out.k8s;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the cluster ({@code kubernetes.*}).
 *
 * @param kubeconfig explicit kubeconfig file; empty means {@code KUBECONFIG}, then
 *     {@code ~/.kube/config}, then the in-cluster service account
 * @param context kubeconfig context to use by default; empty means the current context
 * @param connectTimeout TCP connect timeout to the API server
 * @param requestTimeout read timeout of one API request
 * @param contexts further kubeconfig contexts tools may address with their {@code context}
 *     argument ({@code kubernetes.contexts}); {@code *} allows every context of the kubeconfig
 * @param impersonate whether calls carry {@code Impersonate-User}/{@code Impersonate-Group} of the
 *     caller, so the cluster's RBAC applies per person ({@code kubernetes.impersonate})
 */
public record KubernetesSettings(
    Optional<Path> kubeconfig,
    Optional<String> context,
    Duration connectTimeout,
    Duration requestTimeout,
    List<String> contexts,
    boolean impersonate) {
  public KubernetesSettings {
    kubeconfig = kubeconfig == null ? Optional.empty() : kubeconfig;
    context = context == null ? Optional.empty() : context.filter(c -> !c.isBlank());
    Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
    Objects.requireNonNull(requestTimeout, "'requestTimeout' must not be null");
    contexts = contexts == null ? List.of() : List.copyOf(contexts);
  }

  /** One context, no impersonation. */
  public KubernetesSettings(
      Optional<Path> kubeconfig, Optional<String> context, Duration connectTimeout, Duration requestTimeout) {
    this(kubeconfig, context, connectTimeout, requestTimeout, List.of(), false);
  }

  public static KubernetesSettings defaults() {
    return new KubernetesSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** Whether a context other than the default may be addressed. */
  public boolean allowsContext(String name) {
    return contexts.contains("*") || contexts.contains(name);
  }
}
