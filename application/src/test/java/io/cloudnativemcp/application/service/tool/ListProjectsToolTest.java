package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolTests.call;
import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListProjectsToolTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final FakeClusterGateway fake = new FakeClusterGateway();

  @Test
  void givenOpenShift_listProjects_showsDisplayNamesAndStatus() {
    fake.withResource(new ApiResource("project.openshift.io", "v1", "Project", "projects", null, false, List.of(), List.of()));
    fake.with("Project", map("kind", "Project", "metadata", map("name", "team-a", "annotations", map("openshift.io/display-name", "Team A"),
        "creationTimestamp", "2026-01-10T12:00:00Z"), "status", map("phase", "Active")));

    ToolResult r = call(new ListProjectsTool(ToolHarness.cluster(fake), clock), Map.of());

    assertThat(r.text()).contains("NAME", "DISPLAY NAME", "team-a", "Team A", "Active", "3h", "count: 1, hasMore: false");
  }

  @Test
  void givenPlainKubernetes_listProjects_saysItIsNotOpenShift() {
    assertThatThrownBy(() -> call(new ListProjectsTool(ToolHarness.cluster(fake), clock), Map.of()))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("not OpenShift").hasMessageContaining("kind=namespaces");
  }
}
