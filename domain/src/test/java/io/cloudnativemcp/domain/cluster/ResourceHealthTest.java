package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceHealthTest {

  private static Map<String, Object> pod(String phase, Map<String, Object>... statuses) {
    return map("status", map("phase", phase, "containerStatuses", List.of(statuses)));
  }

  @Test
  void givenPodsInTrouble_problem_namesTheReason() {
    assertThat(ResourceHealth.problem("Pod", pod("Running", map("name", "app", "restartCount", 7L, "state", map("waiting", map("reason", "CrashLoopBackOff"))))))
        .contains("CrashLoopBackOff (container app, 7 restarts)");
    assertThat(ResourceHealth.problem("Pod", pod("Pending", map("name", "app", "state", map("waiting", map("reason", "ImagePullBackOff"))))))
        .contains("ImagePullBackOff (container app)");
    assertThat(ResourceHealth.problem("Pod", map("status", map("phase", "Pending", "conditions", List.of(map("type", "PodScheduled", "status", "False"))))))
        .contains("Pending: unschedulable");
    assertThat(ResourceHealth.problem("Pod", pod("Running", map("name", "app", "ready", false)))).contains("NotReady");
    assertThat(ResourceHealth.problem("Pod", pod("Running", map("name", "app", "ready", true, "restartCount", 9L)))).contains("Restarting (9 restarts)");
    assertThat(ResourceHealth.problem("Pod", map("status", map("phase", "Failed", "reason", "Evicted")))).contains("Failed (Evicted)");
    assertThat(ResourceHealth.problem("Pod", pod("Running", map("name", "app", "state", map("terminated", map("reason", "OOMKilled", "exitCode", 137L))))))
        .contains("OOMKilled (container app, exit code 137)");
  }

  @Test
  void givenHealthyObjects_problem_isEmpty() {
    assertThat(ResourceHealth.problem("Pod", pod("Running", map("name", "app", "ready", true, "restartCount", 1L)))).isEmpty();
    assertThat(ResourceHealth.problem("Pod", map("status", map("phase", "Succeeded")))).isEmpty();
    assertThat(ResourceHealth.problem("Deployment", WorkloadFixtures.deployment("web", "shop", 3, 3))).isEmpty();
    assertThat(ResourceHealth.problem("ConfigMap", map())).isEmpty();
  }

  @Test
  void givenWorkloadsShortOfReplicas_problem_countsThem() {
    assertThat(ResourceHealth.problem("Deployment", map("spec", map("replicas", 3L), "status", map("availableReplicas", 1L))))
        .contains("1/3 replicas available");
    assertThat(ResourceHealth.problem("Deployment", map("spec", map("replicas", 3L), "status",
        map("availableReplicas", 3L, "conditions", List.of(map("type", "Progressing", "reason", "ProgressDeadlineExceeded"))))))
        .contains("ProgressDeadlineExceeded");
    assertThat(ResourceHealth.problem("StatefulSet", map("spec", map("replicas", 2L), "status", map("readyReplicas", 1L))))
        .contains("1/2 replicas ready");
    assertThat(ResourceHealth.problem("DaemonSet", map("status", map("desiredNumberScheduled", 4L, "numberReady", 3L))))
        .contains("3/4 pods ready");
    assertThat(ResourceHealth.problem("Job", map("status", map("conditions", List.of(map("type", "Failed", "status", "True", "reason", "BackoffLimitExceeded"))))))
        .contains("Failed (BackoffLimitExceeded)");
    assertThat(ResourceHealth.problem("PersistentVolumeClaim", map("status", map("phase", "Pending")))).contains("Pending");
  }

  @Test
  void givenNodes_problem_reportsNotReadyAndPressure() {
    assertThat(ResourceHealth.problem("Node", WorkloadFixtures.node("n1", false, false))).contains("NotReady");
    assertThat(ResourceHealth.problem("Node", map("status", map("conditions",
        List.of(map("type", "Ready", "status", "True"), map("type", "DiskPressure", "status", "True"))))))
        .contains("DiskPressure");
    assertThat(ResourceHealth.problem("Node", WorkloadFixtures.node("n1", true, false))).isEmpty();
  }
}
