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

  static ApiClient connect(KubernetesSettings settings) {
    Optional<Path> kubeconfig = settings.kubeconfig().or(KubernetesConnection::defaultKubeconfig);
    ApiClient client;
    try {
      if (kubeconfig.isPresent()) {
        client = fromKubeconfig(kubeconfig.get(), settings);
      } else if (Files.isReadable(SERVICE_ACCOUNT_TOKEN) && System.getenv("KUBERNETES_SERVICE_HOST") != null) {
        client = ClientBuilder.cluster().build();
        LOG.info("Kubernetes: using the in-cluster service account");
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

  static final String HOW_TO_CONFIGURE =
      "Set KUBECONFIG (or kubernetes.kubeconfig in config.yaml) to a kubeconfig file, provide"
          + " ~/.kube/config, or run the server in a pod with a service account.";

  static ClusterNotConfiguredException notConfigured() {
    return new ClusterNotConfiguredException("No Kubernetes cluster is configured. " + HOW_TO_CONFIGURE);
  }

  private static ApiClient fromKubeconfig(Path file, KubernetesSettings settings) throws IOException {
    if (!Files.isReadable(file)) {
      throw new ClusterNotConfiguredException(
          "The kubeconfig file " + file + " does not exist or is not readable. " + HOW_TO_CONFIGURE);
    }
    KubeConfig config;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      config = KubeConfig.loadKubeConfig(reader);
    }
    config.setFile(file.toFile());
    if (settings.context().isPresent() && !config.setContext(settings.context().get())) {
      throw new ClusterNotConfiguredException(
          "The kubeconfig " + file + " has no context named '" + settings.context().get() + "'.");
    }
    LOG.info("Kubernetes: using kubeconfig " + file + (config.getCurrentContext() == null ? "" : ", context " + config.getCurrentContext()));
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
