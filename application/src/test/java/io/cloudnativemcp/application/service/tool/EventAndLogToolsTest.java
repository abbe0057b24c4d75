package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolTests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events page by page and in detail, and the log tool's previous/since/grep. */
class EventAndLogToolsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final FakeClusterGateway fake = new FakeClusterGateway();
  private final Cluster cluster = ToolHarness.cluster(fake);

  private void seedEvents() {
    fake.with("Event",
        WorkloadFixtures.event("shop", "Normal", "Pulled", "Pod", "web-1", "Container image pulled", "2026-01-10T14:00:00Z"),
        WorkloadFixtures.event("shop", "Warning", "FailedMount", "Pod", "web-2", "MountVolume.SetUp failed for volume \"certs\"", "2026-01-10T14:58:00Z"));
  }

  @Test
  void givenEvents_getEvents_pagesNewestFirstAndPassesTheSelector() {
    seedEvents();
    fake.withNextPage("ev-2", null);

    ToolResult r = call(new GetEventsTool(cluster, clock), Map.of("namespace", "shop", "fieldSelector", "involvedObject.kind=Pod", "limit", 50));

    assertThat(r.text().indexOf("FailedMount")).isLessThan(r.text().indexOf("Pulled"));
    assertThat(r.text()).contains("count: 2, hasMore: true", "continueToken: ev-2");
    assertThat(fake.lastQuery(ListQuery.class).get()).extracting(ListQuery::fieldSelector, ListQuery::limit)
        .containsExactly("involvedObject.kind=Pod", 50);
  }

  @Test
  void givenNormalEvents_getEventsDetail_leavesThemOutUnlessAsked() {
    seedEvents();

    ToolResult warnings = call(new GetEventsDetailTool(cluster, clock), Map.of("namespace", "shop"));
    ToolResult all = call(new GetEventsDetailTool(cluster, clock), Map.of("namespace", "shop", "includeNormalEvents", true));

    assertThat(warnings.text()).contains("Warning FailedMount on pod/web-2 in shop", "MountVolume.SetUp failed", "1 Normal event(s) of this page not shown")
        .doesNotContain("Pulled");
    assertThat(warnings.structuredContent()).containsEntry("count", 1).containsEntry("skippedNormal", 1);
    assertThat(all.structuredContent()).containsEntry("count", 2);
  }

  @Test
  void givenPreviousAndSince_getPodLogs_passesThemToTheApi() {
    fake.withLog("shop", "web-1", "panic: boom\n");

    ToolResult r = call(new GetPodLogsTool(cluster, MaskingPolicy.defaults(), OutputLimits.defaults()),
        Map.of("name", "web-1", "namespace", "shop", "previous", true, "sinceSeconds", 600, "tailLines", 20));

    assertThat(r.text()).startsWith("Last 1 line(s) of previous run of pod/web-1 in shop:");
    assertThat(fake.lastQuery(PodLogQuery.class)).contains(new PodLogQuery("shop", "web-1", Optional.empty(), 20, true, Optional.of(600)));
  }

  @Test
  void givenGrep_getPodLogs_readsMoreAndKeepsTheMatchingLines() {
    fake.withLog("shop", "web-1", "GET / 200\nERROR db timeout\nGET /cart 200\nerror: retry\nGET / 200\n");

    ToolResult r = call(new GetPodLogsTool(cluster, MaskingPolicy.defaults(), OutputLimits.defaults()),
        Map.of("name", "web-1", "namespace", "shop", "grep", "error|timeout", "tailLines", 5));

    assertThat(r.text()).isEqualTo("Last 2 line(s) matching 'error|timeout' of pod/web-1 in shop:\nERROR db timeout\nerror: retry\n");
    assertThat(fake.lastQuery(PodLogQuery.class).get().tailLines()).isEqualTo(GetPodLogsTool.GREP_SCAN);
    assertThatThrownBy(() -> call(new GetPodLogsTool(cluster, MaskingPolicy.defaults(), OutputLimits.defaults()),
        Map.of("name", "web-1", "namespace", "shop", "grep", "(")))
        .hasMessageContaining("'grep': is not a valid regular expression");
  }

  @Test
  void givenBearerTokensInLogs_getPodLogs_masksThem() {
    fake.withLog("shop", "web-1", "calling api with Authorization: Bearer abcdefghijklmnopqrstuvwxyz123\n");

    ToolResult r = call(new GetPodLogsTool(cluster, MaskingPolicy.defaults(), OutputLimits.defaults()), Map.of("name", "web-1", "namespace", "shop"));

    assertThat(r.text()).doesNotContain("abcdefghijklmnopqrstuvwxyz123").contains(MaskingPolicy.DEFAULT_MASK);
  }
}
