package io.cloudnativemcp.adapter.out.k8s;

import io.cloudnativemcp.application.port.out.SecretStore;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.util.PatchUtils;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets as keys of one Kubernetes Secret, read and written through the API with the server's
 * own credentials (never a caller's). Writing needs {@code get} and {@code patch} on that one
 * Secret: grant it with a Role naming the Secret, not a wildcard.
 */
public final class KubernetesSecretStore implements SecretStore {
  private final KubernetesClusterGateway cluster;
  private final String namespace;
  private final String name;

  public KubernetesSecretStore(KubernetesClusterGateway cluster, String namespace, String name) {
    this.cluster = cluster;
    this.namespace = namespace;
    this.name = name;
  }

  @Override
  public Optional<String> read(String key) {
    try {
      V1Secret secret = new CoreV1Api(cluster.serverClient()).readNamespacedSecret(name, namespace).execute();
      Map<String, byte[]> data = secret.getData();
      return data == null || !data.containsKey(key) ? Optional.empty() : Optional.of(new String(data.get(key), StandardCharsets.UTF_8));
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw new IllegalStateException("cannot read Secret " + namespace + "/" + name + ": HTTP " + e.getCode());
    }
  }

  @Override
  public void write(String key, String value) {
    SecretNames.checked(key);
    CoreV1Api api = new CoreV1Api(cluster.serverClient());
    String encoded = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    try {
      // A merge patch changes this one key and keeps the others.
      String patch = "{\"data\":{\"" + key + "\":\"" + encoded + "\"}}";
      PatchUtils.patch(
          V1Secret.class,
          () -> api.patchNamespacedSecret(name, namespace, new V1Patch(patch)).buildCall(null),
          V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
          api.getApiClient());
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        throw new IllegalStateException("cannot write Secret " + namespace + "/" + name + ": HTTP " + e.getCode());
      }
      try {
        api.createNamespacedSecret(
                namespace,
                new V1Secret().apiVersion("v1").kind("Secret").metadata(new V1ObjectMeta().name(name).namespace(namespace))
                    .type("Opaque").data(Map.of(key, value.getBytes(StandardCharsets.UTF_8))))
            .execute();
      } catch (ApiException create) {
        throw new IllegalStateException("cannot create Secret " + namespace + "/" + name + ": HTTP " + create.getCode());
      }
    }
  }

  @Override
  public boolean writable() {
    return true;
  }

  @Override
  public String describe() {
    return "Kubernetes Secret " + namespace + "/" + name;
  }
}
