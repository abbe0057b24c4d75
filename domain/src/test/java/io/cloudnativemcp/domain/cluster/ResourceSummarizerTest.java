package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceSummarizerTest {

  static Stream<Arguments> podStatuses() {
    return Stream.of(
        Arguments.of("running", PodFixtures.runningPod("web-1", "shop", "node-a"), "Running"),
        Arguments.of("crash loop", PodFixtures.crashLoopingPod("web-2", "shop", "node-a", 7), "CrashLoopBackOff"),
        Arguments.of("init image pull", PodFixtures.initFailingPod("web-3", "shop", "node-a", "ErrImagePull"), "Init:ErrImagePull"),
        Arguments.of("init crash", PodFixtures.initFailingPod("web-4", "shop", "node-a", "CrashLoopBackOff"), "Init:CrashLoopBackOff"),
        Arguments.of("terminating", PodFixtures.terminatingPod("web-5", "shop", "node-a"), "Terminating"),
        Arguments.of("evicted", PodFixtures.evictedPod("web-6", "shop", "node-a"), "Evicted"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {2}")
  @MethodSource("podStatuses")
  void givenPodState_summarize_reportsWhatKubectlWouldShow(String what, Map<String, Object> pod, String status) {
    assertThat(ResourceSummarizer.summarize("Pod", pod, false).status()).isEqualTo(status);
  }

  @Test
  void givenRunningPod_summarize_fillsEveryPodColumn() {
    ResourceSummary summary =
        ResourceSummarizer.summarize("Pod", PodFixtures.runningPod("web-1", "shop", "node-a"), false);

    assertThat(summary)
        .isEqualTo(
            new ResourceSummary("web-1", "shop", "Running", "1/1", 0, "node-a", PodFixtures.CREATED, null));
  }

  @Test
  void givenPodWithUnreadySidecar_summarize_countsReadyContainersAndSumsRestarts() {
    Map<String, Object> pod = PodFixtures.podWithSidecar("web-1", "shop", "node-b", true, 2, false, 3);

    ResourceSummary summary = ResourceSummarizer.summarize("Pod", pod, false);

    assertThat(summary.ready()).isEqualTo("1/2");
    assertThat(summary.restarts()).isEqualTo(5);
    assertThat(summary.node()).isEqualTo("node-b");
  }

  @Test
  void givenPendingPodWithoutStatuses_summarize_countsContainersFromTheSpec() {
    Map<String, Object> pod = PodFixtures.podWithSidecar("web-1", "shop", null, false, 0, false, 0);
    PodFixtures.status(pod).put("containerStatuses", List.of());
    PodFixtures.status(pod).put("phase", "Pending");

    ResourceSummary summary = ResourceSummarizer.summarize("Pod", pod, false);

    assertThat(summary.status()).isEqualTo("Pending");
    assertThat(summary.ready()).isEqualTo("0/2");
    assertThat(summary.restarts()).isZero();
    assertThat(summary.node()).isNull();
  }

  @Test
  void givenCrashLoopingPod_summarize_reportsItsRestarts() {
    ResourceSummary summary =
        ResourceSummarizer.summarize("Pod", PodFixtures.crashLoopingPod("web-2", "shop", "node-a", 7), false);

    assertThat(summary.restarts()).isEqualTo(7);
    assertThat(summary.ready()).isEqualTo("0/1");
  }

  @Test
  void givenInitContainerStillInitializing_summarize_fallsBackToTheContainers() {
    Map<String, Object> pod = PodFixtures.initFailingPod("web-3", "shop", "node-a", "PodInitializing");

    assertThat(ResourceSummarizer.summarize("Pod", pod, false).status()).isEqualTo("PodInitializing");
  }

  @Test
  void givenInitContainerThatExitedWithAnError_summarize_reportsTheInitFailure() {
    Map<String, Object> pod = PodFixtures.runningPod("web-7", "shop", "node-a");
    PodFixtures.status(pod)
        .put(
            "initContainerStatuses",
            List.of(map("name", "migrate", "ready", false, "restartCount", 2, "state", map("terminated", map("reason", "Error", "exitCode", 1)))));
    PodFixtures.status(pod).put("phase", "Pending");

    assertThat(ResourceSummarizer.summarize("Pod", pod, false).status()).isEqualTo("Init:Error");
  }

  @Test
  void givenInitContainerThatCompleted_summarize_reportsTheMainContainers() {
    Map<String, Object> pod = PodFixtures.runningPod("web-8", "shop", "node-a");
    PodFixtures.status(pod)
        .put(
            "initContainerStatuses",
            List.of(map("name", "migrate", "ready", false, "restartCount", 0, "state", map("terminated", map("reason", "Completed", "exitCode", 0)))));

    assertThat(ResourceSummarizer.summarize("Pod", pod, false).status()).isEqualTo("Running");
  }

  @Test
  void givenMainContainerTerminatedWithAnError_summarize_reportsTheReason() {
    Map<String, Object> pod = PodFixtures.runningPod("web-9", "shop", "node-a");
    PodFixtures.status(pod)
        .put(
            "containerStatuses",
            List.of(map("name", "app", "ready", false, "restartCount", 1, "state", map("terminated", map("reason", "OOMKilled")))));

    assertThat(ResourceSummarizer.summarize("Pod", pod, false).status()).isEqualTo("OOMKilled");
  }

  @Test
  void givenPodWithoutStatus_summarize_saysUnknown() {
    Map<String, Object> pod = map("metadata", map("name", "ghost"));

    assertThat(ResourceSummarizer.summarize("Pod", pod, false).status()).isEqualTo("Unknown");
  }

  @Test
  void givenLabelsRequested_summarize_keepsThem() {
    Map<String, Object> pod = PodFixtures.runningPod("web-1", "shop", "node-a");

    assertThat(ResourceSummarizer.summarize("Pod", pod, true).labels()).isEqualTo(Map.of("app", "web"));
    assertThat(ResourceSummarizer.summarize("Pod", pod, false).labels()).isNull();
  }

  static Stream<Arguments> deployments() {
    return Stream.of(
        Arguments.of(WorkloadFixtures.deployment("api", "shop", 3, 3), "Ready", "3/3"),
        Arguments.of(WorkloadFixtures.deployment("api", "shop", 3, 2), "Progressing", "2/3"),
        Arguments.of(WorkloadFixtures.unavailableDeployment("api", "shop", 3), "Unavailable", "0/3"),
        Arguments.of(WorkloadFixtures.stuckDeployment("api", "shop", 3, 2), "ProgressDeadlineExceeded", "2/3"),
        Arguments.of(WorkloadFixtures.deployment("api", "shop", 0, 0), "ScaledDown", "0/0"));
  }

  @ParameterizedTest(name = "[{index}] {1} {2}")
  @MethodSource("deployments")
  void givenDeployment_summarize_reportsReadyReplicasAndRolloutStatus(
      Map<String, Object> deployment, String status, String ready) {
    ResourceSummary summary = ResourceSummarizer.summarize("Deployment", deployment, false);

    assertThat(summary.status()).isEqualTo(status);
    assertThat(summary.ready()).isEqualTo(ready);
    assertThat(summary.restarts()).isNull();
    assertThat(summary.node()).isNull();
  }

  @Test
  void givenStatefulSet_summarize_usesReplicaCounts() {
    Map<String, Object> sts = WorkloadFixtures.deployment("db", "shop", 3, 1);
    sts.put("kind", "StatefulSet");

    ResourceSummary summary = ResourceSummarizer.summarize("StatefulSet", sts, false);

    assertThat(summary.ready()).isEqualTo("1/3");
    assertThat(summary.status()).isEqualTo("Progressing");
  }

  static Stream<Arguments> nodes() {
    return Stream.of(
        Arguments.of(WorkloadFixtures.node("node-a", true, false), "Ready"),
        Arguments.of(WorkloadFixtures.node("node-b", false, false), "NotReady"),
        Arguments.of(WorkloadFixtures.node("node-c", false, true), "NotReady,SchedulingDisabled"),
        Arguments.of(WorkloadFixtures.node("node-d", true, true), "Ready,SchedulingDisabled"),
        Arguments.of(map("metadata", map("name", "node-e"), "status", map("conditions", List.of())), "Unknown"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("nodes")
  void givenNode_summarize_reportsReadinessAndCordon(Map<String, Object> node, String status) {
    ResourceSummary summary = ResourceSummarizer.summarize("Node", node, false);

    assertThat(summary.status()).isEqualTo(status);
    assertThat(summary.namespace()).isNull();
  }

  @Test
  void givenJobs_summarize_reportsCompletionOrFailure() {
    ResourceSummary complete = ResourceSummarizer.summarize("Job", WorkloadFixtures.completedJob("migrate", "shop"), false);
    ResourceSummary failed = ResourceSummarizer.summarize("Job", WorkloadFixtures.failedJob("migrate", "shop"), false);
    ResourceSummary running = ResourceSummarizer.summarize("Job", WorkloadFixtures.runningJob("migrate", "shop"), false);

    assertThat(complete.status()).isEqualTo("Complete");
    assertThat(complete.ready()).isEqualTo("1/1");
    assertThat(failed.status()).isEqualTo("Failed");
    assertThat(failed.ready()).isEqualTo("0/1");
    assertThat(running.status()).isEqualTo("Running");
  }

  @Test
  void givenOtherKinds_summarize_picksTheirOneWordStatus() {
    assertThat(ResourceSummarizer.summarize("Service", map("metadata", map("name", "web"), "spec", map("type", "ClusterIP")), false).status())
        .isEqualTo("ClusterIP");
    assertThat(ResourceSummarizer.summarize("ConfigMap", map("metadata", map("name", "cfg"), "data", map("a", "1", "b", "2")), false).status())
        .isEqualTo("2 keys");
    assertThat(ResourceSummarizer.summarize("Event", WorkloadFixtures.event("shop", "Warning", "BackOff", "Pod", "web-1", "m", null), false).status())
        .isEqualTo("Warning:BackOff");
    assertThat(ResourceSummarizer.summarize("CronJob", map("metadata", map("name", "nightly"), "spec", map("suspend", true)), false).status())
        .isEqualTo("Suspended");
    assertThat(
            ResourceSummarizer.summarize(
                    "CronJob", map("metadata", map("name", "nightly"), "status", map("active", List.of(map(), map()))), false)
                .status())
        .isEqualTo("Active(2)");
    assertThat(ResourceSummarizer.summarize("DaemonSet", map("metadata", map("name", "agent"), "status", map("desiredNumberScheduled", 3, "numberReady", 2)), false))
        .extracting(ResourceSummary::status, ResourceSummary::ready)
        .containsExactly("NotReady", "2/3");
    assertThat(ResourceSummarizer.summarize("PersistentVolumeClaim", map("metadata", map("name", "data"), "status", map("phase", "Bound")), false).status())
        .isEqualTo("Bound");
    assertThat(ResourceSummarizer.summarize("Namespace", map("metadata", map("name", "shop")), false).status()).isNull();
  }

  @Test
  void givenOpenShiftKinds_summarize_readsDeploymentConfigsRoutesAndClaims() {
    ResourceSummary dc = ResourceSummarizer.summarize("DeploymentConfig", map(
        "metadata", map("name", "frontend", "namespace", "shop"),
        "spec", map("replicas", 3L), "status", map("readyReplicas", 2L)), false);
    ResourceSummary route = ResourceSummarizer.summarize("Route", map(
        "metadata", map("name", "frontend", "namespace", "shop"), "spec", map("host", "shop.apps.example.com", "path", "/api")), false);
    ResourceSummary pvc = ResourceSummarizer.summarize("PersistentVolumeClaim", map(
        "metadata", map("name", "data"), "status", map("phase", "Pending")), false);

    assertThat(dc.ready()).isEqualTo("2/3");
    assertThat(dc.status()).isEqualTo("Progressing");
    assertThat(route.status()).isEqualTo("shop.apps.example.com/api");
    assertThat(pvc.status()).isEqualTo("Pending");
  }
}
