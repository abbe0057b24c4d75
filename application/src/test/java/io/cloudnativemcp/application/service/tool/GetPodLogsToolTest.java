package io.cloudnativemcp.application.service.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.PodLogQuery;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GetPodLogsToolTest {
  private static final String MASK = MaskingPolicy.DEFAULT_MASK;

  private final FakeClusterGateway cluster = new FakeClusterGateway();

  private ToolResult call(OutputLimits limits, Map<String, Object> arguments) {
    GetPodLogsTool tool = new GetPodLogsTool(ToolHarness.cluster(cluster), MaskingPolicy.defaults(), limits);
    return tool.call(ToolArguments.validate(tool.descriptor(), arguments), ToolCall.of(PrincipalFixtures.reader()));
  }

  private ToolResult call(Map<String, Object> arguments) {
    return call(OutputLimits.defaults(), arguments);
  }

  private static String numberedLines(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }

  @Test
  void givenShortLog_call_returnsEveryLineUnderAPlainHeader() {
    cluster.withLog("shop", "web-1", "starting\nlistening on :8080\nready\n");

    ToolResult result = call(Map.of("name", "web-1", "namespace", "shop"));

    assertThat(result.text())
        .isEqualTo("Last 3 line(s) of pod/web-1 in shop:\nstarting\nlistening on :8080\nready\n");
    assertThat(result.structuredContent())
        .containsExactly(
            Map.entry("pod", "web-1"),
            Map.entry("namespace", "shop"),
            Map.entry("previous", false),
            Map.entry("lines", 3),
            Map.entry("truncated", false));
  }

  @Test
  void givenDefaultTail_call_asksTheClusterForFiftyLines() {
    cluster.withLog("shop", "web-1", "x\n");

    call(Map.of("name", "web-1", "namespace", "shop"));

    assertThat(cluster.lastQuery(PodLogQuery.class))
        .contains(new PodLogQuery("shop", "web-1", Optional.empty(), 50, false, Optional.empty()));
  }

  @Test
  void givenServerIgnoringTheTail_call_keepsOnlyTheLastLinesAndSaysSo() {
    cluster.withLog("shop", "web-1", numberedLines(300));

    ToolResult result = call(Map.of("name", "web-1", "namespace", "shop"));

    String text = result.text();
    assertThat(text).startsWith("Last 50 line(s) of pod/web-1 in shop (truncated: older lines omitted):\nline 251\n");
    assertThat(text).endsWith("line 300\n").doesNotContain("line 250\n");
    assertThat(text.lines()).hasSize(51);
    assertThat(result.structuredContent()).containsEntry("lines", 50).containsEntry("truncated", true);
  }

  @Test
  void givenTailLines_call_passesAndEnforcesIt() {
    cluster.withLog("shop", "web-1", numberedLines(20));

    ToolResult result = call(Map.of("name", "web-1", "namespace", "shop", "tailLines", 5));

    assertThat(cluster.lastQuery(PodLogQuery.class).orElseThrow().tailLines()).isEqualTo(5);
    assertThat(result.text().lines().skip(1)).containsExactly("line 16", "line 17", "line 18", "line 19", "line 20");
  }

  @Test
  void givenLongLine_call_cutsItAndSaysHowMany() {
    cluster.withLog("shop", "web-1", "short\n" + "a".repeat(1500) + "\nend\n");

    ToolResult result = call(Map.of("name", "web-1", "namespace", "shop"));

    assertThat(result.text().lines().toList())
        .containsExactly(
            "Last 3 line(s) of pod/web-1 in shop (truncated: 1 long line(s) cut at 1000 characters):",
            "short",
            "a".repeat(1000) + "…[line cut]",
            "end");
    assertThat(result.structuredContent()).containsEntry("truncated", true);
  }

  @Test
  void givenLogAboveTheByteBudget_call_keepsTheNewestLinesThatFit() {
    String line = "y".repeat(99);
    cluster.withLog("shop", "web-1", IntStream.range(0, 10).mapToObj(i -> i + line + "\n").collect(Collectors.joining()));

    ToolResult result = call(new OutputLimits(1024), Map.of("name", "web-1", "namespace", "shop"));

    // 1024 - 512 bytes for the header leave room for five 101-byte lines.
    assertThat(result.text().lines().toList())
        .containsExactly(
            "Last 5 line(s) of pod/web-1 in shop (truncated: older lines omitted):",
            "5" + line,
            "6" + line,
            "7" + line,
            "8" + line,
            "9" + line);
    assertThat(result.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
  }

  @Test
  void givenCredentialsInLogLines_call_masksThem() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXBhcnQ";
    cluster.withLog(
        "shop",
        "web-1",
        "GET /orders Authorization: Bearer abcdef0123456789\ncalling with token " + jwt + "\nconnect password=hunter2\n");

    String text = call(Map.of("name", "web-1", "namespace", "shop")).text();

    assertThat(text.lines().skip(1))
        .containsExactly(
            "GET /orders Authorization: Bearer " + MASK, "calling with token " + MASK, "connect password=" + MASK);
  }

  @Test
  void givenContainer_call_namesItInTheHeaderAndTheQuery() {
    cluster.withLog("shop", "web-1", "sidecar up\n");

    ToolResult result = call(Map.of("name", "web-1", "namespace", "shop", "container", "proxy"));

    assertThat(result.text()).startsWith("Last 1 line(s) of pod/web-1 container proxy in shop:\n");
    assertThat(cluster.lastQuery(PodLogQuery.class).orElseThrow().container()).contains("proxy");
    assertThat(result.structuredContent()).containsEntry("container", "proxy");
  }

  @Test
  void givenEmptyLog_call_saysThereAreNoLines() {
    cluster.withLog("shop", "web-1", "");

    ToolResult result = call(Map.of("name", "web-1", "namespace", "shop"));

    assertThat(result.text()).isEqualTo("Last 0 line(s) of pod/web-1 in shop:\n(no log lines)\n");
  }

  @Test
  void givenLogWithoutFinalNewline_call_keepsTheLastLine() {
    cluster.withLog("shop", "web-1", "a\nb");

    assertThat(call(Map.of("name", "web-1", "namespace", "shop")).text())
        .isEqualTo("Last 2 line(s) of pod/web-1 in shop:\na\nb\n");
  }
}
