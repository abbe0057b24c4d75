package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.ClusterNotConfiguredException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Finds the cluster and builds the API client: an explicit kubeconfig, then {@code KUBECONFIG},
 * then {@code ~/.kube/config}, then the in-cluster service account. Without any of them the
 * server still runs and every tool says what to configure.
 */
final class KubernetesConnection {
  static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");
  private static final Logger LOG = Logger.getLogger(KubernetesConnection.class.getName());

  private KubernetesConnection() {}

  /** The client of the default context. */
  static ApiClient connect(KubernetesSettings settings) {
    return connect(settings, Optional.empty());
  }

  /**
   * The client of a context; empty means the configured default.
   *
   * @throws ClusterNotConfiguredException when no cluster is configured or the context does not exist
   */
  static ApiClient connect(KubernetesSettings settings, Optional<String> context) {
    Optional<Path> kubeconfig = settings.kubeconfig().or(KubernetesConnection::defaultKubeconfig);
    ApiClient client;
    try {
      if (kubeconfig.isPresent()) {
        client = fromKubeconfig(kubeconfig.get(), context.or(settings::context));
      } else if (Files.isReadable(SERVICE_ACCOUNT_TOKEN) && System.getenv("KUBERNETES_SERVICE_HOST") != null) {
        if (context.isPresent()) {
          throw new ClusterNotConfiguredException(
              "The server runs with its in-cluster service account and has no kubeconfig contexts; omit 'context'.");
        }
        client = ClientBuilder.cluster().build();
        LOG.fine("Kubernetes: using the in-cluster service account");
      } else {
        throw notConfigured();
      }
    } catch (IOException e) {
      throw new ClusterNotConfiguredException(
          "The Kubernetes configuration could not be read (" + e.getMessage() + "). " + HOW_TO_CONFIGURE);
    }
    // Trailing slashes would make requests go to //api/...
    String base = client.getBasePath();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    client.setBasePath(base);
    client.setHttpClient(
        client.getHttpClient().newBuilder()
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .build());
    return client;
  }

  /** The names of the kubeconfig's contexts, or empty without a kubeconfig. */
  static List<String> contextNames(KubernetesSettings settings) {
    Optional<Path> kubeconfig = settings.kubeconfig().or(KubernetesConnection::defaultKubeconfig);
    if (kubeconfig.isEmpty() || !Files.isReadable(kubeconfig.get())) {
      return List.of();
    }
    try (Reader reader = Files.newBufferedReader(kubeconfig.get(), StandardCharsets.UTF_8)) {
      KubeConfig config = KubeConfig.loadKubeConfig(reader);
      List<String> names = new ArrayList<>();
      if (config.getContexts() != null) {
        for (Object c : config.getContexts()) {
          if (c instanceof Map<?, ?> m && m.get("name") != null) {
            names.add(String.valueOf(m.get("name")));
          }
        }
      }
      return names;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  static final String HOW_TO_CONFIGURE =
      "Set KUBECONFIG (or kubernetes.kubeconfig in config.yaml) to a kubeconfig file, provide"
          + " ~/.kube/config, or run the server in a pod with a service account.";

  static ClusterNotConfiguredException notConfigured() {
    return new ClusterNotConfiguredException("No Kubernetes cluster is configured. " + HOW_TO_CONFIGURE);
  }

  private static ApiClient fromKubeconfig(Path file, Optional<String> context) throws IOException {
    if (!Files.isReadable(file)) {
      throw new ClusterNotConfiguredException(
          "The kubeconfig file " + file + " does not exist or is not readable. " + HOW_TO_CONFIGURE);
    }
    KubeConfig config;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      config = KubeConfig.loadKubeConfig(reader);
    }
    config.setFile(file.toFile());
    if (context.isPresent() && !config.setContext(context.get())) {
      throw new ClusterNotConfiguredException("The kubeconfig " + file + " has no context named '" + context.get() + "'.");
    }
    LOG.fine("Kubernetes: using kubeconfig " + file + (config.getCurrentContext() == null ? "" : ", context " + config.getCurrentContext()));
    return ClientBuilder.kubeconfig(config).build();
  }

  private static Optional<Path> defaultKubeconfig() {
    String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      // Like kubectl, take the first file of a path list.
      return Optional.of(Path.of(env.split(java.io.File.pathSeparator)[0]));
    }
    Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
    return Files.isReadable(home) ? Optional.of(home) : Optional.empty();
  }
}
