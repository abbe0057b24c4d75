package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolTests.call;
import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detail and describe tools: sections, relationships, events, diagnostics. */
class DetailToolsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final FakeClusterGateway fake = new FakeClusterGateway();
  private final Cluster cluster = ToolHarness.cluster(fake);
  private final MaskingPolicy masking = MaskingPolicy.defaults();

  private void seedShop() {
    Map<String, Object> deployment = WorkloadFixtures.deployment("web", "shop", 2, 1);
    ObjectFields.map(deployment, "metadata").put("uid", "d-1");
    ObjectFields.map(deployment, "spec").put("selector", map("matchLabels", map("app", "web")));
    Map<String, Object> rs = map("kind", "ReplicaSet", "metadata", map("name", "web-7d", "namespace", "shop", "labels", map("app", "web"),
        "ownerReferences", List.of(map("kind", "Deployment", "name", "web", "uid", "d-1", "controller", true))));
    Map<String, Object> pod = PodFixtures.crashLoopingPod("web-7d-abc", "shop", "node-a", 4);
    ObjectFields.map(pod, "metadata").put("labels", map("app", "web"));
    ObjectFields.map(pod, "metadata").put("ownerReferences", List.of(map("kind", "ReplicaSet", "name", "web-7d", "controller", true)));
    fake.with("Deployment", deployment).with("ReplicaSet", rs).with("Pod", pod);
    fake.with("Event",
        WorkloadFixtures.event("shop", "Warning", "BackOff", "Pod", "web-7d-abc", "Back-off restarting failed container", "2026-01-10T14:59:00Z"),
        WorkloadFixtures.event("shop", "Normal", "ScalingReplicaSet", "Deployment", "web", "Scaled up replica set web-7d to 2", "2026-01-10T14:00:00Z"));
  }

  @Test
  void givenADeployment_getResourceDetails_showsConfigurationStatusEventsAndRelationships() {
    seedShop();

    ToolResult r = call(new GetResourceDetailsTool(cluster, masking, clock), Map.of("kind", "deploy", "name", "web", "namespace", "shop"));

    assertThat(r.text()).contains("Deployment shop/web", "== Configuration ==", "replicas: 2", "== Status ==", "== Events ==",
        "ScalingReplicaSet", "== Relationships ==", "owns", "ReplicaSet", "shop/web-7d", "selects", "shop/web-7d-abc");
    assertThat(r.structuredContent()).containsKeys("summary", "configuration", "status", "events", "relationships");
  }

  @Test
  void givenACrashingPod_detailAdvanced_addsDiagnosticsAndOwners() {
    seedShop();

    ToolResult r = call(new GetResourceDetailAdvancedTool(cluster, masking, clock),
        Map.of("kind", "pod", "name", "web-7d-abc", "namespace", "shop", "includeDiagnostics", true, "includeRelationships", true));

    assertThat(r.text()).contains("== Diagnostics ==", "Unhealthy: CrashLoopBackOff", "previous=true", "owned by", "ReplicaSet", "runs on", "node-a");
    assertThat(r.structuredContent()).doesNotContainKey("events");
  }

  @Test
  void givenCompactFormat_detailAdvanced_keepsItShort() {
    seedShop();

    ToolResult compact = call(new GetResourceDetailAdvancedTool(cluster, masking, clock),
        Map.of("kind", "deploy", "name", "web", "namespace", "shop", "outputFormat", "compact"));
    ToolResult verbose = call(new GetResourceDetailAdvancedTool(cluster, masking, clock),
        Map.of("kind", "deploy", "name", "web", "namespace", "shop", "outputFormat", "verbose"));

    assertThat(compact.text()).doesNotContain("== Configuration ==", "== Status ==");
    assertThat(verbose.text()).contains("== Object ==", "apiVersion: apps/v1");
    assertThat(verbose.text().length()).isGreaterThan(compact.text().length());
    assertThatThrownBy(() -> call(new GetResourceDetailAdvancedTool(cluster, masking, clock),
        Map.of("kind", "deploy", "name", "web", "outputFormat", "huge")))
        .hasMessageContaining("'outputFormat': must be one of compact, structured, verbose");
  }

  @Test
  void givenAPod_describe_readsLikeKubectlDescribe() {
    seedShop();

    ToolResult r = call(new DescribeResourceTool(cluster, masking, clock), Map.of("kind", "pods", "name", "web-7d-abc", "namespace", "shop"));

    assertThat(r.text()).startsWith("Name:           web-7d-abc\nNamespace:      shop\n")
        .contains("Controlled By:  ReplicaSet/web-7d", "Status:         CrashLoopBackOff", "Node:           node-a", "Containers:",
            "Restart Count:", "Events:", "BackOff");
    assertThat(r.structuredContent()).containsEntry("kind", "Pod").containsEntry("events", 1).containsKey("problem");
  }

  @Test
  void givenAConfigMapAndANode_describe_showsDataAndCapacity() {
    fake.with("ConfigMap", map("kind", "ConfigMap", "metadata", map("name", "cfg", "namespace", "shop"), "data", map("LOG_LEVEL", "debug")));
    Map<String, Object> node = WorkloadFixtures.node("node-a", true, true);
    ObjectFields.map(node, "status").put("allocatable", map("cpu", "4", "memory", "16Gi"));
    fake.with("Node", node);

    String cm = call(new DescribeResourceTool(cluster, masking, clock), Map.of("kind", "cm", "name", "cfg", "namespace", "shop")).text();
    String no = call(new DescribeResourceTool(cluster, masking, clock), Map.of("kind", "node", "name", "node-a")).text();

    assertThat(cm).contains("Data:", "LOG_LEVEL: 5 bytes (debug)");
    assertThat(no).contains("Unschedulable:  true", "Allocatable:    cpu=4", "memory=16Gi", "Conditions:", "KubeletReady");
  }
}
