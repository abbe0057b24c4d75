package io.cloudnativemcp.application.service.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog: every tool the issue names, under the Go original's names, with risks that fit what they do. */
class ToolCatalogTest {
  private final ToolCatalog catalog = ToolHarness.catalog(new FakeClusterGateway(), new MutableClock(Instant.parse("2026-01-10T15:00:00Z")));
  private final Map<String, ToolDescriptor> byName =
      catalog.descriptors().stream().collect(Collectors.toMap(d -> d.name().value(), Function.identity()));

  @Test
  void givenTheProductionCatalog_descriptors_holdEveryToolOnce() {
    assertThat(byName.keySet())
        .containsExactlyInAnyOrder(
            "kubernetes_list_resources_summary", "kubernetes_get_resource_summary", "kubernetes_list_resources",
            "kubernetes_list_resources_full", "kubernetes_get_resource", "kubernetes_get_resources_detail",
            "kubernetes_get_resource_details", "kubernetes_get_resource_detail_advanced", "kubernetes_describe_resource",
            "kubernetes_search_resources", "kubernetes_get_api_versions", "kubernetes_get_api_resources",
            "kubernetes_check_permissions", "kubernetes_get_recent_events", "kubernetes_get_events",
            "kubernetes_get_events_detail", "kubernetes_get_pod_logs", "kubernetes_get_resource_usage",
            "kubernetes_get_unhealthy_resources", "kubernetes_get_node_conditions", "kubernetes_analyze_issue",
            "kubernetes_get_rollout_status", "kubernetes_create_resource", "kubernetes_patch_resource",
            "kubernetes_delete_resource", "kubernetes_scale_resource", "kubernetes_restart_workload",
            "kubernetes_wait_for_resource", "kubernetes_cordon_node", "kubernetes_uncordon_node", "kubernetes_drain_node",
            "kubernetes_pod_exec", "helm_list_releases", "helm_get_release", "helm_get_release_status",
            "helm_get_release_values", "helm_get_release_manifest", "helm_get_release_history",
            "helm_find_broken_releases", "openshift_list_projects");
    assertThat(catalog.descriptors()).hasSize(40);
  }

  @Test
  void givenEachTool_risk_fitsWhatItDoes() {
    List<String> mutating = List.of("kubernetes_create_resource", "kubernetes_patch_resource", "kubernetes_scale_resource",
        "kubernetes_cordon_node", "kubernetes_uncordon_node");
    List<String> destructive = List.of("kubernetes_delete_resource", "kubernetes_restart_workload", "kubernetes_drain_node", "kubernetes_pod_exec");
    byName.forEach((name, d) -> {
      ToolRisk expected = mutating.contains(name) ? ToolRisk.MUTATING : destructive.contains(name) ? ToolRisk.DESTRUCTIVE : ToolRisk.READ_ONLY;
      assertThat(d.risk()).as(name).isEqualTo(expected);
      if (expected == ToolRisk.READ_ONLY) {
        assertThat(d.idempotent()).as(name + " is idempotent").isTrue();
      }
    });
    assertThat(byName.get("kubernetes_create_resource").idempotent()).isFalse();
    assertThat(byName.get("kubernetes_scale_resource").idempotent()).isTrue();
    assertThat(byName.get("kubernetes_pod_exec").idempotent()).isFalse();
  }

  @Test
  void givenEachTool_descriptor_declaresAnOutputSchemaAContextAndPlainDescriptions() {
    for (ToolDescriptor d : catalog.descriptors()) {
      assertThat(d.output()).as(d.name() + " output schema").isPresent();
      assertThat(d.outputSchema().get("type")).isEqualTo("object");
      assertThat(d.parameters()).extracting(ToolParameter::name).as(d.name().value()).contains("context");
      assertThat(d.description().length()).as(d.name() + " description").isBetween(60, 800);
      assertThat(d.title()).isNotBlank();
      d.parameters().forEach(p -> assertThat(p.description()).as(d.name() + "." + p.name()).isNotBlank());
    }
  }

  @Test
  void givenTheGoOriginalsParameters_descriptors_keepTheirNames() {
    assertThat(params("kubernetes_pod_exec")).containsExactly("podName", "namespace", "containerName", "command", "timeoutSeconds", "context");
    assertThat(params("kubernetes_check_permissions")).containsExactly("verb", "resourceGroup", "resourceResource", "subresource", "resourceName", "namespace", "context");
    assertThat(params("kubernetes_list_resources")).containsExactly("kind", "namespace", "labelSelector", "fieldSelector", "limit", "continueToken", "jsonpath", "jsonpaths", "context");
    assertThat(params("kubernetes_get_resource_usage")).containsExactly("resourceType", "name", "namespace", "context");
    assertThat(params("kubernetes_analyze_issue")).containsExactly("issueType", "resourceKind", "resourceName", "namespace", "context");
    assertThat(params("kubernetes_get_node_conditions")).containsExactly("nodeName", "context");
    assertThat(params("kubernetes_wait_for_resource")).containsExactly("kind", "name", "namespace", "condition", "timeoutSeconds", "pollIntervalSeconds", "context");
    assertThat(params("kubernetes_drain_node")).containsExactly("name", "deleteEmptyDir", "ignoreDaemonsets", "gracePeriodSeconds", "timeoutSeconds", "context");
    assertThat(params("helm_list_releases")).containsExactly("namespace", "allNamespaces", "status", "context");
  }

  private List<String> params(String tool) {
    return byName.get(tool).parameters().stream().map(ToolParameter::name).toList();
  }
}
