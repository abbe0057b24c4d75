package io.cloudnativemcp.application.service;

import static io.cloudnativemcp.domain.principal.PrincipalFixtures.admin;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.in.ToolCallResult;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.service.monitor.SecurityMonitor;
import io.cloudnativemcp.application.service.tool.ToolCatalog;
import io.cloudnativemcp.application.service.tool.ToolHarness;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.ConfirmationFallback;
import io.cloudnativemcp.domain.access.GlobSet;
import io.cloudnativemcp.domain.access.ResourceDenyList;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.JsonText;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.cluster.WorkloadFixtures;
import io.cloudnativemcp.domain.monitoring.Sensitivity;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The toolset's safety through the use case: confirmation, server modes, restrictions, bounded output. */
class CallToolServiceSafetyTest {
  private static final RequestOrigin ORIGIN = new RequestOrigin("10.0.0.7", RequestOrigin.STREAMABLE_HTTP, "s-1");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T15:00:00Z"));
  private final InMemoryAuditLogRepository auditLog = new InMemoryAuditLogRepository();
  private final AuditTrail audit = new AuditTrail(auditLog, AuditSettings.defaults(), MetricsRecorder.none());
  private final SecurityMonitor monitor =
      new SecurityMonitor(new MonitoringSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(5), false, Sensitivity.MEDIUM), a -> {}, MetricsRecorder.none());
  private final FakeClusterGateway cluster = new FakeClusterGateway();

  private CallToolService service(ServerMode mode, OutputLimits limits) {
    ToolCatalog catalog = new ToolCatalog(ToolHarness.tools(cluster, mode, limits, clock, () -> {}));
    return new CallToolService(catalog, AccessPolicy.defaults(mode), MaskingPolicy.defaults(), audit, monitor, MetricsRecorder.none(), limits, clock);
  }

  private CallToolService service(ServerMode mode) {
    return service(mode, OutputLimits.defaults());
  }

  private List<AuditEvent> audited() {
    assertThat(audit.flush(Duration.ofSeconds(5))).isTrue();
    return auditLog.events();
  }

  /** A client that can ask its user, answering as told and remembering the questions. */
  private static final class AskingClient implements CallToolCommand.Interaction {
    final List<String> questions = new ArrayList<>();
    final Confirmation answer;

    AskingClient(Confirmation answer) {
      this.answer = answer;
    }

    @Override
    public boolean canConfirm() {
      return true;
    }

    @Override
    public Confirmation confirm(String message) {
      questions.add(message);
      return answer;
    }

    @Override
    public void progress(double done, Double total, String message) {}

    @Override
    public boolean cancelled() {
      return false;
    }
  }

  private static CallToolCommand delete(CallToolCommand.Interaction client) {
    return new CallToolCommand(admin(), "kubernetes_delete_resource", Map.of("kind", "deploy", "name", "web", "namespace", "shop"), ORIGIN, client);
  }

  @Test
  void givenAUserWhoConfirms_destructiveCall_runs() {
    cluster.with("Deployment", WorkloadFixtures.deployment("web", "shop", 1, 1));
    AskingClient client = new AskingClient(CallToolCommand.Interaction.Confirmation.ACCEPTED);

    ToolCallResult r = service(ServerMode.unrestricted()).call(delete(client));

    assertThat(r).isInstanceOf(ToolCallResult.Succeeded.class);
    assertThat(client.questions).containsExactly("Delete deploy shop/web? This cannot be undone.");
    assertThat(cluster.objects("Deployment")).isEmpty();
  }

  @Test
  void givenAUserWhoDeclines_destructiveCall_isDeniedAuditedAndNeverReachesTheCluster() {
    cluster.with("Deployment", WorkloadFixtures.deployment("web", "shop", 1, 1));

    ToolCallResult r = service(ServerMode.unrestricted()).call(delete(new AskingClient(CallToolCommand.Interaction.Confirmation.DECLINED)));

    assertThat(r).isInstanceOfSatisfying(ToolCallResult.Denied.class, d -> assertThat(d.reason()).contains("The user declined"));
    assertThat(cluster.objects("Deployment")).hasSize(1);
    assertThat(cluster.queries(FakeClusterGateway.DeleteCall.class)).isEmpty();
    assertThat(audited()).singleElement().extracting(AuditEvent::outcome).isEqualTo(AuditOutcome.DENIED);
  }

  @Test
  void givenAClientThatCannotAsk_destructiveCall_followsTheFallback() {
    cluster.with("Deployment", WorkloadFixtures.deployment("web", "shop", 1, 1));
    ServerMode deny = ServerMode.unrestricted().with(GlobSet.all(), GlobSet.all(), ResourceDenyList.none(), ConfirmationFallback.DENY);

    ToolCallResult refused = service(deny).call(delete(CallToolCommand.Interaction.NONE));
    ToolCallResult allowed = service(ServerMode.unrestricted()).call(delete(CallToolCommand.Interaction.NONE));

    assertThat(refused).isInstanceOfSatisfying(ToolCallResult.Denied.class, d -> assertThat(d.reason())
        .contains("needs the user's confirmation", "kubernetes.confirmationFallback: deny"));
    assertThat(allowed).isInstanceOf(ToolCallResult.Succeeded.class);
  }

  @Test
  void givenAMutatingCall_noConfirmationIsAsked() {
    cluster.with("Deployment", WorkloadFixtures.deployment("web", "shop", 1, 1));
    AskingClient client = new AskingClient(CallToolCommand.Interaction.Confirmation.DECLINED);

    ToolCallResult r = service(ServerMode.unrestricted()).call(new CallToolCommand(admin(), "kubernetes_scale_resource",
        Map.of("kind", "deploy", "name", "web", "namespace", "shop", "replicas", 3), ORIGIN, client));

    assertThat(r).isInstanceOf(ToolCallResult.Succeeded.class);
    assertThat(client.questions).isEmpty();
  }

  @Test
  void givenReadOnlyModeOrADisabledTool_writeTools_doNotExist() {
    ServerMode readOnly = new ServerMode(true, false);
    ServerMode noExec = ServerMode.unrestricted().with(GlobSet.of(List.of("*", "!kubernetes_pod_exec")), GlobSet.all(), ResourceDenyList.none(), ConfirmationFallback.ALLOW);

    ToolCallResult scale = service(readOnly).call(new CallToolCommand(admin(), "kubernetes_scale_resource",
        Map.of("kind", "deploy", "name", "web", "namespace", "shop", "replicas", 3), ORIGIN));
    ToolCallResult exec = service(noExec).call(new CallToolCommand(admin(), "kubernetes_pod_exec",
        Map.of("podName", "web", "namespace", "shop", "command", List.of("ls")), ORIGIN));

    assertThat(scale).isInstanceOfSatisfying(ToolCallResult.Failed.class, f -> assertThat(f.code()).isEqualTo("unknown_tool"));
    assertThat(exec).isInstanceOfSatisfying(ToolCallResult.Failed.class, f -> assertThat(f.code()).isEqualTo("unknown_tool"));
    assertThat(cluster.queries()).isEmpty();
  }

  @Test
  void givenAReader_writeTools_areDeniedByTheDefaultPolicy() {
    ToolCallResult r = service(ServerMode.unrestricted()).call(new CallToolCommand(reader(), "kubernetes_scale_resource",
        Map.of("kind", "deploy", "name", "web", "namespace", "shop", "replicas", 3), ORIGIN));

    assertThat(r).isInstanceOf(ToolCallResult.Denied.class);
  }

  @Test
  void givenADeniedKind_readTool_isDeniedAndAuditedAsDenied() {
    ServerMode noSecrets = ServerMode.unrestricted().with(GlobSet.all(), GlobSet.all(), ResourceDenyList.of(List.of("/Secret")), ConfirmationFallback.ALLOW);

    ToolCallResult r = service(noSecrets).call(new CallToolCommand(reader(), "kubernetes_list_resources_summary", Map.of("kind", "secrets"), ORIGIN));

    assertThat(r).isInstanceOfSatisfying(ToolCallResult.Denied.class, d -> assertThat(d.reason()).contains("Kind Secret is not available"));
    assertThat(audited()).singleElement().extracting(AuditEvent::outcome).isEqualTo(AuditOutcome.DENIED);
  }

  @Test
  void givenAnUnservedNamespace_call_isDeniedByThePolicy() {
    ServerMode shopOnly = ServerMode.unrestricted().with(GlobSet.all(), GlobSet.of(List.of("shop")), ResourceDenyList.none(), ConfirmationFallback.ALLOW);

    ToolCallResult r = service(shopOnly).call(new CallToolCommand(admin(), "kubernetes_get_pod_logs", Map.of("name", "x", "namespace", "kube-system"), ORIGIN));

    assertThat(r).isInstanceOfSatisfying(ToolCallResult.Denied.class, d -> assertThat(d.reason()).contains("outside the namespaces"));
  }

  @Test
  void givenAListBeyondTheLimit_call_cutsItemsFromTheStructuredContentAndSaysSo() {
    for (int i = 0; i < 300; i++) {
      cluster.with("Pod", PodFixtures.runningPod("pod-with-a-rather-long-name-" + i, "shop", "node-a"));
    }

    ToolCallResult r = service(ServerMode.unrestricted(), new OutputLimits(16 * 1024))
        .call(new CallToolCommand(reader(), "kubernetes_list_resources_summary", Map.of("kind", "pods", "limit", 300), ORIGIN));

    ToolResult out = ((ToolCallResult.Succeeded) r).result();
    int total = out.text().getBytes(StandardCharsets.UTF_8).length + JsonText.utf8Length(out.structuredContent());
    assertThat(total).isLessThanOrEqualTo(16 * 1024);
    assertThat(out.structuredContent()).containsEntry("truncated", true).containsKey("omittedItems");
    assertThat((List<?>) out.structuredContent().get("items")).hasSizeLessThan(300);
    assertThat(out.text()).contains("[output truncated at").contains("items cut to fit output.maxBytes");
  }

  @Test
  void givenAnImpersonatingServer_call_bindsTheCallersIdentity() {
    service(ServerMode.unrestricted()).call(new CallToolCommand(reader(), "kubernetes_list_resources_summary", Map.of("kind", "pods", "context", "staging"), ORIGIN));

    assertThat(cluster.targets()).isNotEmpty().allSatisfy(t -> {
      assertThat(t.user()).contains("reader");
      assertThat(t.context()).contains("staging");
    });
  }
}
