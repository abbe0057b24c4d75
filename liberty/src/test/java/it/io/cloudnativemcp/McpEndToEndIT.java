package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The walking skeleton end to end: the packaged server on Liberty, a mock Kubernetes API,
 * audit to the real PostgreSQL, and the official TypeScript SDK client over both transports.
 */
class McpEndToEndIT {
  /** The seed guide's example key, supplied the way the guide recommends: ${MCP_AUTH_API_KEY}. */
  static final String ADMIN_KEY = "Abc123!@#Xyz789!@#Abc123!@#";

  static KubernetesFixture k8s;
  static Postgres db;
  static LibertyServer server;

  @BeforeAll
  static void start() throws Exception {
    k8s = new KubernetesFixture().seedShop();
    db = new Postgres();
    Path kubeconfig = k8s.writeKubeconfig(Path.of(System.getProperty("it.work.dir", "target/it"), "e2e-kube"));
    String config =
        """
        server:
          addr: "127.0.0.1:%PORT%"
        auth:
          enabled: true
          mode: "apikey"
          apiKey: "${MCP_AUTH_API_KEY}"
        """
            + db.auditConfig()
            + """
            kubernetes:
              kubeconfig: "%s"
            monitoring:
              # These tests fail authentication on purpose, from one address: no block here.
              block_duration: 0
            """.formatted(kubeconfig);
    server =
        LibertyServer.start(
            "e2e", config, LibertyServer.env("MCP_AUTH_API_KEY", ADMIN_KEY, "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      System.out.printf(
          "[e2e] server ready %d ms after launch; resident memory %d MiB after the tests%n",
          server.readyMillis, server.rssKib() / 1024);
      server.close();
    }
    if (k8s != null) {
      k8s.close();
    }
    if (db != null) {
      db.close();
    }
  }

  static String url(String transport) {
    return server.baseUrl() + (transport.equals("sse") ? "/sse" : "/mcp");
  }

  static String text(JsonNode callResult) {
    return callResult.path("result").path("content").get(0).path("text").asText();
  }

  @ParameterizedTest
  @ValueSource(strings = {"streamable-http", "sse"})
  void givenAValidKey_theTypeScriptClient_listsAndCallsEveryTool(String transport) throws Exception {
    long toolRowsBefore = db.count("event_type = 'TOOL_CALL' and transport = ?", transport);

    JsonNode report =
        new NodeMcpClient(url(transport), transport)
            .header("X-API-Key", ADMIN_KEY)
            .listTools()
            .callTool("kubernetes_list_resources_summary", Map.of("kind", "po", "namespace", "shop"))
            .callTool("kubernetes_get_resource", Map.of("kind", "deploy", "name", "web", "namespace", "shop"))
            .callTool("kubernetes_get_resource", Map.of("kind", "pods", "name", "web-7d4b9c8f6d-abcde", "namespace", "shop"))
            .callTool("kubernetes_get_recent_events", Map.of("namespace", "shop"))
            .callTool("kubernetes_get_pod_logs", Map.of("name", "cart-5f6d7c8b9-xyz12", "namespace", "shop"))
            .callTool("kubernetes_get_resource", Map.of("kind", "pods", "name", "ghost", "namespace", "shop"))
            .callTool("kubernetes_list_resources_summary", Map.of("kind", "pods", "limit", 9999))
            .run();

    assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.path("server").path("name").asText()).isEqualTo("cloud-native-mcp-server");
    assertThat(report.path("instructions").asText()).contains("kubernetes_list_resources_summary");
    JsonNode results = report.path("results");

    JsonNode tools = results.get(0).path("result").path("tools");
    assertThat(StreamSupport.stream(tools.spliterator(), false).map(t -> t.path("name").asText()))
        .contains(
            "kubernetes_list_resources_summary", "kubernetes_get_resource", "kubernetes_get_recent_events", "kubernetes_get_pod_logs");
    for (JsonNode tool : tools) {
      assertThat(tool.path("inputSchema").path("type").asText()).isEqualTo("object");
      assertThat(tool.path("annotations").path("title").asText()).isNotBlank();
      if (tool.path("name").asText().startsWith("kubernetes_get_")) {
        assertThat(tool.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
        assertThat(tool.path("annotations").path("destructiveHint").asBoolean()).isFalse();
        assertThat(tool.path("annotations").path("idempotentHint").asBoolean()).isTrue();
      }
    }

    JsonNode summary = results.get(1).path("result");
    assertThat(summary.path("isError").asBoolean()).isFalse();
    assertThat(text(results.get(1)))
        .contains("NAME", "STATUS", "READY", "RESTARTS", "AGE", "NODE")
        .contains("web-7d4b9c8f6d-abcde", "web-7d4b9c8f6d-fghij", "cart-5f6d7c8b9-xyz12")
        .contains("CrashLoopBackOff", "0/1", "worker-1")
        .contains("count: 3, hasMore: false");
    assertThat(summary.path("structuredContent").path("count").asInt()).isEqualTo(3);

    assertThat(text(results.get(2))).contains("kind: Deployment", "name: web", "replicas: 2").doesNotContain("managedFields");
    assertThat(text(results.get(3)))
        .contains("DB_PASSWORD", "***REDACTED***")
        .doesNotContain("hunter2-never-shown");

    String events = text(results.get(4));
    assertThat(events).contains("Warning", "BackOff", "pod/cart-5f6d7c8b9-xyz12");
    assertThat(events.indexOf("BackOff")).as("warnings first").isLessThan(events.indexOf("Scheduled"));

    assertThat(text(results.get(5))).contains("upstream timeout").contains("Last 2 line(s) of pod/cart-5f6d7c8b9-xyz12");

    assertThat(results.get(6).path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(results.get(6))).contains("Pod 'ghost' not found in namespace 'shop'");

    assertThat(results.get(7).path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(results.get(7))).contains("Invalid argument 'limit'", "at most 500");

    // One audit row per tools/call, with who, how and what; arguments as sent (nothing secret here).
    assertThat(db.count("event_type = 'TOOL_CALL' and transport = ?", transport)).isEqualTo(toolRowsBefore + 7);
    List<Map<String, Object>> notFound =
        db.query(
            "select principal, auth_method, client_address, session_id, action, namespace, outcome, status, error, arguments"
                + " from audit_event where transport = ? and action = 'kubernetes_get_resource' and outcome = 'FAILED'"
                + " order by id desc limit 1",
            transport);
    assertThat(notFound).hasSize(1);
    Map<String, Object> row = notFound.get(0);
    assertThat(row.get("principal")).isEqualTo("admin");
    assertThat(row.get("auth_method")).isEqualTo("apikey");
    assertThat(row.get("client_address")).isEqualTo("127.0.0.1");
    assertThat(row.get("session_id")).isNotNull();
    assertThat(row.get("namespace")).isEqualTo("shop");
    assertThat(row.get("status")).isEqualTo("FAILED");
    assertThat((String) row.get("error")).contains("not found");
    assertThat((String) row.get("arguments")).contains("\"name\":\"ghost\"");
    assertThat(db.count("transport = ? and action = 'kubernetes_list_resources_summary' and outcome = 'FAILED'", transport))
        .isGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"streamable-http", "sse"})
  void givenNoKey_theTypeScriptClient_isRefusedWith401(String transport) throws Exception {
    JsonNode report = new NodeMcpClient(url(transport), transport).listTools().run();

    assertThat(report.path("ok").asBoolean()).isFalse();
    assertThat(report.path("error").asText() + report.path("code").asText()).contains("401");
  }

  @ParameterizedTest
  @ValueSource(strings = {"streamable-http", "sse"})
  void givenAWrongKey_theTypeScriptClient_isRefusedAndTheFailureAudited(String transport) throws Exception {
    long before = db.count("event_type = 'AUTHENTICATION' and outcome = 'FAILED' and transport = ?", transport);

    JsonNode report =
        new NodeMcpClient(url(transport), transport).header("X-API-Key", "Wrong-Key-1234567890!").listTools().run();

    assertThat(report.path("ok").asBoolean()).isFalse();
    assertThat(report.path("error").asText() + report.path("code").asText()).contains("401");
    assertThat(db.count("event_type = 'AUTHENTICATION' and outcome = 'FAILED' and transport = ?", transport))
        .isGreaterThan(before);
    assertThat(db.query("select count(*) as n from audit_event where error like '%Wrong-Key%' or arguments like '%Wrong-Key%'"))
        .first()
        .satisfies(r -> assertThat(((Number) r.get("n")).longValue()).as("the presented key is never stored").isZero());
  }

  @Test
  void givenNoKey_aRawPost_getsAChallengeAndProblemJson() throws Exception {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("ApiKey"));
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception");
  }

  @Test
  void givenTheHeaderInLowerCase_aRawPost_isAccepted() throws Exception {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri("/mcp"))
                .header("content-type", "application/json")
                .header("accept", "application/json, text/event-stream")
                .header("x-api-key", ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
  }

  @Test
  void givenTheServer_health_isUpAndTheKeyNeverReachesTheLogs() {
    assertThat(server.status("/health/ready")).isEqualTo(200);
    assertThat(server.status("/health/live")).isEqualTo(200);
    assertThat(server.messagesLog()).contains("cloud-native-mcp-server started").doesNotContain(ADMIN_KEY);
    assertThat(server.console()).doesNotContain(ADMIN_KEY);
  }
}
