package io.cloudnativemcp.application.service;

import static io.cloudnativemcp.domain.principal.PrincipalFixtures.admin;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.jwtUser;
import static io.cloudnativemcp.domain.principal.PrincipalFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudnativemcp.application.MutableClock;
import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.in.ToolCallResult;
import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.port.out.ClusterNotConfiguredException;
import io.cloudnativemcp.application.port.out.ClusterRequestException;
import io.cloudnativemcp.application.port.out.ClusterUnavailableException;
import io.cloudnativemcp.application.port.out.FakeClusterGateway;
import io.cloudnativemcp.application.port.out.InMemoryAuditLogRepository;
import io.cloudnativemcp.application.port.out.CountingMetricsRecorder;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.application.port.out.UnknownKindException;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.service.monitor.SecurityMonitor;
import io.cloudnativemcp.application.service.tool.ScriptedTool;
import io.cloudnativemcp.application.service.tool.Tool;
import io.cloudnativemcp.application.service.tool.ToolCatalog;
import io.cloudnativemcp.application.service.tool.ToolHarness;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.application.settings.MonitoringSettings;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.AccessRule;
import io.cloudnativemcp.domain.access.GlobSet;
import io.cloudnativemcp.domain.access.Grant;
import io.cloudnativemcp.domain.access.PrincipalMatcher;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.audit.RetentionPolicy;
import io.cloudnativemcp.domain.cluster.PodFixtures;
import io.cloudnativemcp.domain.monitoring.Sensitivity;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolFixtures;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallToolServiceTest {
  private static final Instant NOW = Instant.parse("2026-01-10T14:00:00Z");
  private static final RequestOrigin ORIGIN =
      new RequestOrigin("10.0.0.7", RequestOrigin.STREAMABLE_HTTP, "session-1");
  private static final String MASK = MaskingPolicy.DEFAULT_MASK;
  private static final String JWT =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLXBhcnQ";

  private static final ToolDescriptor ECHO =
      ToolFixtures.tool(
          "test_echo",
          ToolRisk.READ_ONLY,
          ToolParameter.optionalString("namespace", "Namespace."),
          ToolParameter.optionalString("apiToken", "A credential the tool needs."),
          ToolParameter.optionalInteger("count", "How many.", 1, 1, 10))
          .withOutputSchema(Map.of("type", "object"));
  private static final ToolDescriptor SCALE = ToolFixtures.mutatingTool("test_scale");

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryAuditLogRepository auditLog = new InMemoryAuditLogRepository();
  private AuditTrail audit = new AuditTrail(auditLog, AuditSettings.defaults(), MetricsRecorder.none());
  private final SecurityMonitor monitor =
      new SecurityMonitor(
          new MonitoringSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(5), false, Sensitivity.MEDIUM),
          alert -> {},
          MetricsRecorder.none());
  private final FakeClusterGateway cluster = new FakeClusterGateway();
  private final CountingMetricsRecorder metrics = new CountingMetricsRecorder();

  private CallToolService service(AccessPolicy policy, MaskingPolicy masking, OutputLimits limits, List<Tool> tools) {
    return new CallToolService(
        new ToolCatalog(tools), policy, masking, audit, monitor, metrics, limits, clock);
  }

  /** The audit records, once the trail has written what it buffered. */
  private List<AuditEvent> audited() {
    assertThat(audit.flush(Duration.ofSeconds(5))).as("audit trail flushed").isTrue();
    return auditLog.events();
  }

  private AuditEvent singleAudited() {
    assertThat(audited()).hasSize(1);
    return auditLog.single();
  }

  private CallToolService service(Tool... tools) {
    return service(
        AccessPolicy.defaults(ServerMode.unrestricted()), MaskingPolicy.defaults(), OutputLimits.defaults(), List.of(tools));
  }

  /** The production catalog, working against the fake cluster. */
  private CallToolService serviceWithRealTools() {
    return new CallToolService(
        ToolHarness.catalog(cluster, clock),
        AccessPolicy.defaults(ServerMode.unrestricted()),
        MaskingPolicy.defaults(),
        audit,
        monitor,
        MetricsRecorder.none(),
        OutputLimits.defaults(),
        clock);
  }

  private static CallToolCommand command(Principal principal, String tool, Map<String, Object> arguments) {
    return new CallToolCommand(principal, tool, arguments, ORIGIN);
  }

  @Test
  void givenReaderListingPods_call_succeedsAndWritesOneAuditRowWithTheRequestContext() {
    cluster.with("Pod", PodFixtures.runningPod("web-1", "shop", "node-a"));

    ToolCallResult result =
        serviceWithRealTools()
            .call(command(reader(), "kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "shop")));

    assertThat(result).isInstanceOf(ToolCallResult.Succeeded.class);
    assertThat(((ToolCallResult.Succeeded) result).result().text()).contains("web-1").contains("Running");
    AuditEvent event = singleAudited();
    assertThat(event.id()).isEqualTo(1L);
    assertThat(event.timestamp()).isEqualTo(NOW);
    assertThat(event.type()).isEqualTo(AuditEventType.TOOL_CALL);
    assertThat(event.principal()).isEqualTo("reader");
    assertThat(event.authMethod()).isEqualTo("apikey");
    assertThat(event.clientAddress()).isEqualTo("10.0.0.7");
    assertThat(event.transport()).isEqualTo("streamable-http");
    assertThat(event.sessionId()).isEqualTo("session-1");
    assertThat(event.action()).isEqualTo("kubernetes_list_resources_summary");
    assertThat(event.namespace()).isEqualTo("shop");
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.error()).isNull();
    assertThat(event.durationMs()).isNotNegative();
    assertThat(event.arguments()).isEqualTo(Map.of("kind", "pods", "namespace", "shop"));
  }

  @Test
  void givenSecretArgument_call_passesItToTheToolButAuditsItMasked() {
    ScriptedTool echo = ScriptedTool.answering(ECHO, "ok");

    ToolCallResult result =
        service(echo).call(command(jwtUser("alice"), "test_echo", Map.of("namespace", "shop", "apiToken", "s3cr3t-v4lue")));

    assertThat(result).isInstanceOf(ToolCallResult.Succeeded.class);
    assertThat(echo.calls()).singleElement().satisfies(c -> {
      assertThat(c.arguments().string("apiToken")).contains("s3cr3t-v4lue");
      assertThat(c.caller()).isEqualTo(jwtUser("alice"));
    });
    AuditEvent event = singleAudited();
    assertThat(event.arguments()).isEqualTo(Map.of("namespace", "shop", "apiToken", MASK));
    assertThat(event.authMethod()).isEqualTo("jwt");
    assertThat(event.toString()).doesNotContain("s3cr3t-v4lue");
  }

  @Test
  void givenInvalidArgument_call_failsNamingTheFieldWithoutTouchingTheCluster() {
    ToolCallResult result =
        serviceWithRealTools()
            .call(command(reader(), "kubernetes_list_resources_summary", Map.of("kind", "pods", "limit", "many")));

    assertThat(result).isInstanceOf(ToolCallResult.Failed.class);
    ToolCallResult.Failed failed = (ToolCallResult.Failed) result;
    assertThat(failed.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(failed.code()).isEqualTo("invalid_argument");
    assertThat(failed.message()).isEqualTo("Invalid argument 'limit': must be an integer");
    assertThat(cluster.queries()).isEmpty();
    AuditEvent event = singleAudited();
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(event.error()).contains("'limit'");
    assertThat(event.arguments()).isEqualTo(Map.of("kind", "pods", "limit", "many"));
  }

  @Test
  void givenUnknownTool_call_failsAndAuditsTheRequestedName() {
    ToolCallResult result = service(ScriptedTool.answering(ECHO, "ok")).call(command(reader(), "kubectl_exec", Map.of()));

    assertThat(result)
        .isEqualTo(
            new ToolCallResult.Failed(
                AuditOutcome.FAILED,
                "unknown_tool",
                "Unknown tool 'kubectl_exec'. Call tools/list to see the tools you may use."));
    assertThat(singleAudited().action()).isEqualTo("kubectl_exec");
    assertThat(singleAudited().outcome()).isEqualTo(AuditOutcome.FAILED);
    // The metric does not take the client's name: each distinct name would be a new time series.
    assertThat(metrics.toolCalls()).isEqualTo(Map.of("unknown/failed", 1));
  }

  @Test
  void givenAKnownTool_call_isCountedUnderItsName() {
    service(ScriptedTool.answering(ECHO, "ok")).call(command(reader(), "test_echo", Map.of()));

    assertThat(metrics.toolCalls()).isEqualTo(Map.of("test_echo/success", 1));
  }

  @Test
  void givenReaderCallingMutatingTool_call_isDeniedAndTheToolNeverRuns() {
    ScriptedTool scale = ScriptedTool.answering(SCALE, "scaled");

    ToolCallResult result = service(scale).call(command(reader(), "test_scale", Map.of()));

    String reason = "Access denied: principal 'reader' is not allowed to use tool 'test_scale' (mutating).";
    assertThat(result).isEqualTo(new ToolCallResult.Denied(reason));
    assertThat(result.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(scale.calls()).isEmpty();
    AuditEvent event = singleAudited();
    assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(event.error()).isEqualTo(reason);
    assertThat(event.principal()).isEqualTo("reader");
  }

  @Test
  void givenPrincipalRestrictedToNamespaces_call_isDeniedWithoutANamespace() {
    AccessPolicy policy =
        AccessPolicy.of(
            List.of(
                new AccessRule(
                    "team-a",
                    new PrincipalMatcher(null, GlobSet.of(List.of("team-a")), null, false),
                    new Grant(GlobSet.all(), EnumSet.allOf(ToolRisk.class), GlobSet.of(List.of("team-a")), Set.of()))),
            ServerMode.unrestricted());
    ScriptedTool echo = ScriptedTool.answering(ECHO, "ok");
    CallToolService service = service(policy, MaskingPolicy.defaults(), OutputLimits.defaults(), List.of(echo));
    Principal alice = jwtUser("alice", "team-a");

    ToolCallResult withoutNamespace = service.call(command(alice, "test_echo", Map.of()));
    ToolCallResult inOwnNamespace = service.call(command(alice, "test_echo", Map.of("namespace", "team-a")));

    assertThat(withoutNamespace).isInstanceOf(ToolCallResult.Denied.class);
    assertThat(((ToolCallResult.Denied) withoutNamespace).reason()).contains("name one with the 'namespace' argument");
    assertThat(inOwnNamespace).isInstanceOf(ToolCallResult.Succeeded.class);
    assertThat(echo.calls()).hasSize(1);
    assertThat(audited())
        .extracting(AuditEvent::outcome, AuditEvent::namespace)
        .containsExactly(
            tuple(AuditOutcome.DENIED, null), tuple(AuditOutcome.SUCCESS, "team-a"));
  }

  @Test
  void givenReadOnlyMode_call_treatsAMutatingToolAsUnknownEvenForTheAdmin() {
    // The mode hides the tool (it is not listed or registered), so a call is answered like one
    // for a tool that does not exist: it fails, and the tool never runs.
    ScriptedTool scale = ScriptedTool.answering(SCALE, "scaled");
    CallToolService service =
        service(
            AccessPolicy.defaults(new ServerMode(true, false)),
            MaskingPolicy.defaults(),
            OutputLimits.defaults(),
            List.of(scale));

    ToolCallResult result = service.call(command(admin(), "test_scale", Map.of()));

    assertThat(result).isInstanceOf(ToolCallResult.Failed.class);
    assertThat(((ToolCallResult.Failed) result).code()).isEqualTo("unknown_tool");
    assertThat(scale.calls()).isEmpty();
    assertThat(singleAudited().outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(singleAudited().principal()).isEqualTo("admin");
  }

  @Test
  void givenMissingResource_call_failsAsTheCallersMistake() {
    cluster.with("Pod", PodFixtures.runningPod("web-1", "shop", "node-a"));

    ToolCallResult result =
        serviceWithRealTools()
            .call(command(reader(), "kubernetes_get_resource", Map.of("kind", "pods", "name", "web-9", "namespace", "shop")));

    assertThat(result)
        .isEqualTo(new ToolCallResult.Failed(AuditOutcome.FAILED, "not_found", "Pod 'web-9' not found in namespace shop"));
    assertThat(singleAudited().outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(singleAudited().error()).isEqualTo("Pod 'web-9' not found in namespace shop");
  }

  @Test
  void givenUnreachableCluster_call_reportsAnError() {
    cluster.failingWith(new ClusterUnavailableException("the API server at https://10.0.0.1:6443 is unreachable"));

    ToolCallResult result =
        serviceWithRealTools().call(command(reader(), "kubernetes_list_resources_summary", Map.of("kind", "pods")));

    assertThat(result)
        .isEqualTo(
            new ToolCallResult.Failed(
                AuditOutcome.ERROR, "cluster_unavailable", "the API server at https://10.0.0.1:6443 is unreachable"));
    assertThat(singleAudited().outcome()).isEqualTo(AuditOutcome.ERROR);
  }

  static Stream<Arguments> portFailures() {
    return Stream.of(
        Arguments.of(new ResourceNotFoundException("gone"), AuditOutcome.FAILED, "not_found"),
        Arguments.of(new ClusterRequestException("bad selector"), AuditOutcome.FAILED, "cluster_bad_request"),
        Arguments.of(new UnknownKindException("podz", List.of("pods")), AuditOutcome.FAILED, "unknown_kind"),
        Arguments.of(new ClusterAccessDeniedException("forbidden"), AuditOutcome.FAILED, "cluster_forbidden"),
        Arguments.of(new ClusterUnavailableException("down"), AuditOutcome.ERROR, "cluster_unavailable"),
        Arguments.of(new ClusterNotConfiguredException("no kubeconfig"), AuditOutcome.ERROR, "cluster_not_configured"),
        Arguments.of(new InvalidToolArgumentException("name", "must not contain '/'"), AuditOutcome.FAILED, "invalid_argument"));
  }

  @ParameterizedTest(name = "[{index}] {2} -> {1}")
  @MethodSource("portFailures")
  void givenToolFailure_call_mapsItToAnOutcomeAndAuditsIt(RuntimeException failure, AuditOutcome outcome, String code) {
    ToolCallResult result = service(ScriptedTool.throwing(ECHO, failure)).call(command(reader(), "test_echo", Map.of()));

    assertThat(result).isEqualTo(new ToolCallResult.Failed(outcome, code, failure.getMessage()));
    assertThat(singleAudited().outcome()).isEqualTo(outcome);
    assertThat(singleAudited().error()).isEqualTo(failure.getMessage());
  }

  @Test
  void givenUnexpectedException_call_reportsAnIncidentWithoutInternalsAndLogsTheDetails() {
    RuntimeException bug = new IllegalStateException("index 3 out of bounds in io.cloudnativemcp.Secret(token=abc)");
    CallToolService service = service(ScriptedTool.throwing(ECHO, bug));
    List<LogRecord> logged = new ArrayList<>();

    ToolCallResult result =
        withCapturedLog(logged, () -> service.call(command(reader(), "test_echo", Map.of())));

    assertThat(result).isInstanceOf(ToolCallResult.Failed.class);
    ToolCallResult.Failed failed = (ToolCallResult.Failed) result;
    assertThat(failed.outcome()).isEqualTo(AuditOutcome.ERROR);
    assertThat(failed.code()).isEqualTo("internal_error");
    assertThat(failed.message())
        .matches(
            "The tool failed unexpectedly\\. The server logged the details under incident"
                + " [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.")
        .doesNotContain("IllegalStateException")
        .doesNotContain("out of bounds")
        .doesNotContain("\tat ")
        .doesNotContain("\n");
    String incident = failed.message().replaceAll(".* incident ([0-9a-f-]{36})\\.$", "$1");
    assertThat(logged)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
              assertThat(r.getMessage()).contains(incident);
              assertThat(r.getThrown()).isSameAs(bug);
            });
    AuditEvent event = singleAudited();
    assertThat(event.outcome()).isEqualTo(AuditOutcome.ERROR);
    assertThat(event.error()).isEqualTo(failed.message());
  }

  @Test
  void givenTwoUnexpectedFailures_call_givesEachItsOwnIncident() {
    CallToolService service = service(ScriptedTool.throwing(ECHO, new IllegalStateException("bug")));
    List<LogRecord> logged = new ArrayList<>();

    ToolCallResult first = withCapturedLog(logged, () -> service.call(command(reader(), "test_echo", Map.of())));
    ToolCallResult second = withCapturedLog(logged, () -> service.call(command(reader(), "test_echo", Map.of())));

    assertThat(((ToolCallResult.Failed) first).message()).isNotEqualTo(((ToolCallResult.Failed) second).message());
    assertThat(logged).hasSize(2);
  }

  /** Runs {@code call} with the service's log records going to {@code sink} instead of stderr. */
  private static <T> T withCapturedLog(List<LogRecord> sink, Supplier<T> call) {
    Logger logger = Logger.getLogger(CallToolService.class.getName());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            sink.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    boolean useParent = logger.getUseParentHandlers();
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    try {
      return call.get();
    } finally {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(useParent);
    }
  }

  @Test
  void givenOutputAboveTheLimit_call_cutsItAndSaysSo() {
    ScriptedTool big =
        new ScriptedTool(ECHO, (args, caller) -> new ToolResult("x".repeat(5000), Map.of("count", 5000)));
    CallToolService service =
        service(
            AccessPolicy.defaults(ServerMode.unrestricted()), MaskingPolicy.defaults(), new OutputLimits(1024), List.of(big));

    ToolCallResult result = service.call(command(reader(), "test_echo", Map.of()));

    ToolResult output = ((ToolCallResult.Succeeded) result).result();
    int structuredBytes = "{\"count\":5000}".length();
    assertThat(output.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024 - structuredBytes);
    assertThat(output.text())
        .startsWith("xxxxxxxxxx")
        .contains("\n[output truncated at " + (1024 - structuredBytes) + " of 5000 bytes; narrow the query")
        .endsWith("]\n");
    assertThat(output.structuredContent()).as("small structured content is kept whole").isEqualTo(Map.of("count", 5000));
    assertThat(singleAudited().outcome()).isEqualTo(AuditOutcome.SUCCESS);
  }

  @ParameterizedTest(name = "[{index}] prefix <{0}>")
  @ValueSource(strings = {"", "a", "ab"})
  void givenMultiByteOutputAboveTheLimit_call_neverCutsACharacterInHalf(String prefix) {
    // The prefixes shift the cut, so that one of them lands inside a 2- or 3-byte character.
    String body = prefix + "\u00e9\u20ac".repeat(1500);
    ScriptedTool big = ScriptedTool.answering(ECHO, body);
    CallToolService service =
        service(
            AccessPolicy.defaults(ServerMode.unrestricted()), MaskingPolicy.defaults(), new OutputLimits(1024), List.of(big));

    String text = ((ToolCallResult.Succeeded) service.call(command(reader(), "test_echo", Map.of()))).result().text();

    assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
    assertThat(text).doesNotContain("\uFFFD").contains("of " + body.getBytes(StandardCharsets.UTF_8).length + " bytes");
    assertThat(body).startsWith(text.substring(0, text.indexOf('\n')));
  }

  @Test
  void givenOutputWithinTheLimit_call_returnsItWhole() {
    // 1017 bytes of text and 7 of structured content: 1024 together.
    ScriptedTool small = new ScriptedTool(ECHO, (args, caller) -> new ToolResult("y".repeat(1017), Map.of("n", 1)));
    CallToolService service =
        service(
            AccessPolicy.defaults(ServerMode.unrestricted()), MaskingPolicy.defaults(), new OutputLimits(1024), List.of(small));

    ToolResult output = ((ToolCallResult.Succeeded) service.call(command(reader(), "test_echo", Map.of()))).result();

    assertThat(output.text()).isEqualTo("y".repeat(1017));
    assertThat(output.structuredContent()).isEqualTo(Map.of("n", 1));
  }

  @Test
  void givenSecretsInToolOutput_call_masksThem() {
    ScriptedTool leaky =
        ScriptedTool.answering(ECHO, "GET /api Authorization: Bearer " + JWT + "\nDB password=hunter2\nready");

    ToolResult output = ((ToolCallResult.Succeeded) service(leaky).call(command(reader(), "test_echo", Map.of()))).result();

    assertThat(output.text())
        .doesNotContain(JWT)
        .doesNotContain("hunter2")
        .isEqualTo("GET /api Authorization: Bearer " + MASK + "\nDB password=" + MASK + "\nready");
  }

  @Test
  void givenAuditMaskingDisabled_call_stillMasksToolOutputButStoresArgumentsAsGiven() {
    ScriptedTool leaky = ScriptedTool.answering(ECHO, "token " + JWT);
    CallToolService service =
        service(
            AccessPolicy.defaults(ServerMode.unrestricted()),
            MaskingPolicy.of(false, MASK, List.of(), List.of()),
            OutputLimits.defaults(),
            List.of(leaky));

    ToolCallResult result = service.call(command(reader(), "test_echo", Map.of("apiToken", "s3cr3t-v4lue")));

    assertThat(((ToolCallResult.Succeeded) result).result().text()).isEqualTo("token " + MASK);
    assertThat(singleAudited().arguments()).containsEntry("apiToken", "s3cr3t-v4lue");
  }

  @Test
  void givenFailureMessageWithCredential_call_masksItInTheAuditRecord() {
    ScriptedTool tool = ScriptedTool.throwing(ECHO, new ClusterRequestException("rejected header Authorization: Bearer " + JWT));

    service(tool).call(command(reader(), "test_echo", Map.of()));

    assertThat(singleAudited().error()).isEqualTo("rejected header Authorization: Bearer " + MASK);
  }

  @Test
  void givenAdminCallingMutatingTool_call_recordsAPendingRowBeforeTheToolRunsAndCompletesIt() {
    List<AuditEvent> seenByTheTool = new ArrayList<>();
    ScriptedTool scale =
        new ScriptedTool(
            SCALE,
            (args, caller) -> {
              seenByTheTool.addAll(auditLog.events());
              return ToolResult.text("scaled");
            });

    ToolCallResult result = service(scale).call(command(admin(), "test_scale", Map.of()));

    assertThat(result).isInstanceOf(ToolCallResult.Succeeded.class);
    assertThat(seenByTheTool).singleElement().extracting(AuditEvent::outcome).isEqualTo(AuditOutcome.PENDING);
    AuditEvent event = singleAudited();
    assertThat(event.id()).isEqualTo(seenByTheTool.get(0).id());
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.action()).isEqualTo("test_scale");
  }

  @Test
  void givenAuditStoreDown_call_refusesAMutatingToolBeforeItRuns() {
    auditLog.failWithStoreUnavailable();
    ScriptedTool scale = ScriptedTool.answering(SCALE, "scaled");

    ToolCallResult result = service(scale).call(command(admin(), "test_scale", Map.of()));

    assertThat(result).isInstanceOf(ToolCallResult.Failed.class);
    ToolCallResult.Failed failed = (ToolCallResult.Failed) result;
    assertThat(failed.outcome()).isEqualTo(AuditOutcome.ERROR);
    assertThat(failed.code()).isEqualTo("audit_unavailable");
    assertThat(scale.calls()).isEmpty();
    assertThat(auditLog.events()).isEmpty();
  }

  @Test
  void givenAuditStoreDown_call_runsAReadOnlyToolAndStoresItsRowOnceTheStoreIsBack() {
    auditLog.failWithStoreUnavailable();
    ScriptedTool echo = ScriptedTool.answering(ECHO, "ok");

    ToolCallResult result = service(echo).call(command(reader(), "test_echo", Map.of()));
    boolean flushedWhileDown = audit.flush(Duration.ofMillis(50));
    auditLog.recover();

    assertThat(result).isInstanceOf(ToolCallResult.Succeeded.class);
    assertThat(flushedWhileDown).isFalse();
    assertThat(singleAudited().outcome()).isEqualTo(AuditOutcome.SUCCESS);
  }

  @Test
  void givenAuditBufferFull_call_refusesBeforeRunningAnything() {
    audit = new AuditTrail(auditLog, new AuditSettings(true, 1, 1, true, new RetentionPolicy(100, Optional.empty(), 10)), MetricsRecorder.none());
    ScriptedTool echo = ScriptedTool.answering(ECHO, "ok");
    CallToolService service = service(echo);
    service.call(command(reader(), "test_echo", Map.of())); // fills the only buffer slot

    ToolCallResult refused = service.call(command(reader(), "test_echo", Map.of()));

    assertThat(refused)
        .isEqualTo(
            new ToolCallResult.Failed(
                AuditOutcome.ERROR,
                "audit_unavailable",
                "The audit trail cannot accept records right now; try again shortly."));
    assertThat(echo.calls()).hasSize(1);
    assertThat(audited()).hasSize(1);
  }
}
