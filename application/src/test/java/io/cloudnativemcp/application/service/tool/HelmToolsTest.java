package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolTests.call;
import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.HelmFixtures;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Helm tools over release records in the fake cluster. */
class HelmToolsTest {
  static final String MASK = MaskingPolicy.DEFAULT_MASK;
  static final String MANIFEST =
      "---\n# Source: shop/templates/secret.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: shop-db\ndata:\n  password: aHVudGVyMi1oZWxt\n"
          + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n";

  private final FakeClusterGateway fake = new FakeClusterGateway();
  private final Map<String, Tool> tools = new java.util.HashMap<>();

  HelmToolsTest() {
    for (Tool t : HelmTools.all(ToolHarness.cluster(fake), MaskingPolicy.defaults())) {
      tools.put(t.descriptor().name().value(), t);
    }
    fake.with("Secret",
        HelmFixtures.releaseSecret("shop", "apps", 1, "superseded", "nginx", "{\"replicaCount\":2}", MANIFEST),
        HelmFixtures.releaseSecret("shop", "apps", 2, "deployed", "nginx", "{\"replicaCount\":3,\"db\":{\"password\":\"hunter2-values\"}}", MANIFEST),
        HelmFixtures.releaseSecret("api", "apps", 1, "failed", "api", "{}", ""),
        HelmFixtures.releaseSecret("cache", "infra", 1, "pending-install", "redis", "{}", ""),
        map("apiVersion", "v1", "kind", "Secret", "type", "Opaque", "metadata", map("name", "unrelated", "namespace", "apps",
            "labels", map("owner", "helm", "name", "x", "version", "1")), "data", map("release", "bm90LWhlbG0=")));
  }

  private ToolResult call(String tool, Map<String, Object> args) {
    return ToolTests.call(tools.get(tool), args);
  }

  @Test
  void givenReleases_list_showsTheLatestRevisionOfEach() {
    ToolResult inApps = call("helm_list_releases", Map.of("namespace", "apps"));
    ToolResult everywhere = call("helm_list_releases", Map.of("allNamespaces", true));
    ToolResult failed = call("helm_list_releases", Map.of("allNamespaces", true, "status", "failed"));

    assertThat(inApps.text()).contains("NAME", "APP VERSION", "shop", "2", "deployed", "nginx-2.1.2", "api", "failed").doesNotContain("cache", "superseded");
    assertThat(everywhere.structuredContent()).containsEntry("count", 3);
    assertThat(failed.structuredContent()).containsEntry("count", 1);
    assertThat(call("helm_list_releases", Map.of()).text()).isEqualTo("No Helm releases found in namespace default.\n");
  }

  @Test
  void givenARelease_get_showsMaskedValuesAndNotes() {
    ToolResult r = call("helm_get_release", Map.of("name", "shop", "namespace", "apps"));

    assertThat(r.text()).contains("CHART: nginx-2.1.2 (app 1.0.2)", "REVISION: 2", "replicaCount: 3", "password: \"" + MASK + "\"", "Thanks for installing shop")
        .doesNotContain("hunter2-values");
    assertThat(call("helm_get_release", Map.of("name", "shop", "namespace", "apps", "revision", 1)).text()).contains("REVISION: 1", "replicaCount: 2");
  }

  @Test
  void givenReleases_statusAndHistory_followHelm() {
    assertThat(call("helm_get_release_status", Map.of("name", "api", "namespace", "apps")).text()).contains("failed", "BROKEN", "timed out");
    ToolResult history = call("helm_get_release_history", Map.of("name", "shop", "namespace", "apps"));
    assertThat(history.text()).contains("REVISION", "superseded", "deployed");
    assertThat(history.structuredContent()).containsEntry("count", 2).containsEntry("total", 2);
    assertThat(call("helm_get_release_history", Map.of("name", "shop", "namespace", "apps", "max", 1)).text()).contains("1 of 2 revisions shown");
  }

  @Test
  void givenAllValues_values_mergesChartDefaultsUnderUserValues() {
    ToolResult user = call("helm_get_release_values", Map.of("name", "shop", "namespace", "apps"));
    ToolResult all = call("helm_get_release_values", Map.of("name", "shop", "namespace", "apps", "all", true));

    assertThat(user.text()).startsWith("USER-SUPPLIED VALUES (revision 2):").doesNotContain("repository");
    assertThat(all.text()).startsWith("COMPUTED VALUES").contains("replicaCount: 3", "repository: nginx").doesNotContain("hunter2-values");
  }

  @Test
  void givenAManifestWithASecret_manifest_masksItsData() {
    ToolResult r = call("helm_get_release_manifest", Map.of("name", "shop", "namespace", "apps"));

    assertThat(r.text()).contains("kind: Secret", "password: \"" + MASK + "\"", "kind: Deployment").doesNotContain("aHVudGVyMi1oZWxt");
    assertThat(r.structuredContent()).containsEntry("documents", 2L);
  }

  @Test
  void givenBrokenReleases_findBroken_listsFailedAndPending() {
    ToolResult r = call("helm_find_broken_releases", Map.of());

    assertThat(r.text()).contains("2 broken release(s) among 3", "apps/api", "infra/cache", "pending-install").doesNotContain("shop  ");
  }

  @Test
  void givenAMissingReleaseOrRevision_tools_sayWhat() {
    assertThatThrownBy(() -> call("helm_get_release", Map.of("name", "ghost", "namespace", "apps")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessage("Helm release 'ghost' not found in namespace 'apps'.");
    assertThatThrownBy(() -> call("helm_get_release_manifest", Map.of("name", "shop", "namespace", "apps", "revision", 9)))
        .hasMessageContaining("has no revision 9; revisions: [1, 2]");
  }

  @Test
  void givenEveryHelmTool_descriptors_areReadOnlyAndSayNoBinaryIsUsed() {
    assertThat(tools.values()).hasSize(7).allSatisfy(t -> {
      assertThat(t.descriptor().readOnly()).isTrue();
      assertThat(t.descriptor().description()).contains("no Helm binary");
    });
    assertThat(List.copyOf(tools.keySet())).contains("helm_list_releases", "helm_find_broken_releases");
  }
}
