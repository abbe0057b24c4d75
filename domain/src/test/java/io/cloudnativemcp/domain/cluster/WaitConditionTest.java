package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.domain.cluster.WaitCondition.Phase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitConditionTest {

  @Test
  void givenExistenceConditions_check_looksOnlyAtPresence() {
    assertThat(WaitCondition.EXISTS.check("Pod", Optional.empty()).phase()).isEqualTo(Phase.WAITING);
    assertThat(WaitCondition.EXISTS.check("Pod", Optional.of(map())).phase()).isEqualTo(Phase.SATISFIED);
    assertThat(WaitCondition.DELETED.check("Pod", Optional.of(map())).phase()).isEqualTo(Phase.WAITING);
    assertThat(WaitCondition.DELETED.check("Pod", Optional.empty()).phase()).isEqualTo(Phase.SATISFIED);
  }

  @Test
  void givenPodsAndDeployments_ready_readsConditionsAndReplicas() {
    assertThat(WaitCondition.READY.check("Pod", Optional.of(map("status", map("conditions", List.of(map("type", "Ready", "status", "True")))))).phase())
        .isEqualTo(Phase.SATISFIED);
    assertThat(WaitCondition.READY.check("Pod", Optional.of(map("status", map("phase", "Pending")))).phase()).isEqualTo(Phase.WAITING);
    assertThat(WaitCondition.READY.check("Pod", Optional.of(map("status", map("phase", "Failed")))).phase()).isEqualTo(Phase.FAILED);
    assertThat(WaitCondition.READY.check("Deployment", Optional.of(WorkloadFixtures.deployment("web", "shop", 3, 2))).detail())
        .isEqualTo("2/3 replicas ready");
    assertThat(WaitCondition.AVAILABLE.check("Deployment", Optional.of(WorkloadFixtures.deployment("web", "shop", 3, 3))).phase())
        .isEqualTo(Phase.SATISFIED);
  }

  @Test
  void givenJobs_complete_succeedsOrFailsEarly() {
    assertThat(WaitCondition.COMPLETE.check("Job", Optional.of(WorkloadFixtures.completedJob("j", "ns"))).phase()).isEqualTo(Phase.SATISFIED);
    assertThat(WaitCondition.COMPLETE.check("Job", Optional.of(WorkloadFixtures.failedJob("j", "ns"))).phase()).isEqualTo(Phase.FAILED);
    assertThat(WaitCondition.COMPLETE.check("Job", Optional.of(WorkloadFixtures.runningJob("j", "ns"))).phase()).isEqualTo(Phase.WAITING);
  }

  @Test
  void givenAnUnknownName_fromWireName_listsTheChoices() {
    assertThat(WaitCondition.fromWireName("Ready")).isEqualTo(WaitCondition.READY);
    assertThatThrownBy(() -> WaitCondition.fromWireName("healthy")).hasMessageContaining("ready, available, complete, exists, deleted");
  }
}
