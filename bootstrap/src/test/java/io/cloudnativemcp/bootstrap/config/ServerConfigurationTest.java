package io.cloudnativemcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.adapter.out.persistence.DatabaseSettings;
import io.cloudnativemcp.domain.access.ConfirmationFallback;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.principal.AuthMethod;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigurationTest {
  static final Path WORK = Path.of("/srv/mcp");
  static final String SEED_KEY = "Abc123!@#Xyz789!@#Abc123!@#";

  static ServerConfiguration load(Map<String, String> values) {
    return ServerConfiguration.load(ConfigValues.of(values), WORK);
  }

  @Test
  void givenNothing_load_usesTheEmbeddedDefaults() {
    ServerConfiguration c = load(Map.of());

    assertThat(c.server().host()).isEqualTo("0.0.0.0");
    assertThat(c.server().port()).isEqualTo(8080);
    assertThat(c.server().mode()).isEqualTo(ServerSettings.TransportMode.ALL);
    assertThat(c.authentication().enabled()).isTrue();
    assertThat(c.authentication().methods()).containsExactly(AuthMethod.API_KEY);
    assertThat(c.adminApiKey()).isEmpty();
    assertThat(c.database().type()).isEqualTo(DatabaseSettings.Type.EMBEDDED);
    assertThat(c.database().dataDirectory()).isEqualTo(WORK.resolve("data"));
    assertThat(c.masking().maskValue()).isEqualTo("***REDACTED***");
    assertThat(c.mcp().streamableHttp()).isTrue();
    assertThat(c.mcp().sse()).isTrue();
    assertThat(c.kubernetes().kubeconfig()).isEmpty();
  }

  @Test
  void givenTheSeedsAuthBlock_load_acceptsTheExpandedKey() {
    ServerConfiguration c =
        load(Map.of("auth.enabled", "true", "auth.mode", "apikey", "auth.apiKey", SEED_KEY, "server.addr", "127.0.0.1:9443", "server.mode", "sse"));

    assertThat(c.adminApiKey()).contains(SEED_KEY);
    assertThat(c.server().host()).isEqualTo("127.0.0.1");
    assertThat(c.server().port()).isEqualTo(9443);
    assertThat(c.mcp().sse()).isTrue();
    assertThat(c.mcp().streamableHttp()).isFalse();
  }

  @Test
  void givenAWeakKey_load_refusesNamingTheKeyAndTheRuleButNotTheValue() {
    String weak = "password";

    assertThatThrownBy(() -> load(Map.of("auth.apiKey", weak)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("auth.apiKey")
        .hasMessageContaining("at least 16")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(weak));
  }

  @Test
  void givenSeveralInvalidValues_load_reportsEveryKeyAtOnce() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "server.addr", "localhost:http",
                        "auth.enabled", "maybe",
                        "auth.mode", "kerberos",
                        "audit.database.type", "postgresql",
                        "output.maxBytes", "12")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("server.addr"))
                    .anyMatch(p -> p.startsWith("auth.enabled"))
                    .anyMatch(p -> p.startsWith("auth.mode"))
                    .anyMatch(p -> p.startsWith("audit.database.url"))
                    .anyMatch(p -> p.startsWith("output.maxBytes")));
  }

  @Test
  void givenAuthDisabled_load_neverFallsBackSilently() {
    ServerConfiguration c = load(Map.of("auth.enabled", "false"));

    assertThat(c.authentication().enabled()).isFalse();
  }

  @Test
  void givenAnInvalidAuthFlag_load_refusesRatherThanTurningAuthOff() {
    assertThatThrownBy(() -> load(Map.of("auth.enabled", "flase")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("auth.enabled must be true or false");
  }

  @Test
  void givenPostgres_load_buildsTheDatabaseSettings() {
    ServerConfiguration c =
        load(
            Map.of(
                "audit.database.type", "postgresql",
                "audit.database.url", "jdbc:postgresql://db:5432/mcp",
                "audit.database.username", "mcp",
                "audit.database.password", "s3cret"));

    assertThat(c.database().type()).isEqualTo(DatabaseSettings.Type.POSTGRESQL);
    assertThat(c.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/mcp");
    assertThat(c.database().toString()).doesNotContain("s3cret");
  }

  @Test
  void givenBothAuthModes_load_acceptsAListAndTheBearerAlias() {
    ServerConfiguration c =
        load(Map.of("auth.mode", "apikey, bearer", "auth.jwt.issuer", "https://idp.example.com/realms/acme",
            "auth.jwt.jwksUri", "https://idp.example.com/realms/acme/protocol/openid-connect/certs"));

    assertThat(c.authentication().methods()).containsExactlyInAnyOrder(AuthMethod.API_KEY, AuthMethod.JWT);
    assertThat(c.jwt()).hasValueSatisfying(j -> assertThat(j.algorithm()).isEqualTo("RS256"));
    assertThat(c.http().bearerAccepted()).isTrue();
    assertThat(c.http().authorizationServers()).containsExactly("https://idp.example.com/realms/acme");
  }

  @Test
  void givenAJwtCaFileThatDoesNotExist_load_namesTheKey() {
    assertThatThrownBy(
            () -> load(Map.of("auth.mode", "jwt", "auth.jwt.issuer", "https://idp.example.com/realms/acme",
                "auth.jwt.jwksUri", "https://idp.example.com/certs", "auth.jwt.caFile", "no-such-company-ca.pem")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("auth.jwt.caFile names a file that does not exist");
  }

  @Test
  void givenAnUnresolvedVariable_load_namesTheKey() {
    ConfigValues values =
        key -> {
          if (key.equals("auth.apiKey")) {
            throw new ConfigurationException(key, "refers to a variable that is not set (MCP_AUTH_API_KEY)");
          }
          return java.util.Optional.empty();
        };

    assertThatThrownBy(() -> ServerConfiguration.load(values, WORK))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("auth.apiKey refers to a variable that is not set");
  }

  @Test
  void givenNoKubernetesSection_load_leavesEveryToolNamespaceAndKindOpen() {
    ServerConfiguration c = load(Map.of());

    ServerMode mode = c.accessPolicy().mode();
    assertThat(mode.tools().isUnrestricted()).isTrue();
    assertThat(mode.restrictsNamespaces()).isFalse();
    assertThat(mode.deniedResources().isEmpty()).isTrue();
    assertThat(mode.confirmationFallback()).isEqualTo(ConfirmationFallback.ALLOW);
    assertThat(c.kubernetes().contexts()).isEmpty();
    assertThat(c.kubernetes().impersonate()).isFalse();
  }

  @Test
  void givenTheKubernetesSafetyKeys_load_buildsTheServerMode() {
    ServerConfiguration c =
        load(
            Map.of(
                "kubernetes.contexts", "staging,dev",
                "kubernetes.impersonate", "true",
                "kubernetes.enabledTools", "kubernetes_*",
                "kubernetes.disabledTools", "kubernetes_pod_exec,kubernetes_drain_*",
                "kubernetes.namespaces", "team-*",
                "kubernetes.deniedNamespaces", "team-secret",
                "kubernetes.deniedResources", "/Secret,rbac.authorization.k8s.io/*",
                "kubernetes.confirmationFallback", "deny"));

    assertThat(c.kubernetes().contexts()).containsExactly("staging", "dev");
    assertThat(c.kubernetes().impersonate()).isTrue();
    ServerMode mode = c.accessPolicy().mode();
    assertThat(mode.tools().matches("kubernetes_get_resource")).isTrue();
    assertThat(mode.tools().matches("kubernetes_pod_exec")).isFalse();
    assertThat(mode.tools().matches("kubernetes_drain_node")).isFalse();
    assertThat(mode.tools().matches("helm_list_releases")).isFalse();
    assertThat(mode.servesNamespace("team-a")).isTrue();
    assertThat(mode.servesNamespace("team-secret")).isFalse();
    assertThat(mode.servesNamespace("default")).isFalse();
    assertThat(mode.servesKind("", "Secret")).isFalse();
    assertThat(mode.servesKind("rbac.authorization.k8s.io", "ClusterRole")).isFalse();
    assertThat(mode.servesKind("apps", "Deployment")).isTrue();
    assertThat(mode.confirmationFallback()).isEqualTo(ConfirmationFallback.DENY);
  }

  @Test
  void givenInvalidKubernetesSafetyKeys_load_namesEachKey() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "kubernetes.confirmationFallback", "sometimes",
                        "kubernetes.deniedResources", "apps/",
                        "kubernetes.impersonate", "perhaps")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("kubernetes.confirmationFallback") && p.contains("allow or deny"))
                    .anyMatch(p -> p.startsWith("kubernetes.deniedResources") && p.contains("group/Kind"))
                    .anyMatch(p -> p.startsWith("kubernetes.impersonate")));
  }
}
