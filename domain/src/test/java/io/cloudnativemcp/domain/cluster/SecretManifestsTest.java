package io.cloudnativemcp.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretManifestsTest {
  static final String MASK = "***REDACTED***";

  @Test
  void givenAManifestWithASecret_mask_hidesItsValuesButKeepsKeysAndOtherDocuments() {
    String manifest =
        """
        ---
        # Source: shop/templates/secret.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: shop-db
        type: Opaque
        data:
          password: aHVudGVyMg==
          "user": YWRtaW4=
        stringData:
          config.yaml: |
            token: abcdef
            other: line
          plain: s3cret
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: shop-config
        data:
          LOG_LEVEL: debug
        """;

    String masked = SecretManifests.mask(manifest, MASK);

    assertThat(masked)
        .doesNotContain("aHVudGVyMg==", "YWRtaW4=", "abcdef", "s3cret", "other: line")
        .contains("  password: \"" + MASK + "\"", "  \"user\": \"" + MASK + "\"", "  config.yaml: |-", "  plain: \"" + MASK + "\"")
        .contains("name: shop-db", "type: Opaque", "LOG_LEVEL: debug", "name: shop-config");
  }

  @Test
  void givenFlowStyleData_mask_hidesTheWholeMap() {
    String masked = SecretManifests.mask("kind: Secret\ndata: {password: aHVudGVyMg==}\n", MASK);

    assertThat(masked).isEqualTo("kind: Secret\ndata: \"" + MASK + "\"\n");
  }

  @Test
  void givenNoSecret_mask_returnsTheTextUnchanged() {
    String manifest = "kind: Deployment\nspec:\n  replicas: 2\n";

    assertThat(SecretManifests.mask(manifest, MASK)).isSameAs(manifest);
  }
}
