package io.cloudnativemcp.adapter.out.k8s;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Points the gateway at the fabric8 mock API server through a kubeconfig file, as a user would. */
final class MockCluster {
  private MockCluster() {}

  static Path kubeconfig(Path dir, String serverUrl) throws IOException {
    String url = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        contexts:
        - name: mock
          context:
            cluster: mock
            user: tester
            namespace: default
        current-context: mock
        users:
        - name: tester
          user:
            token: kube-token-never-shown
        """
            .formatted(url),
        StandardCharsets.UTF_8);
    return file;
  }

  static KubernetesClusterGateway gateway(Path dir, KubernetesMockServer server) throws IOException {
    return new KubernetesClusterGateway(
        new KubernetesSettings(
            Optional.of(kubeconfig(dir, server.url("/"))), Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }
}
