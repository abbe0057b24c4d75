package io.cloudnativemcp.domain.audit;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.domain.cluster.ObjectFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingPolicyTest {
  private static final String MASK = "***REDACTED***";
  private static final String JWT =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLXBhcnQ";

  private final MaskingPolicy masking = MaskingPolicy.defaults();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "Password",
        "DB_PASSWORD",
        "passwd",
        "pwd",
        "pass",
        "token",
        "accessToken",
        "refresh_token",
        "apiKey",
        "api-key",
        "X-API-Key",
        "Authorization",
        "auth",
        "client_secret",
        "clientSecret",
        "privateKey",
        "private.key",
        "aws_access_key_id",
        "credentials",
        "cookie",
        "passphrase",
        "tls.clientKey",
        "signingKey"
      })
  void givenSensitiveFieldName_mask_replacesTheValue(String field) {
    Map<String, Object> masked = masking.mask(map(field, "s3cr3t-value", "user", "bob"));

    assertThat(masked).containsEntry(field, MASK).containsEntry("user", "bob");
    assertThat(masking.isSensitiveField(field)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "namespace", "kind", "image", "author", "passenger", "keyboard", "replicas"})
  void givenOrdinaryFieldName_mask_keepsTheValue(String field) {
    assertThat(masking.mask(map(field, "visible"))).containsEntry(field, "visible");
    assertThat(masking.isSensitiveField(field)).isFalse();
  }

  @Test
  void givenNonStringSecretValues_mask_masksNumbersButKeepsFlags() {
    Map<String, Object> masked =
        masking.mask(map("pin_password", 1234, "automountServiceAccountToken", true, "token", null));

    assertThat(masked)
        .containsEntry("pin_password", MASK)
        .containsEntry("automountServiceAccountToken", true)
        .containsEntry("token", null);
  }

  @Test
  void givenSecret_mask_masksDataAndStringDataValuesButKeepsTheKeys() {
    Map<String, Object> secret =
        map(
            "apiVersion", "v1",
            "kind", "Secret",
            "metadata", map("name", "db-credentials", "namespace", "shop"),
            "type", "Opaque",
            "data", map("username", "YWRtaW4=", "connection-url", "cG9zdGdyZXM6Ly8="),
            "stringData", map("extra", "plain text"));

    Map<String, Object> masked = masking.mask(secret);

    assertThat(masked.get("data")).isEqualTo(Map.of("username", MASK, "connection-url", MASK));
    assertThat(masked.get("stringData")).isEqualTo(Map.of("extra", MASK));
    assertThat(masked.get("metadata")).isEqualTo(Map.of("name", "db-credentials", "namespace", "shop"));
    assertThat(masked).containsEntry("type", "Opaque");
  }

  @Test
  void givenConfigMap_mask_keepsItsData() {
    Map<String, Object> configMap = map("kind", "ConfigMap", "data", map("LOG_LEVEL", "debug"));

    assertThat(masking.mask(configMap).get("data")).isEqualTo(Map.of("LOG_LEVEL", "debug"));
  }

  @Test
  void givenEnvEntries_mask_masksTheValuesOfSensitiveNamesOnly() {
    Map<String, Object> pod =
        map(
            "kind", "Pod",
            "spec",
                map(
                    "containers",
                    List.of(
                        map(
                            "name", "app",
                            "env",
                                List.of(
                                    map("name", "DB_PASSWORD", "value", "hunter2"),
                                    map("name", "GITHUB_TOKEN", "value", "ghp_abcdef"),
                                    map("name", "LOG_LEVEL", "value", "debug"))))));

    Map<String, Object> masked = masking.mask(pod);

    List<Map<String, Object>> env =
        ObjectFields.list(ObjectFields.list(masked, "spec", "containers").get(0), "env");
    assertThat(env)
        .containsExactly(
            Map.of("name", "DB_PASSWORD", "value", MASK),
            Map.of("name", "GITHUB_TOKEN", "value", MASK),
            Map.of("name", "LOG_LEVEL", "value", "debug"));
  }

  @Test
  void givenSecretsInsideStringValues_mask_masksThemInPlace() {
    Map<String, Object> masked =
        masking.mask(map("command", List.of("curl", "-H", "Authorization: Bearer " + JWT, "https://api")));

    assertThat(masked.get("command").toString()).doesNotContain(JWT).contains(MASK).contains("curl");
  }

  @Test
  void givenJwtInText_maskText_masksIt() {
    String masked = masking.maskText("token issued to alice: " + JWT + " (valid 1h)");

    assertThat(masked).isEqualTo("token issued to alice: " + MASK + " (valid 1h)");
  }

  @Test
  void givenBearerCredential_maskText_keepsTheSchemeAndMasksTheToken() {
    assertThat(masking.maskText("Authorization: Bearer abc123def456ghi"))
        .isEqualTo("Authorization: Bearer " + MASK);
    assertThat(masking.maskText("authorization: basic YWxpY2U6c2VjcmV0"))
        .isEqualTo("authorization: basic " + MASK);
  }

  @Test
  void givenPemPrivateKey_maskText_masksTheWholeBlock() {
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
            + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
            + "-----END RSA PRIVATE KEY-----";

    String masked = masking.maskText("key:\n" + pem + "\nend");

    assertThat(masked).isEqualTo("key:\n" + MASK + "\nend");
  }

  @Test
  void givenPemCertificate_maskText_leavesItReadable() {
    String cert = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----";

    assertThat(masking.maskText(cert)).isEqualTo(cert);
  }

  @Test
  void givenGeneratedApiKeyInText_maskText_masksIt() {
    String key = "cnm_" + "Ab3".repeat(13) + "Z";

    assertThat(masking.maskText("use " + key + " for ci")).isEqualTo("use " + MASK + " for ci");
    assertThat(masking.maskText("cnm_short stays")).isEqualTo("cnm_short stays");
  }

  @Test
  void givenAwsAccessKeyId_maskText_masksIt() {
    assertThat(masking.maskText("id AKIAIOSFODNN7EXAMPLE used")).isEqualTo("id " + MASK + " used");
  }

  @Test
  void givenPasswordAssignmentInFreeText_maskText_keepsTheNameAndMasksTheValue() {
    assertThat(masking.maskText("connecting with password=hunter2 to db"))
        .isEqualTo("connecting with password=" + MASK + " to db");
    assertThat(masking.maskText("{\"password\": \"hunter2\", \"user\": \"bob\"}"))
        .isEqualTo("{\"password\": \"" + MASK + "\", \"user\": \"bob\"}");
    assertThat(masking.maskText("API_KEY: abcdef123")).isEqualTo("API_KEY: " + MASK);
  }

  @Test
  void givenOrdinaryText_maskText_leavesItUnchanged() {
    String text = "Back-off restarting failed container app in pod web-1_shop(0c1d), 5 restarts; token bucket empty";

    assertThat(masking.maskText(text)).isEqualTo(text);
    assertThat(masking.maskText("")).isEmpty();
    assertThat(masking.maskText(null)).isNull();
  }

  @Test
  void givenDisabledPolicy_mask_leavesValuesAsTheyAre() {
    MaskingPolicy disabled = MaskingPolicy.of(false, MASK, List.of(), List.of());

    assertThat(disabled.enabled()).isFalse();
    assertThat(disabled.mask(map("password", "hunter2"))).containsEntry("password", "hunter2");
    assertThat(disabled.maskText("Bearer " + JWT)).isEqualTo("Bearer " + JWT);
  }

  @Test
  void givenDisabledPolicy_alwaysEnabled_masksWithTheSameRules() {
    MaskingPolicy disabled = MaskingPolicy.of(false, "[hidden]", List.of("employeeId"), List.of());

    MaskingPolicy forOutputs = disabled.alwaysEnabled();

    assertThat(forOutputs.enabled()).isTrue();
    assertThat(forOutputs.maskValue()).isEqualTo("[hidden]");
    assertThat(forOutputs.mask(map("employee_id", "E-1", "password", "x"))).isEqualTo(Map.of("employee_id", "[hidden]", "password", "[hidden]"));
  }

  @Test
  void givenEnabledPolicy_alwaysEnabled_returnsItself() {
    assertThat(masking.alwaysEnabled()).isSameAs(masking);
  }

  @Test
  void givenCustomFieldNamesAndPatterns_mask_appliesThemWithTheCustomMask() {
    MaskingPolicy custom =
        MaskingPolicy.of(true, "[hidden]", List.of("employee-id"), List.of("ACME-[0-9]{6}"));

    Map<String, Object> masked = custom.mask(map("employeeId", "E-17", "ticket", "see ACME-123456 now", "note", "ACME-12"));

    assertThat(masked)
        .containsEntry("employeeId", "[hidden]")
        .containsEntry("ticket", "see [hidden] now")
        .containsEntry("note", "ACME-12");
    assertThat(custom.mask(map("password", "x"))).containsEntry("password", "[hidden]");
  }

  @Test
  void givenInvalidRegularExpression_of_refusesIt() {
    assertThatThrownBy(() -> MaskingPolicy.of(true, MASK, List.of(), List.of("([a-z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEmptyMaskValue_of_refusesIt() {
    assertThatThrownBy(() -> MaskingPolicy.of(true, "", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mask value");
  }

  @Test
  void givenMutableInput_mask_returnsAnIndependentUnmodifiableCopy() {
    List<Object> items = new ArrayList<>(List.of("a"));
    Map<String, Object> input = map("password", "hunter2", "items", items);

    Map<String, Object> masked = masking.mask(input);
    items.add("b");

    assertThat(input).containsEntry("password", "hunter2");
    assertThat(masked.get("items")).isEqualTo(List.of("a"));
    assertThatThrownBy(() -> masked.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenNull_mask_returnsAnEmptyMap() {
    assertThat(masking.mask(null)).isEmpty();
  }

  @Test
  void givenSecretsInAnyCase_maskText_findsThem_whileTextWithoutTriggersIsReturnedAsIs() {
    assertThat(masking.maskText("PASSWORD=hunter2x and Token: abc123")).isEqualTo("PASSWORD=" + MASK + " and Token: " + MASK);
    assertThat(masking.maskText("BASIC dXNlcjpwYXNzd29yZA==")).isEqualTo("BASIC " + MASK);
    assertThat(masking.maskText("X-Api-Key: k3y-value")).isEqualTo("X-Api-Key: " + MASK);
    String plain = "NAME  STATUS  READY  RESTARTS  AGE  NODE\nweb-1  Running  1/1  0  2d  worker-1";
    assertThat(masking.maskText(plain)).isSameAs(plain);
  }

  @Test
  void givenTheSameFieldNameManyTimes_isSensitiveField_answersTheSameEachTime() {
    for (int i = 0; i < 3; i++) {
      assertThat(masking.isSensitiveField("DB_PASSWORD")).isTrue();
      assertThat(masking.isSensitiveField("continueToken")).isFalse();
      assertThat(masking.isSensitiveField("nodeName")).isFalse();
    }
  }
}
