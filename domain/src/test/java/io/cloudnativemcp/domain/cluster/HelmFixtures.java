package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Helm 3 release records as the cluster keeps them: Secrets of type helm.sh/release.v1. */
public final class HelmFixtures {
  private HelmFixtures() {}

  /** The value of a release Secret's {@code data.release}: base64 of Helm's base64 of gzip of JSON. */
  public static String encode(String releaseJson) {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(releaseJson.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String helm = Base64.getEncoder().encodeToString(gz.toByteArray());
    return Base64.getEncoder().encodeToString(helm.getBytes(StandardCharsets.US_ASCII));
  }

  /** Helm's JSON of one revision. */
  public static String releaseJson(
      String name, String namespace, int revision, String status, String chart, String chartVersion, String values, String manifest) {
    return "{\"name\":\"" + name + "\",\"namespace\":\"" + namespace + "\",\"version\":" + revision
        + ",\"info\":{\"first_deployed\":\"2026-01-01T10:00:00Z\",\"last_deployed\":\"2026-01-0" + Math.min(9, revision)
        + "T10:00:00Z\",\"description\":\"" + (status.equals("failed") ? "Upgrade \\\"" + name + "\\\" failed: timed out waiting for the condition" : "Install complete")
        + "\",\"status\":\"" + status + "\",\"notes\":\"Thanks for installing " + name + "\"},"
        + "\"chart\":{\"metadata\":{\"name\":\"" + chart + "\",\"version\":\"" + chartVersion + "\",\"appVersion\":\"1.0." + revision + "\"},"
        + "\"values\":{\"replicaCount\":1,\"image\":{\"repository\":\"nginx\",\"tag\":\"stable\"}}},"
        + "\"config\":" + values + ",\"manifest\":" + JsonText.write(manifest) + "}";
  }

  /** The release Secret of one revision. */
  public static Map<String, Object> releaseSecret(
      String name, String namespace, int revision, String status, String chart, String values, String manifest) {
    return map(
        "apiVersion", "v1",
        "kind", "Secret",
        "type", HelmRelease.SECRET_TYPE,
        "metadata",
            map(
                "name", "sh.helm.release.v1." + name + ".v" + revision,
                "namespace", namespace,
                "labels", map("name", name, "owner", "helm", "status", status, "version", String.valueOf(revision))),
        "data", map("release", encode(releaseJson(name, namespace, revision, status, chart, "2.1." + revision, values, manifest))));
  }
}
