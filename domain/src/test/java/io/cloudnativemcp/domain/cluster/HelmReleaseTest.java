package io.cloudnativemcp.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class HelmReleaseTest {
  static final String RELEASE_JSON =
      "{\"name\":\"shop\",\"namespace\":\"apps\",\"version\":3,"
          + "\"info\":{\"first_deployed\":\"2026-01-01T10:00:00Z\",\"last_deployed\":\"2026-01-05T12:30:00Z\","
          + "\"description\":\"Upgrade complete\",\"status\":\"deployed\",\"notes\":\"Visit http://shop\"},"
          + "\"chart\":{\"metadata\":{\"name\":\"nginx\",\"version\":\"15.4.2\",\"appVersion\":\"1.25.3\"},"
          + "\"values\":{\"replicaCount\":1,\"image\":{\"tag\":\"1.25\"}}},"
          + "\"config\":{\"replicaCount\":3,\"db\":{\"password\":\"s3cret\"}},"
          + "\"manifest\":\"---\\nkind: Service\\n\"}";

  /** What the API returns in a release Secret's data: base64 of Helm's base64 of gzip of JSON. */
  static String secretData(String json) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    String helm = Base64.getEncoder().encodeToString(gz.toByteArray());
    return Base64.getEncoder().encodeToString(helm.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void givenAReleaseRecord_decode_readsEveryField() throws IOException {
    HelmRelease r = HelmRelease.decode(secretData(RELEASE_JSON));

    assertThat(r.name()).isEqualTo("shop");
    assertThat(r.namespace()).isEqualTo("apps");
    assertThat(r.revision()).isEqualTo(3);
    assertThat(r.status()).isEqualTo("deployed");
    assertThat(r.chartLabel()).isEqualTo("nginx-15.4.2");
    assertThat(r.appVersion()).isEqualTo("1.25.3");
    assertThat(r.firstDeployed()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(r.lastDeployed()).isEqualTo(Instant.parse("2026-01-05T12:30:00Z"));
    assertThat(r.description()).isEqualTo("Upgrade complete");
    assertThat(r.notes()).isEqualTo("Visit http://shop");
    assertThat(r.userValues()).containsEntry("replicaCount", 3L);
    assertThat(r.chartValues()).containsEntry("replicaCount", 1L);
    assertThat(r.manifest()).isEqualTo("---\nkind: Service\n");
    assertThat(r.broken()).isFalse();
  }

  @Test
  void givenFailedOrPendingStatus_broken_isTrue() throws IOException {
    assertThat(HelmRelease.decode(secretData(RELEASE_JSON.replace("\"deployed\"", "\"failed\""))).broken()).isTrue();
    assertThat(HelmRelease.decode(secretData(RELEASE_JSON.replace("\"deployed\"", "\"pending-upgrade\""))).broken()).isTrue();
    assertThat(HelmRelease.decode(secretData(RELEASE_JSON.replace("\"deployed\"", "\"superseded\""))).broken()).isFalse();
  }

  @Test
  void givenAnUncompressedRecord_decode_readsIt() {
    String helm = Base64.getEncoder().encodeToString(RELEASE_JSON.getBytes(StandardCharsets.UTF_8));
    String data = Base64.getEncoder().encodeToString(helm.getBytes(StandardCharsets.US_ASCII));

    assertThat(HelmRelease.decode(data).name()).isEqualTo("shop");
  }

  @Test
  void givenGarbage_decode_saysWhatIsWrong() throws IOException {
    assertThatThrownBy(() -> HelmRelease.decode("!!!")).hasMessageContaining("not base64");
    assertThatThrownBy(() -> HelmRelease.decode("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> HelmRelease.decode(secretData("[1,2]"))).hasMessageContaining("JSON object");
  }
}
