package io.cloudnativemcp.adapter.out.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writable secret stores that receive rotated API keys: a Kubernetes Secret through the API
 * (the fabric8 mock server in CRUD mode, over HTTP) and files in a directory, as a Secret volume
 * mounts them.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class SecretStoresIT {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @TempDir Path dir;
  KubernetesSecretStore kubernetes;

  @BeforeEach
  void connect() throws Exception {
    client.secrets().inAnyNamespace().delete();
    kubernetes = new KubernetesSecretStore(MockCluster.gateway(dir, server), "mcp", "mcp-rotated-keys");
  }

  private static String decoded(Secret secret, String key) {
    return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }

  @Test
  void givenNoSecretYet_write_createsItAndReadReturnsTheValue() {
    assertThat(kubernetes.read("api-key-ci")).isEmpty();

    kubernetes.write("api-key-ci", "first-rotated-key-value");

    Secret stored = client.secrets().inNamespace("mcp").withName("mcp-rotated-keys").get();
    assertThat(stored.getType()).isEqualTo("Opaque");
    assertThat(decoded(stored, "api-key-ci")).isEqualTo("first-rotated-key-value");
    assertThat(kubernetes.read("api-key-ci")).contains("first-rotated-key-value");
    assertThat(kubernetes.writable()).isTrue();
    assertThat(kubernetes.describe()).isEqualTo("Kubernetes Secret mcp/mcp-rotated-keys");
  }

  @Test
  void givenAnExistingSecret_write_replacesOneKeyAndKeepsTheOthers() {
    client.secrets().inNamespace("mcp").resource(
            new SecretBuilder().withNewMetadata().withName("mcp-rotated-keys").withNamespace("mcp").endMetadata()
                .addToData(Map.of(
                    "api-key-ci", Base64.getEncoder().encodeToString("old".getBytes(StandardCharsets.UTF_8)),
                    "monitoring-webhook-secret", Base64.getEncoder().encodeToString("hmac".getBytes(StandardCharsets.UTF_8))))
                .build())
        .create();

    kubernetes.write("api-key-ci", "second-rotated-key-value");

    Secret stored = client.secrets().inNamespace("mcp").withName("mcp-rotated-keys").get();
    assertThat(decoded(stored, "api-key-ci")).isEqualTo("second-rotated-key-value");
    assertThat(decoded(stored, "monitoring-webhook-secret")).isEqualTo("hmac");
    assertThat(kubernetes.read("monitoring-webhook-secret")).contains("hmac");
    assertThat(kubernetes.read("absent")).isEmpty();
  }

  @Test
  void givenAKeyNameASecretCannotHold_write_isRefusedWithoutTouchingTheSecret() {
    assertThatThrownBy(() -> kubernetes.write("api-key-\"x\":\"y", "value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid secret name");
    assertThat(client.secrets().inNamespace("mcp").withName("mcp-rotated-keys").get()).isNull();
  }

  @Test
  void givenADirectory_fileStore_writesPrivateFilesAndRereadsChangesFromOutside() throws Exception {
    FileSecretStore files = new FileSecretStore(dir);

    files.write("api-key-ci", "rotated-value");
    Path file = dir.resolve("api-key-ci");
    assertThat(Files.readString(file)).isEqualTo("rotated-value");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(files.read("api-key-ci")).contains("rotated-value");

    // The kubelet updates a mounted Secret behind the server's back: the next read sees it.
    Files.writeString(file, "changed-by-the-kubelet\n");
    assertThat(files.read("api-key-ci")).contains("changed-by-the-kubelet");
    assertThat(files.read("absent")).isEmpty();
    assertThatThrownBy(() -> files.read("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> files.write("../escape", "secret-value")).isInstanceOf(IllegalArgumentException.class);
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left behind").noneMatch(n -> n.startsWith("."));
    }
  }
}
