package io.cloudnativemcp.domain.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * One revision of a Helm release, decoded from the record Helm keeps in the cluster (a Secret of
 * type {@code helm.sh/release.v1} whose {@code release} key holds base64 of gzip of JSON). Reading
 * it needs no Helm binary and no chart repository.
 *
 * @param name release name
 * @param namespace namespace of the release
 * @param revision revision number (Helm's {@code version})
 * @param status {@code deployed}, {@code failed}, {@code pending-install}, {@code superseded}, …
 * @param chart chart name
 * @param chartVersion chart version
 * @param appVersion application version the chart declares
 * @param firstDeployed when the release was first installed
 * @param lastDeployed when this revision was deployed
 * @param description Helm's description of the last operation
 * @param notes the chart's rendered NOTES.txt
 * @param userValues the values the user supplied ({@code config})
 * @param chartValues the chart's default values
 * @param manifest the rendered manifest, as YAML documents
 */
public record HelmRelease(
    String name,
    String namespace,
    int revision,
    String status,
    String chart,
    String chartVersion,
    String appVersion,
    Instant firstDeployed,
    Instant lastDeployed,
    String description,
    String notes,
    Map<String, Object> userValues,
    Map<String, Object> chartValues,
    String manifest) {

  /** The Secret type Helm 3 stores releases under. */
  public static final String SECRET_TYPE = "helm.sh/release.v1";

  /** Bound of a decompressed release, so that a hostile record cannot exhaust memory. */
  static final int MAX_DECODED_BYTES = 64 * 1024 * 1024;

  private static final List<String> BROKEN = List.of("failed", "pending-install", "pending-upgrade", "pending-rollback", "unknown");

  public HelmRelease {
    Objects.requireNonNull(name, "'name' must not be null");
    status = status == null ? "unknown" : status;
    userValues = userValues == null ? Map.of() : userValues;
    chartValues = chartValues == null ? Map.of() : chartValues;
    manifest = manifest == null ? "" : manifest;
    notes = notes == null ? "" : notes;
    description = description == null ? "" : description;
  }

  /** {@code nginx-15.4.2}, as {@code helm list} shows it. */
  public String chartLabel() {
    return chartVersion == null || chartVersion.isBlank() ? nz(chart) : nz(chart) + "-" + chartVersion;
  }

  /** Whether the release is failed or stuck in a pending operation. */
  public boolean broken() {
    return BROKEN.contains(status.toLowerCase(Locale.ROOT));
  }

  /**
   * Decodes the {@code release} value of a release Secret's {@code data}, as the API returns it
   * (base64 of Helm's own base64 of gzip of JSON).
   *
   * @throws IllegalArgumentException when the value is not a Helm release record
   */
  public static HelmRelease decode(String secretDataValue) {
    if (secretDataValue == null || secretDataValue.isBlank()) {
      throw new IllegalArgumentException("the release record is empty");
    }
    byte[] helmEncoded;
    byte[] compressed;
    try {
      helmEncoded = Base64.getDecoder().decode(secretDataValue.strip());
      compressed = Base64.getDecoder().decode(new String(helmEncoded, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the release record is not base64: " + e.getMessage(), e);
    }
    byte[] json = compressed.length > 2 && (compressed[0] & 0xff) == 0x1f && (compressed[1] & 0xff) == 0x8b
        ? gunzip(compressed)
        : compressed; // very old records were stored uncompressed
    return fromJson(JsonText.parseObject(new String(json, StandardCharsets.UTF_8)));
  }

  /** Reads Helm's release JSON. */
  public static HelmRelease fromJson(Map<String, Object> r) {
    Map<String, Object> info = ObjectFields.map(r, "info");
    Map<String, Object> meta = ObjectFields.map(r, "chart", "metadata");
    Integer version = ObjectFields.integer(r, "version");
    return new HelmRelease(
        String.valueOf(r.getOrDefault("name", "")),
        ObjectFields.string(r, "namespace"),
        version == null ? 0 : version,
        ObjectFields.string(info, "status"),
        ObjectFields.string(meta, "name"),
        ObjectFields.string(meta, "version"),
        ObjectFields.string(meta, "appVersion"),
        ObjectFields.instant(info, "first_deployed"),
        ObjectFields.instant(info, "last_deployed"),
        ObjectFields.string(info, "description"),
        ObjectFields.string(info, "notes"),
        ObjectFields.map(r, "config"),
        ObjectFields.map(r, "chart", "values"),
        ObjectFields.string(r, "manifest"));
  }

  private static byte[] gunzip(byte[] compressed) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_DECODED_BYTES) {
          throw new IllegalArgumentException("the release record decompresses to more than " + MAX_DECODED_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("the release record is not valid gzip: " + e.getMessage(), e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
