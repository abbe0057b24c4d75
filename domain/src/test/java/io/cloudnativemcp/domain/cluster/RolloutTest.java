package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutTest {

  private static Map<String, Object> deployment(long generation, long observed, long replicas, long updated, long total, long available) {
    return map(
        "metadata", map("name", "web", "generation", generation),
        "spec", map("replicas", replicas),
        "status", map("observedGeneration", observed, "updatedReplicas", updated, "replicas", total, "availableReplicas", available));
  }

  @Test
  void givenADeploymentMidRollout_of_saysWhatItWaitsFor() {
    assertThat(Rollout.of("Deployment", deployment(2, 1, 3, 3, 3, 3)).message()).isEqualTo("Waiting for deployment spec update to be observed...");
    assertThat(Rollout.of("Deployment", deployment(2, 2, 3, 1, 4, 3)).message())
        .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...");
    assertThat(Rollout.of("Deployment", deployment(2, 2, 3, 3, 4, 3)).message())
        .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...");
    assertThat(Rollout.of("Deployment", deployment(2, 2, 3, 3, 3, 2)).message())
        .isEqualTo("Waiting for deployment \"web\" rollout to finish: 2 of 3 updated replicas are available...");
    Rollout done = Rollout.of("Deployment", deployment(2, 2, 3, 3, 3, 3));
    assertThat(done.done()).isTrue();
    assertThat(done.message()).isEqualTo("deployment \"web\" successfully rolled out");
  }

  @Test
  void givenAStuckDeployment_of_reportsFailure() {
    Map<String, Object> d = deployment(2, 2, 3, 1, 3, 1);
    ObjectFields.map(d, "status").put("conditions", List.of(map("type", "Progressing", "status", "False", "reason", "ProgressDeadlineExceeded")));

    Rollout r = Rollout.of("Deployment", d);

    assertThat(r.failed()).isTrue();
    assertThat(r.message()).contains("exceeded its progress deadline");
  }

  @Test
  void givenStatefulSetsAndDaemonSets_of_followKubectl() {
    Map<String, Object> sts = map("metadata", map("name", "db"), "spec", map("replicas", 3L),
        "status", map("readyReplicas", 3L, "currentRevision", "db-1", "updateRevision", "db-2", "updatedReplicas", 1L));
    assertThat(Rollout.of("StatefulSet", sts).message()).startsWith("waiting for statefulset rolling update to complete");
    ObjectFields.map(sts, "status").put("currentRevision", "db-2");
    assertThat(Rollout.of("StatefulSet", sts).done()).isTrue();

    Map<String, Object> ds = map("metadata", map("name", "agent"),
        "status", map("desiredNumberScheduled", 4L, "updatedNumberScheduled", 4L, "numberAvailable", 3L));
    assertThat(Rollout.of("DaemonSet", ds).message()).contains("3 of 4 updated pods are available");
  }

  @Test
  void givenAKindWithoutRollouts_of_refuses() {
    assertThatThrownBy(() -> Rollout.of("Job", map())).hasMessageContaining("Deployment, StatefulSet and DaemonSet");
  }
}
