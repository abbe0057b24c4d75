package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetRecentEventsToolTest {
  private final MutableClock clock = MutableClock.at("2026-01-10T10:10:00Z");
  private final FakeClusterGateway cluster = new FakeClusterGateway();
  private final GetRecentEventsTool tool = new GetRecentEventsTool(ToolHarness.cluster(cluster), clock);

  private ToolResult call(Map<String, Object> arguments) {
    return tool.call(ToolArguments.validate(tool.descriptor(), arguments), ToolCall.of(PrincipalFixtures.reader()));
  }

  @SuppressWarnings("unchecked")
  private static List<String> reasons(ToolResult result) {
    return ((List<Map<String, Object>>) result.structuredContent().get("items"))
        .stream().map(i -> (String) i.get("reason")).toList();
  }

  private void givenMixedEvents() {
    cluster.with(
        "Event",
        WorkloadFixtures.event("shop", "Normal", "Pulled", "Pod", "web-1", "pulled image", "2026-01-10T10:05:00Z"),
        WorkloadFixtures.event("shop", "Warning", "BackOff", "Pod", "web-2", "back-off restarting", "2026-01-10T10:00:00Z"),
        WorkloadFixtures.event("shop", "Normal", "Scheduled", "Pod", "web-3", "assigned to node-a", "2026-01-10T09:00:00Z"),
        WorkloadFixtures.event("shop", "Warning", "FailedMount", "Pod", "web-4", "secret not found", "2026-01-10T10:03:00Z"));
  }

  @Test
  void givenMixedEvents_call_putsWarningsFirstThenNewestFirst() {
    givenMixedEvents();

    ToolResult result = call(Map.of("namespace", "shop"));

    assertThat(reasons(result)).containsExactly("FailedMount", "BackOff", "Pulled", "Scheduled");
    List<String> lines = result.text().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Events (4 of 4)");
    assertThat(lines.get(1).split(" {2,}")).containsExactly("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
    assertThat(lines.get(2).split(" {2,}")).containsExactly("7m", "Warning", "FailedMount", "pod/web-4", "secret not found");
    assertThat(lines.get(5).split(" {2,}")).containsExactly("1h10m", "Normal", "Scheduled", "pod/web-3", "assigned to node-a");
  }

  @Test
  void givenLimit_call_keepsOnlyTheMostImportantEvents() {
    givenMixedEvents();

    ToolResult result = call(Map.of("namespace", "shop", "limit", 2));

    assertThat(reasons(result)).containsExactly("FailedMount", "BackOff");
    assertThat(result.text()).startsWith("Events (2 of 4)\n");
    assertThat(result.structuredContent()).containsEntry("count", 2).containsEntry("scanned", 4);
  }

  @Test
  void givenNamespace_call_scansThatNamespaceWithTheScanLimit() {
    givenMixedEvents();

    call(Map.of("namespace", "shop"));

    assertThat(cluster.lastQuery(ListQuery.class))
        .contains(new ListQuery("events", Optional.of("shop"), null, null, GetRecentEventsTool.SCAN_LIMIT, null));
  }

  @Test
  void givenEventsWithoutLastTimestamp_call_fallsBackToEventTimeAndCreation() {
    Map<String, Object> eventTimeOnly =
        WorkloadFixtures.event("shop", "Normal", "Started", "Pod", "web-1", "started", null);
    eventTimeOnly.put("eventTime", "2026-01-10T10:09:00Z");
    Map<String, Object> creationOnly = WorkloadFixtures.event("shop", "Normal", "Killing", "Pod", "web-2", "stopping", null);
    ObjectFields.map(creationOnly, "metadata").put("creationTimestamp", "2026-01-10T10:08:00Z");
    Map<String, Object> timeless = WorkloadFixtures.event("shop", "Normal", "Mystery", "Pod", "web-3", "?", null);
    cluster.with(
        "Event",
        timeless,
        creationOnly,
        eventTimeOnly,
        WorkloadFixtures.event("shop", "Normal", "Pulled", "Pod", "web-4", "pulled", "2026-01-10T10:07:00Z"));

    ToolResult result = call(Map.of());

    assertThat(reasons(result)).containsExactly("Started", "Killing", "Pulled", "Mystery");
    assertThat(result.text()).contains("60s").contains("2m").contains("3m");
  }

  @Test
  void givenLongMultiLineMessage_call_shortensItToOneLine() {
    String message = "line one\n" + "x".repeat(400);
    cluster.with("Event", WorkloadFixtures.event("shop", "Warning", "Failed", "Pod", "web-1", message, "2026-01-10T10:00:00Z"));

    ToolResult result = call(Map.of());

    @SuppressWarnings("unchecked")
    String shown = (String) ((List<Map<String, Object>>) result.structuredContent().get("items")).get(0).get("message");
    assertThat(shown).startsWith("line one x").hasSize(GetRecentEventsTool.MAX_MESSAGE + 1).endsWith("…").doesNotContain("\n");
    assertThat(result.text().lines()).hasSize(3);
  }

  @Test
  void givenEventWithoutInvolvedObject_call_showsADash() {
    Map<String, Object> event = WorkloadFixtures.event("shop", "Normal", "Sync", "X", "y", "synced", "2026-01-10T10:00:00Z");
    event.put("involvedObject", map());
    cluster.with("Event", event);

    ToolResult result = call(Map.of());

    assertThat(result.text().lines().toList().get(2).split(" {2,}")).containsExactly("10m", "Normal", "Sync", "-", "synced");
  }

  @Test
  void givenMorePagesOnTheServer_call_saysTheScanWasPartial() {
    givenMixedEvents();
    cluster.withNextPage("more", null);

    assertThat(call(Map.of()).text()).startsWith("Events (4 of 4+)\n");
  }

  @Test
  void givenNoEvents_call_saysSo() {
    cluster.with("Event");

    ToolResult result = call(Map.of("namespace", "quiet"));

    assertThat(result.text()).isEqualTo("No events found in namespace quiet.\n");
    assertThat(result.structuredContent()).containsEntry("items", List.of()).containsEntry("count", 0);
    assertThat(call(Map.of()).text()).isEqualTo("No events found.\n");
  }
}
