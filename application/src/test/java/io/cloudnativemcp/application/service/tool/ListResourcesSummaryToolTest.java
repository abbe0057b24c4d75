package io.cloudnativemcp.application.service.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListResourcesSummaryToolTest {
  private final MutableClock clock = new MutableClock(PodFixtures.CREATED.plus(Duration.ofHours(2)));
  private final FakeClusterGateway cluster = new FakeClusterGateway();
  private final ListResourcesSummaryTool tool = new ListResourcesSummaryTool(ToolHarness.cluster(cluster), clock);

  private ToolResult call(Map<String, Object> arguments) {
    return tool.call(ToolArguments.validate(tool.descriptor(), arguments), ToolCall.of(PrincipalFixtures.reader()));
  }

  private static List<String> cells(String line) {
    return List.of(line.trim().split(" {2,}"));
  }

  @Test
  void givenPodsInANamespace_call_rendersOneAlignedRowPerPod() {
    cluster.with(
        "Pod",
        PodFixtures.runningPod("web-1", "shop", "node-a"),
        PodFixtures.crashLoopingPod("web-2", "shop", "node-b", 4));

    String text = call(Map.of("kind", "pods", "namespace", "shop")).text();

    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo("Pod (2)");
    assertThat(cells(lines.get(1))).containsExactly("NAME", "STATUS", "READY", "RESTARTS", "AGE", "NODE");
    assertThat(cells(lines.get(2))).containsExactly("web-1", "Running", "1/1", "0", "2h", "node-a");
    assertThat(cells(lines.get(3))).containsExactly("web-2", "CrashLoopBackOff", "0/1", "4", "2h", "node-b");
    assertThat(lines.get(4)).isEqualTo("count: 2, hasMore: false");
    for (String column : List.of("STATUS", "READY", "RESTARTS", "AGE", "NODE")) {
      int at = lines.get(1).indexOf(column);
      assertThat(lines.get(2).charAt(at - 1)).as("column %s starts after a space", column).isEqualTo(' ');
      assertThat(lines.get(3).charAt(at)).as("column %s is aligned", column).isNotEqualTo(' ');
    }
  }

  @Test
  void givenNoNamespace_call_addsTheNamespaceColumnFirst() {
    cluster.with(
        "Pod", PodFixtures.runningPod("web-1", "shop", "node-a"), PodFixtures.runningPod("dns-1", "kube-system", "node-b"));

    String text = call(Map.of("kind", "pods")).text();

    List<String> lines = text.lines().toList();
    assertThat(cells(lines.get(1))).containsExactly("NAMESPACE", "NAME", "STATUS", "READY", "RESTARTS", "AGE", "NODE");
    assertThat(cells(lines.get(3))).startsWith("kube-system", "dns-1");
    assertThat(cluster.lastQuery(ListQuery.class).orElseThrow().namespace()).isEmpty();
  }

  @Test
  void givenClusterScopedKind_call_showsOnlyTheColumnsThatApply() {
    cluster.with("Node", WorkloadFixtures.node("node-a", true, false), WorkloadFixtures.node("node-b", false, true));

    String text = call(Map.of("kind", "nodes")).text();

    List<String> lines = text.lines().toList();
    assertThat(cells(lines.get(1))).containsExactly("NAME", "STATUS", "AGE");
    assertThat(cells(lines.get(3))).containsExactly("node-b", "NotReady,SchedulingDisabled", "2h");
  }

  @Test
  void givenArguments_call_passesThemToTheClusterQuery() {
    cluster.with("Pod", PodFixtures.runningPod("web-1", "shop", "node-a"));

    call(Map.of("kind", "pods", "namespace", "shop", "labelSelector", "app=web", "limit", 20, "continueToken", "tok-1"));

    assertThat(cluster.lastQuery(ListQuery.class))
        .contains(new ListQuery("pods", Optional.of("shop"), "app=web", null, 20, "tok-1"));
  }

  @Test
  void givenNoLimit_call_asksForTheDefaultPageSize() {
    cluster.with("Pod");

    call(Map.of("kind", "pods"));

    assertThat(cluster.lastQuery(ListQuery.class).orElseThrow().limit()).isEqualTo(ListResourcesSummaryTool.DEFAULT_LIMIT);
  }

  @Test
  void givenMorePages_call_reportsTheContinueTokenInTextAndStructuredContent() {
    cluster.with("Pod", PodFixtures.runningPod("web-1", "shop", "node-a")).withNextPage("tok-2", 40L);

    ToolResult result = call(Map.of("kind", "pods", "namespace", "shop", "limit", 1));

    assertThat(result.text()).endsWith("count: 1, hasMore: true, remaining: 40\ncontinueToken: tok-2\n");
    assertThat(result.structuredContent())
        .containsEntry("hasMore", true)
        .containsEntry("continueToken", "tok-2")
        .containsEntry("remainingItemCount", 40L);
  }

  @Test
  void givenPods_call_returnsStructuredRowsWithTheSameData() {
    cluster.with("Pod", PodFixtures.podWithSidecar("web-1", "shop", "node-a", true, 1, false, 2));

    Map<String, Object> structured = call(Map.of("kind", "pods", "namespace", "shop")).structuredContent();

    assertThat(structured)
        .containsExactly(
            Map.entry("kind", "Pod"),
            Map.entry(
                "items",
                List.of(
                    Map.of(
                        "name", "web-1",
                        "namespace", "shop",
                        "status", "Running",
                        "ready", "1/2",
                        "restarts", 3,
                        "node", "node-a",
                        "age", "2h"))),
            Map.entry("count", 1),
            Map.entry("hasMore", false));
  }

  @Test
  void givenLabelsRequested_call_addsALabelsColumnAndField() {
    cluster.with("Pod", PodFixtures.runningPod("web-1", "shop", "node-a"));

    ToolResult result = call(Map.of("kind", "pods", "namespace", "shop", "includeLabels", true));

    List<String> lines = result.text().lines().toList();
    assertThat(cells(lines.get(1))).endsWith("NODE", "LABELS");
    assertThat(cells(lines.get(2))).endsWith("node-a", "app=web");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) result.structuredContent().get("items");
    assertThat(items.get(0)).containsEntry("labels", Map.of("app", "web"));
  }

  @Test
  void givenNothingFound_call_saysSoAndStillPrintsTheFooter() {
    cluster.with("Pod");

    ToolResult result = call(Map.of("kind", "pods", "namespace", "empty"));

    assertThat(result.text()).isEqualTo("No Pod objects found.\ncount: 0, hasMore: false\n");
    assertThat(result.structuredContent()).containsEntry("items", List.of()).containsEntry("count", 0);
  }

  @Test
  void givenNamespaceArgument_namespace_isWhatThePolicyChecks() {
    ToolArguments args = ToolArguments.validate(tool.descriptor(), Map.of("kind", "pods", "namespace", "shop"));
    ToolArguments none = ToolArguments.validate(tool.descriptor(), Map.of("kind", "pods"));

    assertThat(tool.namespace(args)).contains("shop");
    assertThat(tool.namespace(none)).isEmpty();
  }
}
