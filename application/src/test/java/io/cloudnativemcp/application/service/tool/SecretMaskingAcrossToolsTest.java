package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolScenarios.KNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.cluster.JsonText;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Secret values never leave the server: a Secret, a pod whose env holds credentials, a kubeconfig in
 * a ConfigMap, a Helm release with a password, logs with a bearer token, an event quoting a
 * password. Every read-only tool is called, with arguments aimed at those objects, and none of the
 * known values may appear in its text or its structured content. The masking is the tools' own
 * (structural), without the use case's last net; a new read tool must be added to {@link
 * ToolScenarios#readCalls()} or this test fails.
 */
class SecretMaskingAcrossToolsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final FakeClusterGateway fake = new FakeClusterGateway();

  @Test
  void givenKnownSecretValues_everyReadTool_neverReturnsThem() {
    ToolScenarios.seed(fake);
    List<Tool> tools = ToolHarness.tools(fake, ServerMode.unrestricted(), OutputLimits.defaults(), clock, () -> {});
    Map<String, List<Map<String, Object>>> calls = ToolScenarios.readCalls();
    List<String> readTools = tools.stream().filter(t -> t.descriptor().readOnly()).map(t -> t.descriptor().name().value()).toList();
    assertThat(calls.keySet()).as("every read-only tool is exercised").containsExactlyInAnyOrderElementsOf(readTools);

    List<String> leaks = new ArrayList<>();
    int outputs = 0;
    for (Tool tool : tools) {
      for (Map<String, Object> args : calls.getOrDefault(tool.descriptor().name().value(), List.of())) {
        ToolResult r = ToolTests.call(tool, args);
        String all = r.text() + "\n" + (r.structuredContent() == null ? "" : JsonText.write(r.structuredContent()));
        outputs++;
        for (String known : KNOWN) {
          if (all.contains(known)) {
            leaks.add(tool.descriptor().name() + " " + args + " leaked " + known);
          }
        }
      }
    }
    assertThat(leaks).as("leaks").isEmpty();
    assertThat(outputs).isGreaterThan(50);
  }

  @Test
  void givenTheFixtures_theKnownValuesAreReallyThere() {
    ToolScenarios.seed(fake);
    String everything = fake.objects("Secret").stream().map(JsonText::write).collect(Collectors.joining())
        + fake.objects("Pod").stream().map(JsonText::write).collect(Collectors.joining())
        + fake.objects("ConfigMap").stream().map(JsonText::write).collect(Collectors.joining());

    assertThat(everything).contains(ToolScenarios.SECRET_B64, ToolScenarios.STRING_DATA, ToolScenarios.LAST_APPLIED,
        ToolScenarios.ENV_PASSWORD, ToolScenarios.ENV_TOKEN, ToolScenarios.KUBECONFIG_TOKEN);
  }
}
