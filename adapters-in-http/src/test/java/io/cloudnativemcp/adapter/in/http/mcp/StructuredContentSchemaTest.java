package io.cloudnativemcp.adapter.in.http.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.in.ToolCallResult;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.service.CallToolService;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.service.monitor.SecurityMonitor;
import io.cloudnativemcp.application.service.tool.ToolCatalog;
import io.cloudnativemcp.application.service.tool.ToolHarness;
import io.cloudnativemcp.application.service.tool.ToolScenarios;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.monitoring.Sensitivity;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every tool's structured content validates against its declared output schema with the SDK's own
 * validator (the one the server runs before answering, and clients run again), for every read
 * scenario, every change, and a result cut to fit {@code output.maxBytes}.
 */
class StructuredContentSchemaTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final JsonSchemaValidator validator = new DefaultJsonSchemaValidator();

  private CallToolService service(FakeClusterGateway cluster, OutputLimits limits) {
    ToolCatalog catalog = new ToolCatalog(ToolHarness.tools(cluster, ServerMode.unrestricted(), limits, clock, () -> {}));
    AuditTrail audit = new AuditTrail(new InMemoryAuditLogRepository(), AuditSettings.defaults(), MetricsRecorder.none());
    SecurityMonitor monitor = new SecurityMonitor(
        new MonitoringSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(5), false, Sensitivity.MEDIUM), a -> {}, MetricsRecorder.none());
    return new CallToolService(catalog, AccessPolicy.defaults(ServerMode.unrestricted()), MaskingPolicy.defaults(), audit, monitor,
        MetricsRecorder.none(), limits, clock);
  }

  @Test
  void givenEveryScenario_structuredContent_validatesAgainstTheOutputSchema() {
    FakeClusterGateway cluster = new FakeClusterGateway();
    ToolScenarios.seed(cluster);
    CallToolService service = service(cluster, OutputLimits.defaults());
    Map<String, ToolDescriptor> descriptors = new LinkedHashMap<>();
    ToolHarness.catalog(new FakeClusterGateway(), clock).descriptors().forEach(d -> descriptors.put(d.name().value(), d));
    Map<String, List<Map<String, Object>>> scenarios = new LinkedHashMap<>(ToolScenarios.readCalls());
    scenarios.putAll(ToolScenarios.writeCalls());
    assertThat(scenarios.keySet()).as("every tool has a scenario").containsExactlyInAnyOrderElementsOf(descriptors.keySet());

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Object>>> e : scenarios.entrySet()) {
      for (Map<String, Object> args : e.getValue()) {
        ToolCallResult r = service.call(new CallToolCommand(PrincipalFixtures.admin(), e.getKey(), args, new RequestOrigin("127.0.0.1", "test", null)));
        if (!(r instanceof ToolCallResult.Succeeded ok)) {
          problems.add(e.getKey() + " " + args + " did not succeed: " + r);
          continue;
        }
        check(descriptors.get(e.getKey()), ok.result(), args, problems);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void givenAResultCutToFit_structuredContent_stillValidates() {
    FakeClusterGateway cluster = new FakeClusterGateway();
    for (int i = 0; i < 200; i++) {
      cluster.with("Pod", PodFixtures.runningPod("pod-with-a-long-name-" + i, "shop", "node-a"));
    }
    CallToolService service = service(cluster, new OutputLimits(4096));
    List<String> problems = new ArrayList<>();
    for (String tool : List.of("kubernetes_list_resources_summary", "kubernetes_list_resources", "kubernetes_list_resources_full")) {
      Map<String, Object> args = Map.of("kind", "pods", "limit", 50);
      ToolResult result = ((ToolCallResult.Succeeded) service.call(
          new CallToolCommand(PrincipalFixtures.reader(), tool, args, new RequestOrigin("127.0.0.1", "test", null)))).result();
      assertThat(result.structuredContent()).containsEntry("truncated", true);
      check(ToolHarness.catalog(new FakeClusterGateway(), clock).find(tool).orElseThrow().descriptor(), result, args, problems);
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void givenContentThatBreaksTheSchema_validator_rejectsIt() {
    ToolDescriptor summary = ToolHarness.catalog(new FakeClusterGateway(), clock).find("kubernetes_list_resources_summary").orElseThrow().descriptor();

    assertThat(validator.validate(summary.outputSchema(), Map.of("items", "not a list", "count", 1, "hasMore", false)).valid()).isFalse();
    assertThat(validator.validate(summary.outputSchema(), Map.of("items", List.of(Map.of("restarts", 1)), "count", 1, "hasMore", false)).valid())
        .as("an item without its required name").isFalse();
  }

  private void check(ToolDescriptor d, ToolResult result, Map<String, Object> args, List<String> problems) {
    if (result.structuredContent() == null) {
      problems.add(d.name() + " " + args + " returned no structured content although it declares an output schema");
      return;
    }
    JsonSchemaValidator.ValidationResponse v = validator.validate(d.outputSchema(), result.structuredContent());
    if (!v.valid()) {
      problems.add(d.name() + " " + args + ": " + v.errorMessage());
    }
  }
}
