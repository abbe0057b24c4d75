package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolTests.call;
import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.service.tool.ToolTests.RecordingInteraction;
import io.cloudnativemcp.domain.access.GlobSet;
import io.cloudnativemcp.domain.access.RestrictedResourceException;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.access.ResourceDenyList;
import io.cloudnativemcp.domain.access.ConfirmationFallback;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tools that wait: rollout status, wait-for-resource, restart with wait, drain. Pauses cost no real time. */
class WaitingToolsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final FakeClusterGateway fake = new FakeClusterGateway();
  private final Cluster cluster = ToolHarness.cluster(fake);
  private final AtomicInteger pauses = new AtomicInteger();

  private Poller poller(Runnable onPause) {
    return ToolHarness.poller(clock, () -> {
      pauses.incrementAndGet();
      onPause.run();
    });
  }

  private static Map<String, Object> rollingDeployment(long updated, long available) {
    return map(
        "apiVersion", "apps/v1", "kind", "Deployment",
        "metadata", map("name", "web", "namespace", "shop", "generation", 2L),
        "spec", map("replicas", 3L),
        "status", map("observedGeneration", 2L, "updatedReplicas", updated, "replicas", 3L, "availableReplicas", available));
  }

  @Test
  void givenNoTimeout_rolloutStatus_answersAtOnce() {
    fake.with("Deployment", rollingDeployment(1, 1));

    ToolResult r = call(new GetRolloutStatusTool(cluster, poller(() -> {})), Map.of("kind", "deploy", "name", "web", "namespace", "shop"));

    assertThat(r.text()).isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...\n");
    assertThat(r.structuredContent()).containsEntry("done", false);
    assertThat(pauses).hasValue(0);
  }

  @Test
  void givenATimeout_rolloutStatus_waitsUntilDoneAndReportsProgress() {
    fake.with("Deployment", rollingDeployment(1, 1));
    AtomicInteger step = new AtomicInteger();
    Poller poller = poller(() -> fake.replace("Deployment", rollingDeployment(Math.min(3, 1 + step.incrementAndGet()), Math.min(3, step.get()))));
    RecordingInteraction client = new RecordingInteraction();

    ToolResult r = call(new GetRolloutStatusTool(cluster, poller), Map.of("kind", "deploy", "name", "web", "namespace", "shop", "timeoutSeconds", 60),
        PrincipalFixtures.admin(), client);

    assertThat(r.structuredContent()).containsEntry("done", true).containsEntry("timedOut", false);
    assertThat(r.text()).contains("successfully rolled out", "Waiting for the rollout: done after");
    assertThat(client.progress).hasSizeGreaterThan(1).allMatch(p -> p.contains("/60.0 rollout of Deployment web"));
  }

  @Test
  void givenAJob_rolloutStatus_refusesTheKind() {
    assertThatThrownBy(() -> call(new GetRolloutStatusTool(cluster, poller(() -> {})), Map.of("kind", "jobs", "name", "x", "namespace", "shop")))
        .hasMessageContaining("'kind': rollout status applies to Deployment, StatefulSet and DaemonSet, not Job");
  }

  @Test
  void givenAPodThatBecomesReady_waitForResource_endsDone() {
    Map<String, Object> pending = map("kind", "Pod", "metadata", map("name", "web-1", "namespace", "shop"), "status", map("phase", "Pending"));
    fake.with("Pod", pending);
    Map<String, Object> ready = PodFixtures.runningPod("web-1", "shop", "n1");
    ObjectFields.map(ready, "status").put("conditions", List.of(map("type", "Ready", "status", "True")));
    Poller poller = poller(() -> fake.replace("Pod", ready));

    ToolResult r = call(new WaitForResourceTool(cluster, poller), Map.of("kind", "pod", "name", "web-1", "namespace", "shop", "pollIntervalSeconds", 2));

    assertThat(r.structuredContent()).containsEntry("satisfied", true).containsEntry("outcome", "done").containsEntry("looks", 2);
    assertThat(r.text()).startsWith("Waiting for Pod web-1 to be ready: done after 2s");
  }

  @Test
  void givenAnObjectThatStays_waitForDeleted_timesOut() {
    fake.with("ConfigMap", map("kind", "ConfigMap", "metadata", map("name", "cfg", "namespace", "shop")));

    ToolResult r = call(new WaitForResourceTool(cluster, poller(() -> {})),
        Map.of("kind", "cm", "name", "cfg", "namespace", "shop", "condition", "deleted", "timeoutSeconds", 10, "pollIntervalSeconds", 5));

    assertThat(r.structuredContent()).containsEntry("satisfied", false).containsEntry("outcome", "timed_out").containsEntry("waitedSeconds", 10L);
    assertThat(r.text()).contains("not done within 10s (last seen: still exists)");
  }

  @Test
  void givenAFailingJob_waitForComplete_endsEarly() {
    fake.with("Job", WorkloadFixtures.failedJob("nightly", "ops"));

    ToolResult r = call(new WaitForResourceTool(cluster, poller(() -> {})), Map.of("kind", "job", "name", "nightly", "namespace", "ops", "condition", "complete"));

    assertThat(r.structuredContent()).containsEntry("outcome", "failed");
    assertThat(pauses).hasValue(0);
  }

  @Test
  void givenACancelledCall_waitForResource_stopsAtTheNextLook() {
    fake.with("ConfigMap", map("kind", "ConfigMap", "metadata", map("name", "cfg", "namespace", "shop")));
    RecordingInteraction client = new RecordingInteraction();
    client.cancelAfterProgress = true;

    ToolResult r = call(new WaitForResourceTool(cluster, poller(() -> {})),
        Map.of("kind", "cm", "name", "cfg", "namespace", "shop", "condition", "deleted", "timeoutSeconds", 600), PrincipalFixtures.admin(), client);

    assertThat(r.structuredContent()).containsEntry("outcome", "cancelled").containsEntry("looks", 1);
    assertThat(pauses).hasValue(0);
  }

  @Test
  void givenWaitForReady_restartWorkload_stampsTheTemplateAndWaitsForTheRollout() {
    fake.with("Deployment", rollingDeployment(3, 3));
    AtomicInteger step = new AtomicInteger();
    Poller poller = poller(() -> fake.replace("Deployment", rollingDeployment(step.incrementAndGet() >= 2 ? 3 : 1, 3)));
    fake.replace("Deployment", rollingDeployment(0, 3));

    ToolResult r = call(new RestartWorkloadTool(cluster, poller, clock),
        Map.of("kind", "deploy", "name", "web", "namespace", "shop", "waitForReady", true, "timeoutSeconds", 60));

    assertThat(fake.lastQuery(FakeClusterGateway.PatchCall.class).get().patch())
        .isEqualTo(Map.of("spec", Map.of("template", Map.of("metadata", Map.of("annotations", Map.of(RestartWorkloadTool.RESTARTED_AT, "2026-01-10T15:00:00Z"))))));
    assertThat(r.structuredContent()).containsEntry("ready", true).containsEntry("restartedAt", "2026-01-10T15:00:00Z");
    assertThat(r.text()).startsWith("Restarted Deployment shop/web").contains("done after");
  }

  @Test
  void givenAConfigMap_restartWorkload_refuses() {
    assertThatThrownBy(() -> call(new RestartWorkloadTool(cluster, poller(() -> {}), clock), Map.of("kind", "cm", "name", "x", "namespace", "shop")))
        .hasMessageContaining("ConfigMap cannot be restarted");
  }

  private Map<String, Object> managedPod(String name, String ns, String node, String ownerKind) {
    Map<String, Object> pod = PodFixtures.runningPod(name, ns, node);
    ObjectFields.map(pod, "metadata").put("uid", "uid-" + name);
    ObjectFields.map(pod, "metadata").put("ownerReferences", List.of(map("kind", ownerKind, "name", "owner", "controller", true)));
    return pod;
  }

  @Test
  void givenPodsAndABudget_drainNode_cordonsEvictsRetriesAndSkipsDaemonSets() {
    fake.with("Node", WorkloadFixtures.node("n1", true, false));
    fake.with("Pod", managedPod("web-1", "shop", "n1", "ReplicaSet"), managedPod("db-0", "shop", "n1", "StatefulSet"),
        managedPod("agent-x", "kube-system", "n1", "DaemonSet"), managedPod("other", "shop", "n2", "ReplicaSet"));
    fake.withEvictionRefused("shop", "db-0", 2);
    RecordingInteraction client = new RecordingInteraction();

    ToolResult r = call(new DrainNodeTool(cluster, poller(() -> {})), Map.of("name", "n1", "timeoutSeconds", 60), PrincipalFixtures.admin(), client);

    assertThat(Boolean.TRUE.equals(ObjectFields.at(fake.objects("Node").get(0), "spec", "unschedulable"))).isTrue();
    assertThat(r.structuredContent()).containsEntry("outcome", "drained")
        .containsEntry("evicted", List.of("shop/web-1", "shop/db-0"))
        .containsEntry("skipped", List.of("kube-system/agent-x (DaemonSet)"));
    assertThat(fake.queries(FakeClusterGateway.EvictCall.class)).extracting(FakeClusterGateway.EvictCall::pod)
        .containsExactly("web-1", "db-0", "db-0", "db-0");
    assertThat(fake.objects("Pod")).extracting(p -> ObjectFields.string(p, "metadata", "name")).containsExactlyInAnyOrder("agent-x", "other");
    assertThat(client.progress).anyMatch(p -> p.contains("blocked by disruption budgets")).last().asString().contains("2/2 pods gone");
  }

  @Test
  void givenABudgetThatNeverAllows_drainNode_timesOutAndSaysWhichPods() {
    fake.with("Node", WorkloadFixtures.node("n1", true, false));
    fake.with("Pod", managedPod("db-0", "shop", "n1", "StatefulSet"));
    fake.withEvictionRefused("shop", "db-0", 1000);

    ToolResult r = call(new DrainNodeTool(cluster, poller(() -> {})), Map.of("name", "n1", "timeoutSeconds", 10));

    assertThat(r.structuredContent()).containsEntry("outcome", "timed_out").containsEntry("blocked", List.of("shop/db-0"))
        .containsEntry("action", "partially drained");
    assertThat(r.text()).contains("blocked by PodDisruptionBudgets: shop/db-0");
  }

  @Test
  void givenUnmanagedOrEmptyDirPods_drainNode_changesNothingAndExplains() {
    fake.with("Node", WorkloadFixtures.node("n1", true, false));
    Map<String, Object> bare = PodFixtures.runningPod("bare", "shop", "n1");
    Map<String, Object> scratch = managedPod("cache-1", "shop", "n1", "ReplicaSet");
    ObjectFields.map(scratch, "spec").put("volumes", List.of(map("name", "tmp", "emptyDir", map())));
    fake.with("Pod", bare, scratch);

    ToolResult r = call(new DrainNodeTool(cluster, poller(() -> {})), Map.of("name", "n1"));

    assertThat(r.text()).startsWith("Not drained: nothing was changed").contains("shop/bare is not managed by a controller",
        "shop/cache-1 uses emptyDir data (set deleteEmptyDir=true");
    assertThat(fake.queries(FakeClusterGateway.PatchCall.class)).isEmpty();
    assertThat(fake.queries(FakeClusterGateway.EvictCall.class)).isEmpty();
  }

  @Test
  void givenAPodInAnUnservedNamespace_drainNode_refusesBeforeCordoning() {
    Cluster limited = ToolHarness.cluster(fake, ServerMode.unrestricted()
        .with(GlobSet.all(), GlobSet.of(List.of("shop")), ResourceDenyList.none(), ConfirmationFallback.ALLOW));
    fake.with("Node", WorkloadFixtures.node("n1", true, false));
    fake.with("Pod", managedPod("web-1", "shop", "n1", "ReplicaSet"), managedPod("sys-1", "kube-system", "n1", "ReplicaSet"));

    assertThatThrownBy(() -> call(new DrainNodeTool(limited, poller(() -> {})), Map.of("name", "n1")))
        .isInstanceOf(RestrictedResourceException.class).hasMessageContaining("1 pod(s) on node n1 are in namespaces this server does not serve")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sys-1"));
    assertThat(fake.queries(FakeClusterGateway.PatchCall.class)).isEmpty();
  }
}
