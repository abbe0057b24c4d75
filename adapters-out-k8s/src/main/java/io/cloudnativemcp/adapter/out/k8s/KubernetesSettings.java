package io.cloudnativemcp.adapter.out.k8s;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the cluster ({@code kubernetes.*}).
 *
 * @param kubeconfig explicit kubeconfig file; empty means {@code KUBECONFIG}, then
 *     {@code ~/.kube/config}, then the in-cluster service account
 * @param context kubeconfig context to use; empty means the current context
 * @param connectTimeout TCP connect timeout to the API server
 * @param requestTimeout read timeout of one API request
 */
public record KubernetesSettings(
    Optional<Path> kubeconfig, Optional<String> context, Duration connectTimeout, Duration requestTimeout) {
  public KubernetesSettings {
    kubeconfig = kubeconfig == null ? Optional.empty() : kubeconfig;
    context = context == null ? Optional.empty() : context.filter(c -> !c.isBlank());
    Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
    Objects.requireNonNull(requestTimeout, "'requestTimeout' must not be null");
  }

  public static KubernetesSettings defaults() {
    return new KubernetesSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }
}
