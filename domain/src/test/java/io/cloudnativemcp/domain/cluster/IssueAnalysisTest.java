package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IssueAnalysisTest {

  @Test
  void givenAnOomKilledPod_podCrash_recommendsMoreMemory() {
    Map<String, Object> pod =
        map(
            "metadata", map("name", "api-1", "namespace", "shop"),
            "spec", map("containers", List.of(map("name", "api"))),
            "status",
                map("phase", "Running", "containerStatuses",
                    List.of(map("name", "api", "restartCount", 4L, "state", map("waiting", map("reason", "CrashLoopBackOff")),
                        "lastState", map("terminated", map("reason", "OOMKilled", "exitCode", 137L))))));

    IssueAnalysis a = IssueAnalysis.analyze("pod_crash", "Pod", pod, List.of(pod),
        List.of(WorkloadFixtures.event("shop", "Warning", "BackOff", "Pod", "api-1", "Back-off restarting", "2026-01-10T12:00:00Z")));

    assertThat(a.subject()).isEqualTo("Pod shop/api-1");
    assertThat(a.findings()).anyMatch(f -> f.contains("CrashLoopBackOff") && f.contains("OOMKilled") && f.contains("137"))
        .anyMatch(f -> f.startsWith("Event BackOff"));
    assertThat(a.recommendations()).anyMatch(r -> r.contains("resources.limits.memory"));
  }

  @Test
  void givenAnErrorExit_podCrash_pointsToThePreviousLog() {
    Map<String, Object> pod = map("metadata", map("name", "api-1", "namespace", "shop"), "status", map("containerStatuses",
        List.of(map("name", "api", "restartCount", 2L, "lastState", map("terminated", map("reason", "Error", "exitCode", 1L))))));

    IssueAnalysis a = IssueAnalysis.analyze("pod_crash", "Pod", pod, List.of(pod), List.of());

    assertThat(a.recommendations()).anyMatch(r -> r.contains("kubernetes_get_pod_logs") && r.contains("previous=true"))
        .anyMatch(r -> r.contains("application error"));
  }

  @Test
  void givenAnUnschedulablePod_podPending_explainsTheSchedulerMessage() {
    Map<String, Object> pod = map("metadata", map("name", "big", "namespace", "shop"), "status", map("phase", "Pending", "conditions",
        List.of(map("type", "PodScheduled", "status", "False", "reason", "Unschedulable", "message", "0/3 nodes are available: 3 Insufficient memory."))));

    IssueAnalysis a = IssueAnalysis.analyze("pod_pending", "Pod", pod, List.of(pod), List.of());

    assertThat(a.findings()).anyMatch(f -> f.contains("Insufficient memory"));
    assertThat(a.recommendations()).anyMatch(r -> r.contains("resources.requests"));
  }

  @Test
  void givenAnUnavailableDeployment_deploymentUnavailable_looksAtItsPods() {
    Map<String, Object> pod = PodFixtures.crashLoopingPod("web-1", "shop", "n1", 5);

    IssueAnalysis a = IssueAnalysis.analyze("deployment_unavailable", "Deployment",
        WorkloadFixtures.unavailableDeployment("web", "shop", 3), List.of(pod), List.of());

    assertThat(a.findings()).anyMatch(f -> f.contains("0 of 3 replicas are available"))
        .anyMatch(f -> f.contains("Available=False"))
        .anyMatch(f -> f.startsWith("Pod web-1: CrashLoopBackOff"));
    assertThat(a.recommendations()).anyMatch(r -> r.contains("pod_crash"));
  }

  @Test
  void givenAFailedJob_jobFailed_explainsTheBackoffLimit() {
    IssueAnalysis a = IssueAnalysis.analyze("job_failed", "Job", WorkloadFixtures.failedJob("nightly", "ops"), List.of(), List.of());

    assertThat(a.findings()).anyMatch(f -> f.contains("BackoffLimitExceeded"));
    assertThat(a.recommendations()).anyMatch(r -> r.contains("logs of a failed pod"));
  }

  @Test
  void givenAHealthyPod_analyze_saysNoRuleMatched() {
    Map<String, Object> pod = PodFixtures.runningPod("web-1", "shop", "n1");

    assertThat(IssueAnalysis.analyze("pod_crash", "Pod", pod, List.of(pod), List.of()).findings())
        .singleElement().asString().startsWith("No rule matched");
  }

  @Test
  void givenAWrongKindOrType_analyze_refuses() {
    assertThatThrownBy(() -> IssueAnalysis.analyze("pod_crash", "Deployment", map(), List.of(), List.of()))
        .hasMessageContaining("pod_crash applies to Pod");
    assertThatThrownBy(() -> IssueAnalysis.analyze("slow", "Pod", map(), List.of(), List.of()))
        .hasMessageContaining("pod_crash, pod_pending, deployment_unavailable, job_failed");
  }
}
