package io.cloudnativemcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.service.tool.ToolHarness;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.prompt.PromptArgument;
import io.cloudnativemcp.domain.prompt.PromptArgumentsException;
import io.cloudnativemcp.domain.prompt.PromptDescriptor;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PromptServiceTest {
  private final PromptService prompts = new PromptService(AccessPolicy.defaults(ServerMode.unrestricted()));

  @Test
  void givenTheProduct_prompts_areTheGoOriginalsKubernetesPromptsWithTheirArguments() {
    Map<String, String> arguments =
        prompts.prompts().stream()
            .collect(
                Collectors.toMap(
                    PromptDescriptor::name,
                    p -> p.arguments().stream().map(a -> a.name() + (a.required() ? "*" : "")).collect(Collectors.joining(","))));

    assertThat(arguments)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "cloud_native_incident_triage", "symptom*,namespace,workload,time_range,notes",
                "kubernetes_workload_diagnosis", "kind*,name*,namespace*,symptom,notes",
                "kubernetes_safe_remediation", "action*,kind*,name*,namespace,notes",
                "kubernetes_service_connectivity_diagnosis", "namespace*,service*,source_workload,path,notes",
                "kubernetes_rollout_recovery", "kind*,name*,namespace*,managed_by,notes",
                "helm_release_diagnosis", "release,namespace,notes"));
  }

  @Test
  void givenAReadOnlyServer_prompts_leaveOutRemediation() {
    PromptService readOnly = new PromptService(AccessPolicy.defaults(new ServerMode(true, false)));

    assertThat(readOnly.prompts()).extracting(PromptDescriptor::name).doesNotContain("kubernetes_safe_remediation").hasSize(5);
    assertThatThrownBy(() -> readOnly.render("kubernetes_safe_remediation", Map.of()))
        .isInstanceOf(PromptArgumentsException.class)
        .hasMessageContaining("no such prompt");
  }

  @Test
  void givenEveryPromptFilledIn_theToolsItNames_existInTheProductionCatalog() {
    Set<String> catalog =
        ToolHarness.catalog(new FakeClusterGateway(), new MutableClock(Instant.parse("2026-01-10T15:00:00Z"))).descriptors().stream()
            .map(d -> d.name().value())
            .collect(Collectors.toSet());
    Pattern toolName = Pattern.compile("\\b(?:kubernetes|helm|openshift)_[a-z_]+\\b");

    for (PromptDescriptor p : prompts.prompts()) {
      Map<String, String> args = new HashMap<>();
      for (PromptArgument a : p.arguments()) {
        args.put(a.name(), a.choices().isEmpty() ? "x" : a.choices().get(0));
      }
      String text = String.join("\n", prompts.render(p.name(), args).messages());
      var named = toolName.matcher(text).results().map(m -> m.group()).collect(Collectors.toSet());
      assertThat(named).as(p.name() + " names tools").isNotEmpty();
      assertThat(catalog).as(p.name()).containsAll(named);
      assertThat(text).as(p.name() + " has every placeholder filled").doesNotContain("{{").doesNotContain("<kind>");
    }
  }

  @Test
  void givenArguments_render_putsThemIntoTheWorkflow() {
    String text =
        prompts.render("kubernetes_workload_diagnosis", Map.of("kind", "Deployment", "name", "web", "namespace", "shop")).messages().get(0);

    assertThat(text)
        .contains("Deployment shop/web")
        .contains("kubernetes_get_resource_summary {kind: \"Deployment\", name: \"web\", namespace: \"shop\"}")
        .contains("<symptom>");
  }

  @Test
  void givenAMissingRequiredArgument_render_saysWhich() {
    assertThatThrownBy(() -> prompts.render("kubernetes_workload_diagnosis", Map.of("kind", "Pod")))
        .isInstanceOf(PromptArgumentsException.class)
        .hasMessageContaining("'name' is required")
        .hasMessageContaining("'namespace' is required");
  }
}
