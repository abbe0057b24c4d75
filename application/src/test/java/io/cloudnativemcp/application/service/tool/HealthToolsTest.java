package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolTests.call;
import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.MetricsUnavailableException;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resource usage, the unhealthy scan, node conditions and the rule-based analysis. */
class HealthToolsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final FakeClusterGateway fake = new FakeClusterGateway();
  private final Cluster cluster = ToolHarness.cluster(fake);

  @Test
  void givenPodMetricsAndRequests_getResourceUsage_computesSharesBusiestFirst() {
    Map<String, Object> web = PodFixtures.runningPod("web-1", "shop", "n1");
    ((Map<String, Object>) ObjectFields.list(web, "spec", "containers").get(0))
        .put("resources", map("requests", map("cpu", "100m", "memory", "128Mi"), "limits", map("cpu", "200m", "memory", "256Mi")));
    fake.with("Pod", web, PodFixtures.runningPod("api-1", "shop", "n1"));
    fake.withPodMetrics(
        map("metadata", map("name", "web-1", "namespace", "shop"), "containers", List.of(map("name", "web", "usage", map("cpu", "50m", "memory", "64Mi")))),
        map("metadata", map("name", "api-1", "namespace", "shop"), "containers", List.of(map("name", "api", "usage", map("cpu", "300m", "memory", "1Gi")))));

    ToolResult r = call(new GetResourceUsageTool(cluster), Map.of("resourceType", "pod", "namespace", "shop"));

    assertThat(r.text().indexOf("api-1")).isLessThan(r.text().indexOf("web-1"));
    assertThat(r.text()).contains("50m", "50%", "25%", "64Mi", "1024Mi");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) r.structuredContent().get("items");
    assertThat(items.get(1)).containsEntry("cpuPercent", 50L).containsEntry("memoryLimitPercent", 25L);
    assertThat(items.get(0)).doesNotContainKey("cpuPercent");
  }

  @Test
  void givenNodeMetrics_getResourceUsage_comparesWithAllocatable() {
    Map<String, Object> node = WorkloadFixtures.node("n1", true, false);
    ObjectFields.map(node, "status").put("allocatable", map("cpu", "2", "memory", "4Gi"));
    fake.with("Node", node).withNodeMetrics(map("metadata", map("name", "n1"), "usage", map("cpu", "500m", "memory", "1Gi")));

    ToolResult r = call(new GetResourceUsageTool(cluster), Map.of("resourceType", "node"));

    assertThat(r.text()).contains("n1", "500m", "25%", "1024Mi");
  }

  @Test
  void givenNoMetricsServer_getResourceUsage_saysSo() {
    fake.withoutMetrics();

    assertThatThrownBy(() -> call(new GetResourceUsageTool(cluster), Map.of("resourceType", "node")))
        .isInstanceOf(MetricsUnavailableException.class).hasMessageContaining("metrics-server");
    assertThatThrownBy(() -> call(new GetResourceUsageTool(cluster), Map.of("resourceType", "pod", "name", "web-1")))
        .hasMessageContaining("'namespace': is required with a pod name");
    assertThatThrownBy(() -> call(new GetResourceUsageTool(cluster), Map.of("resourceType", "disk")))
        .hasMessageContaining("must be one of node, pod");
  }

  @Test
  void givenAMixedCluster_getUnhealthyResources_listsOnlyTheSickWithReasons() {
    fake.with("Pod", PodFixtures.runningPod("ok-1", "shop", "n1"), PodFixtures.crashLoopingPod("bad-1", "shop", "n1", 9));
    fake.with("Deployment", WorkloadFixtures.deployment("fine", "shop", 2, 2), WorkloadFixtures.unavailableDeployment("down", "shop", 3));
    fake.with("Job", WorkloadFixtures.failedJob("nightly", "ops"));

    ToolResult r = call(new GetUnhealthyResourcesTool(cluster, clock), Map.of());

    assertThat(r.text()).contains("3 unhealthy object(s)", "bad-1", "CrashLoopBackOff", "down", "0/3 replicas available", "nightly", "BackoffLimitExceeded")
        .doesNotContain("ok-1", "fine");
    assertThat(r.structuredContent()).containsEntry("count", 3);
  }

  @Test
  void givenAKindWithoutRules_getUnhealthyResources_namesTheKnownOnes() {
    assertThatThrownBy(() -> call(new GetUnhealthyResourcesTool(cluster, clock), Map.of("resourceTypes", List.of("configmaps"))))
        .hasMessageContaining("'resourceTypes': has no health rules for ConfigMap");
  }

  @Test
  void givenALimit_getUnhealthyResources_saysMoreExist() {
    fake.with("Pod", PodFixtures.crashLoopingPod("a", "shop", "n", 9), PodFixtures.crashLoopingPod("b", "shop", "n", 9));

    ToolResult r = call(new GetUnhealthyResourcesTool(cluster, clock), Map.of("resourceTypes", List.of("pods"), "limit", 1));

    assertThat(r.text()).contains("More unhealthy objects exist beyond limit 1");
    assertThat(r.structuredContent()).containsEntry("limitReached", true);
  }

  @Test
  void givenACordonedNodeUnderPressure_getNodeConditions_reportsItAll() {
    Map<String, Object> node = WorkloadFixtures.node("n1", true, true);
    ObjectFields.map(node, "spec").put("taints", List.of(map("key", "node.kubernetes.io/unschedulable", "effect", "NoSchedule")));
    fake.with("Node", node);

    ToolResult r = call(new GetNodeConditionsTool(cluster, clock), Map.of("nodeName", "n1"));

    assertThat(r.text()).startsWith("Node n1: healthy, cordoned (SchedulingDisabled)").contains("MemoryPressure", "KubeletReady",
        "node.kubernetes.io/unschedulable:NoSchedule");
    assertThat(r.structuredContent()).containsEntry("ready", true).containsEntry("unschedulable", true);
  }

  @Test
  void givenACrashingPod_analyzeIssue_saysItIsRuleBasedAndRecommends() {
    Map<String, Object> pod = PodFixtures.crashLoopingPod("web-1", "shop", "n1", 5);
    fake.with("Pod", pod);

    ToolResult r = call(new AnalyzeIssueTool(cluster), Map.of("issueType", "pod_crash", "resourceKind", "Pod", "resourceName", "web-1", "namespace", "shop"));

    assertThat(r.text()).startsWith("Rule-based analysis of pod_crash for Pod shop/web-1 (no AI").contains("Findings:", "CrashLoopBackOff");
    assertThat(r.structuredContent()).containsEntry("method", "rule-based");
  }

  @Test
  void givenAWrongKind_analyzeIssue_namesTheArgument() {
    fake.with("Deployment", WorkloadFixtures.deployment("web", "shop", 1, 1));

    assertThatThrownBy(() -> call(new AnalyzeIssueTool(cluster),
        Map.of("issueType", "job_failed", "resourceKind", "deploy", "resourceName", "web", "namespace", "shop")))
        .hasMessageContaining("'resourceKind'").hasMessageContaining("job_failed applies to Job");
  }
}
