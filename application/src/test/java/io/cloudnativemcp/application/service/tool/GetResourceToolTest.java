package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetResourceToolTest {
  private static final String MASK = MaskingPolicy.DEFAULT_MASK;

  private final FakeClusterGateway cluster = new FakeClusterGateway();
  private final GetResourceTool tool = new GetResourceTool(ToolHarness.cluster(cluster), MaskingPolicy.defaults());

  private ToolResult call(Map<String, Object> arguments) {
    return tool.call(ToolArguments.validate(tool.descriptor(), arguments), ToolCall.of(PrincipalFixtures.reader()));
  }

  @Test
  void givenConfigMap_call_rendersItAsYaml() {
    cluster.with(
        "ConfigMap",
        map(
            "apiVersion", "v1",
            "kind", "ConfigMap",
            "metadata", map("name", "app-config", "namespace", "shop", "labels", map("app", "web")),
            "data", map("LOG_LEVEL", "debug", "RETRIES", "3", "app.properties", "a=1\nb=true\n")));

    ToolResult result = call(Map.of("kind", "configmaps", "name", "app-config", "namespace", "shop"));

    assertThat(result.text())
        .isEqualTo(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app-config
              namespace: shop
              labels:
                app: web
            data:
              LOG_LEVEL: debug
              RETRIES: "3"
              app.properties: |
                a=1
                b=true
            """);
    assertThat(cluster.lastQuery(ResourceRef.class))
        .contains(new ResourceRef("configmaps", "app-config", Optional.of("shop")));
  }

  @Test
  void givenObjectWithManagedFieldsAndLastApplied_call_dropsBoth() {
    Map<String, Object> deployment = WorkloadFixtures.deployment("api", "shop", 3, 3);
    Map<String, Object> metadata = ObjectFields.map(deployment, "metadata");
    metadata.put("managedFields", List.of(map("manager", "kubectl-client-side-apply", "operation", "Update")));
    metadata.put(
        "annotations",
        map(
            "kubectl.kubernetes.io/last-applied-configuration", "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\"}",
            "deployment.kubernetes.io/revision", "3"));
    cluster.with("Deployment", deployment);

    ToolResult result = call(Map.of("kind", "deployments", "name", "api", "namespace", "shop"));

    assertThat(result.text())
        .doesNotContain("managedFields")
        .doesNotContain("kubectl-client-side-apply")
        .doesNotContain("last-applied-configuration")
        .contains("  annotations:\n    deployment.kubernetes.io/revision: \"3\"\n")
        .contains("kind: Deployment");
    assertThat(ObjectFields.map(result.structuredContent(), "metadata")).doesNotContainKey("managedFields");
    assertThat(ObjectFields.map(result.structuredContent(), "metadata", "annotations"))
        .containsOnlyKeys("deployment.kubernetes.io/revision");
    assertThat(metadata).as("the cluster's copy is left alone").containsKey("managedFields");
  }

  @Test
  void givenOnlyTheLastAppliedAnnotation_call_dropsTheAnnotationsBlock() {
    Map<String, Object> deployment = WorkloadFixtures.deployment("api", "shop", 1, 1);
    ObjectFields.map(deployment, "metadata")
        .put("annotations", map("kubectl.kubernetes.io/last-applied-configuration", "{}"));
    cluster.with("Deployment", deployment);

    ToolResult result = call(Map.of("kind", "deployments", "name", "api", "namespace", "shop"));

    assertThat(result.text()).doesNotContain("annotations");
    assertThat(ObjectFields.map(result.structuredContent(), "metadata")).doesNotContainKey("annotations");
  }

  @Test
  void givenSecret_call_masksItsValuesEverywhereButKeepsTheKeys() {
    cluster.with(
        "Secret",
        map(
            "apiVersion", "v1",
            "kind", "Secret",
            "metadata",
                map(
                    "name", "db",
                    "namespace", "shop",
                    "annotations",
                        map(
                            "kubectl.kubernetes.io/last-applied-configuration",
                            "{\"stringData\":{\"password\":\"hunter2-plain\"}}")),
            "type", "Opaque",
            "data", map("username", "YWRtaW4=", "password", "aHVudGVyMg==")));

    ToolResult result = call(Map.of("kind", "secrets", "name", "db", "namespace", "shop"));

    assertThat(result.text())
        .contains("data:\n  username: \"" + MASK + "\"\n  password: \"" + MASK + "\"\n")
        .contains("type: Opaque")
        .doesNotContain("YWRtaW4=")
        .doesNotContain("aHVudGVyMg==")
        .doesNotContain("hunter2-plain");
    assertThat(ObjectFields.map(result.structuredContent(), "data")).isEqualTo(Map.of("username", MASK, "password", MASK));
  }

  @Test
  void givenPodWithSecretEnvValue_call_masksTheValue() {
    cluster.with(
        "Pod",
        map(
            "kind", "Pod",
            "metadata", map("name", "web-1", "namespace", "shop"),
            "spec",
                map(
                    "containers",
                    List.of(
                        map(
                            "name", "app",
                            "env", List.of(map("name", "DB_PASSWORD", "value", "hunter2"), map("name", "MODE", "value", "prod")))))));

    String text = call(Map.of("kind", "pods", "name", "web-1", "namespace", "shop")).text();

    assertThat(text)
        .doesNotContain("hunter2")
        .contains("    - name: DB_PASSWORD\n      value: \"" + MASK + "\"\n")
        .contains("    - name: MODE\n      value: prod\n");
  }

  @Test
  void givenMissingObject_call_letsNotFoundPropagate() {
    cluster.with("Pod");

    assertThatThrownBy(() -> call(Map.of("kind", "pods", "name", "ghost", "namespace", "shop")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("ghost");
  }

  @Test
  void givenClusterScopedObject_call_asksWithoutNamespace() {
    cluster.with("Node", WorkloadFixtures.node("node-a", true, false));

    ToolResult result = call(Map.of("kind", "nodes", "name", "node-a"));

    assertThat(cluster.lastQuery(ResourceRef.class)).contains(new ResourceRef("nodes", "node-a", Optional.empty()));
    assertThat(result.text()).contains("  unschedulable: false\n");
  }
}
