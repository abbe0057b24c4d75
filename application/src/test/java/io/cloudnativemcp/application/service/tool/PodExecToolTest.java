package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.application.service.tool.ToolTests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ExecRequest;
import io.cloudnativemcp.domain.cluster.ExecResult;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodExecToolTest {
  private final FakeClusterGateway fake = new FakeClusterGateway();
  private final PodExecTool tool = new PodExecTool(ToolHarness.cluster(fake), MaskingPolicy.defaults(), OutputLimits.defaults());

  @Test
  void givenACommand_exec_passesTheArgumentVectorAsIsAndShowsOutputAndExitCode() {
    fake.with("Pod", PodFixtures.runningPod("web-1", "shop", "n1"));
    fake.withExec(r -> new ExecResult("NAME=\"Debian\"\n", "warning: x\n", Optional.of(3), false, false));

    ToolResult r = call(tool, Map.of("podName", "web-1", "namespace", "shop", "containerName", "web",
        "command", List.of("sh", "-c", "cat /etc/os-release; exit 3"), "timeoutSeconds", 5));

    assertThat(fake.lastQuery(ExecRequest.class)).contains(
        new ExecRequest("shop", "web-1", Optional.of("web"), List.of("sh", "-c", "cat /etc/os-release; exit 3"), Duration.ofSeconds(5)));
    assertThat(r.text()).isEqualTo("$ sh -c cat /etc/os-release; exit 3\nNAME=\"Debian\"\n[stderr]\nwarning: x\n[exit code 3]\n");
    assertThat(r.structuredContent()).containsEntry("exitCode", 3).containsEntry("timedOut", false);
  }

  @Test
  void givenCredentialsInOutputAndATimeout_exec_masksAndSaysSo() {
    fake.with("Pod", PodFixtures.runningPod("web-1", "shop", "n1"));
    fake.withExec(r -> new ExecResult("DB_PASSWORD=hunter2-secret\n", "", Optional.empty(), true, true));

    ToolResult r = call(tool, Map.of("podName", "web-1", "namespace", "shop", "command", List.of("env")));

    assertThat(r.text()).doesNotContain("hunter2-secret").contains("[exit code unknown]", "[stopped after 30s timeout]", "[output truncated]");
  }

  @Test
  void givenBadArguments_exec_refusesBeforeReachingThePod() {
    assertThatThrownBy(() -> call(tool, Map.of("podName", "web-1", "namespace", "shop", "command", "ls -la")))
        .hasMessageContaining("'command': must be an array");
    assertThatThrownBy(() -> call(tool, Map.of("podName", "web-1", "namespace", "shop", "command", List.of())))
        .hasMessageContaining("'command': must not be empty");
    assertThatThrownBy(() -> call(tool, Map.of("podName", "web-1", "namespace", "shop", "command", List.of(" "))))
        .hasMessageContaining("'command': must start with the program");
    assertThat(fake.queries(ExecRequest.class)).isEmpty();
  }

  @Test
  void givenAMissingPod_exec_reportsNotFound() {
    fake.with("Pod", PodFixtures.runningPod("web-1", "shop", "n1"));

    assertThatThrownBy(() -> call(tool, Map.of("podName", "ghost", "namespace", "shop", "command", List.of("ls"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void givenTheDescriptor_exec_isDestructiveAndAsksAPlainQuestion() {
    assertThat(tool.descriptor().risk()).isEqualTo(ToolRisk.DESTRUCTIVE);
    assertThat(tool.confirmation(ToolArguments.validate(tool.descriptor(), Map.of("podName", "web-1", "namespace", "shop", "command", List.of("rm", "-rf", "/tmp/x")))))
        .isEqualTo("Run rm -rf /tmp/x in pod shop/web-1?");
  }
}
