package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's MCP features beyond tools, through the official Java SDK client: the Go original's
 * prompts with argument completion from the cluster, the cluster overview resource with
 * subscriptions, logging, {@code MCP-Protocol-Version} handling, and the stateless mode for
 * load-balanced deployments.
 */
class McpFeaturesEndToEndIT {
  static final String KEY = McpEndToEndIT.ADMIN_KEY;

  static KubernetesFixture k8s;
  static Postgres db;
  static LibertyServer server;
  static LibertyServer stateless;

  @BeforeAll
  static void start() throws Exception {
    k8s = new KubernetesFixture().seedShop();
    db = new Postgres();
    Path kubeconfig = k8s.writeKubeconfig(Path.of(System.getProperty("it.work.dir", "target/it"), "features-kube"));
    String config =
        """
        server:
          addr: "127.0.0.1:%%PORT%%"
          %s
        auth:
          enabled: true
          mode: "apikey"
          apiKey: "${MCP_AUTH_API_KEY}"
        """
            + db.auditConfig()
            + """
            kubernetes:
              kubeconfig: "%s"
            """.formatted(kubeconfig);
    var env = LibertyServer.env("MCP_AUTH_API_KEY", KEY, "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD);
    server = LibertyServer.start("features", config.formatted(""), env);
    stateless = LibertyServer.start("stateless", config.formatted("stateless: true"), env);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {server, stateless, k8s, db}) {
      if (c != null) {
        c.close();
      }
    }
  }

  static McpClient.SyncSpec client(LibertyServer target) {
    var transport =
        HttpClientStreamableHttpTransport.builder(target.baseUrl())
            .endpoint("/mcp")
            .httpRequestCustomizer((builder, method, uri, body, context) -> builder.header("X-API-Key", KEY))
            .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30));
  }

  @Test
  void givenAClient_prompts_areListedAndFilledInWithTheirArguments() {
    try (McpSyncClient client = client(server).build()) {
      McpSchema.InitializeResult init = client.initialize();
      assertThat(init.capabilities().prompts()).isNotNull();
      assertThat(init.capabilities().completions()).isNotNull();
      assertThat(init.capabilities().logging()).isNotNull();

      assertThat(client.listPrompts().prompts())
          .extracting(McpSchema.Prompt::name)
          .containsExactlyInAnyOrder(
              "cloud_native_incident_triage",
              "kubernetes_workload_diagnosis",
              "kubernetes_safe_remediation",
              "kubernetes_service_connectivity_diagnosis",
              "kubernetes_rollout_recovery",
              "helm_release_diagnosis");

      McpSchema.GetPromptResult prompt =
          client.getPrompt(
              new McpSchema.GetPromptRequest(
                  "kubernetes_workload_diagnosis", Map.of("kind", "Deployment", "name", "web", "namespace", "shop")));
      String text = ((McpSchema.TextContent) prompt.messages().get(0).content()).text();
      assertThat(text).contains("Deployment shop/web").contains("kubernetes_get_rollout_status {kind: \"Deployment\", name: \"web\"");

      assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("kubernetes_workload_diagnosis", Map.of("kind", "Pod"))))
          .isInstanceOfSatisfying(
              McpError.class,
              e -> {
                assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                assertThat(e.getMessage()).contains("'name' is required");
              });
    }
  }

  @Test
  void givenAPromptArgument_completion_suggestsWhatTheClusterHolds() {
    try (McpSyncClient client = client(server).build()) {
      client.initialize();
      var ref = new McpSchema.PromptReference("kubernetes_workload_diagnosis");

      var namespaces = client.completeCompletion(new McpSchema.CompleteRequest(ref, new McpSchema.CompleteRequest.CompleteArgument("namespace", "sh")));
      var pods =
          client.completeCompletion(
              new McpSchema.CompleteRequest(
                  ref,
                  new McpSchema.CompleteRequest.CompleteArgument("name", "web"),
                  new McpSchema.CompleteRequest.CompleteContext(Map.of("namespace", "shop", "kind", "pods"))));
      var kinds = client.completeCompletion(new McpSchema.CompleteRequest(ref, new McpSchema.CompleteRequest.CompleteArgument("kind", "deploy")));

      assertThat(namespaces.completion().values()).containsExactly("shop");
      assertThat(pods.completion().values()).containsExactly("web-7d4b9c8f6d-abcde", "web-7d4b9c8f6d-fghij");
      assertThat(kinds.completion().values()).containsExactly("deployments.apps");
    }
  }

  @Test
  void givenASubscriber_theClusterOverview_isReadThroughTheAuditedTools_andUpdatesAfterAChange() throws Exception {
    List<List<McpSchema.ResourceContents>> updates = new CopyOnWriteArrayList<>();
    List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
    long auditedBefore = db.count("event_type = 'TOOL_CALL' and action = ?", "kubernetes_get_unhealthy_resources");
    try (McpSyncClient client = client(server).resourcesUpdateConsumer(updates::add).loggingConsumer(logs::add).build()) {
      client.initialize();
      client.setLoggingLevel(McpSchema.LoggingLevel.WARNING);

      assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri).contains("kubernetes://cluster/overview");
      var read = client.readResource(new McpSchema.ReadResourceRequest("kubernetes://cluster/overview"));
      String overview = ((McpSchema.TextResourceContents) read.contents().get(0)).text();
      assertThat(overview).contains("worker-1").contains("cart-5f6d7c8b9-xyz12");
      assertThat(db.count("event_type = 'TOOL_CALL' and action = ?", "kubernetes_get_unhealthy_resources")).isGreaterThan(auditedBefore);

      client.subscribeResource(new McpSchema.SubscribeRequest("kubernetes://cluster/overview"));
      var scaled = client.callTool(new McpSchema.CallToolRequest("kubernetes_scale_resource", Map.of("kind", "deployment", "name", "web", "namespace", "shop", "replicas", 3)));
      assertThat(scaled.isError()).as(scaled.toString()).isFalse();
      awaitSize(updates, 1);
      assertThat(updates.get(0)).isNotEmpty();

      // The session's log: a warning for a failed call at WARNING, nothing for a success until DEBUG.
      var missing = client.callTool(new McpSchema.CallToolRequest("kubernetes_get_resource", Map.of("kind", "pods", "name", "ghost", "namespace", "shop")));
      assertThat(missing.isError()).isTrue();
      awaitSize(logs, 1);
      assertThat(logs.get(0).level()).isEqualTo(McpSchema.LoggingLevel.WARNING);
      assertThat(logs.get(0).logger()).isEqualTo("cloud-native-mcp-server");
      assertThat(logs.get(0).data()).startsWith("kubernetes_get_resource failed: ").contains("ghost");
      assertThat(logs).hasSize(1);
      client.setLoggingLevel(McpSchema.LoggingLevel.DEBUG);
      client.callTool(new McpSchema.CallToolRequest("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "shop")));
      awaitSize(logs, 2);
      assertThat(logs.get(1).data()).startsWith("kubernetes_list_resources_summary succeeded in ");

      client.unsubscribeResource(new McpSchema.UnsubscribeRequest("kubernetes://cluster/overview"));
      client.callTool(new McpSchema.CallToolRequest("kubernetes_scale_resource", Map.of("kind", "deployment", "name", "web", "namespace", "shop", "replicas", 2)));
      TimeUnit.MILLISECONDS.sleep(1500);
      assertThat(updates).hasSize(1);
    }
  }

  @Test
  void givenAnUnsupportedProtocolVersion_theServer_answers400WithAJsonRpcError() throws Exception {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
                .header("X-API-Key", KEY)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "1999-01-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":-32600").contains("Unsupported MCP-Protocol-Version '1999-01-01'").contains("2025-11-25");
  }

  @Test
  void givenAPathNothingServes_theServer_answersProblemJsonWithoutInternals() throws Exception {
    for (String path : List.of("/no-such-endpoint", "/ibm/api/", "/_error")) {
      HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());

      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(r.body()).as(path).contains("\"code\":\"not_found\"").doesNotContain("Exception").doesNotContain("SRVE");
    }
  }

  /**
   * DNS rebinding: a web page's script may reach a server on 127.0.0.1 under a host name it
   * controls. A browser sends its Origin and the page's Host; both are checked before any MCP work.
   */
  @Test
  void givenABrowserOnAnotherSite_theMcpEndpoint_refusesItsOriginAndHost() throws Exception {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    String foreignOrigin = rawPost("127.0.0.1:" + server.port, "http://evil.example", ping);
    String foreignHost = rawPost("evil.example:" + server.port, null, ping);
    String localOrigin = rawPost("localhost:" + server.port, "http://localhost:" + server.port, ping);

    assertThat(foreignOrigin).startsWith("HTTP/1.1 403").contains("origin_not_allowed");
    assertThat(foreignHost).startsWith("HTTP/1.1 421").contains("host_not_allowed");
    // The same site passes the checks and reaches MCP (no session yet, so the SDK answers 400).
    assertThat(localOrigin).doesNotContain("origin_not_allowed").doesNotContain("host_not_allowed");
    assertThat(localOrigin).startsWith("HTTP/1.1 400").contains("Session ID");
  }

  /** One HTTP/1.1 request with the Host and Origin a browser would send (java.net.http refuses to set Host). */
  private static String rawPost(String host, String origin, String body) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port)) {
      socket.setSoTimeout(10_000);
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String head =
          "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\n"
              + (origin == null ? "" : "Origin: " + origin + "\r\n")
              + "X-API-Key: " + KEY + "\r\nContent-Type: application/json\r\n"
              + "Accept: application/json, text/event-stream\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void givenTheStatelessMode_anyRequest_standsAlone() throws Exception {
    try (McpSyncClient client = client(stateless).build()) {
      McpSchema.InitializeResult init = client.initialize();
      assertThat(init.capabilities().logging()).as("no session: no log notifications").isNull();
      var result = client.callTool(new McpSchema.CallToolRequest("kubernetes_list_resources_summary", Map.of("kind", "pods", "namespace", "shop")));
      assertThat(result.isError()).isFalse();
      assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("cart-5f6d7c8b9-xyz12");
      assertThat(client.listPrompts().prompts()).hasSize(6);
    }

    // No initialize, no session id: a lone tools/call is answered, as any replica would.
    HttpResponse<String> lone =
        stateless.send(
            HttpRequest.newBuilder(URI.create(stateless.baseUrl() + "/mcp"))
                .header("X-API-Key", KEY)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"kubernetes_list_resources_summary\","
                        + "\"arguments\":{\"kind\":\"pods\",\"namespace\":\"shop\"}}}")));
    assertThat(lone.statusCode()).isEqualTo(200);
    assertThat(lone.headers().firstValue("Mcp-Session-Id")).isEmpty();
    assertThat(lone.body()).contains("\"id\":7").contains("web-7d4b9c8f6d-abcde");

    HttpResponse<String> stream =
        stateless.send(HttpRequest.newBuilder(URI.create(stateless.baseUrl() + "/mcp")).header("X-API-Key", KEY).header("Accept", "text/event-stream").GET());
    assertThat(stream.statusCode()).isEqualTo(405);
  }

  private static void awaitSize(List<?> list, int size) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (list.size() < size && System.currentTimeMillis() < deadline) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(list).as("notifications within 10 s").hasSizeGreaterThanOrEqualTo(size);
  }
}
