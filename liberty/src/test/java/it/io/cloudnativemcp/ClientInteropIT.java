package it.io.cloudnativemcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interoperability with MCP clients nobody here wrote, on every wire the server offers: the
 * official Java SDK client and the MCP Inspector's command-line client, over Streamable HTTP and
 * the legacy HTTP+SSE transport, at the canonical paths and at the Go original's aliases. One
 * packaged Liberty server, a mock Kubernetes API and audit to the real PostgreSQL serve the class.
 */
@Timeout(180)
class ClientInteropIT {
  static final String ADMIN_KEY = "Interop-Key-7f3a!Q9z#Lm2x";
  static final String NAMESPACE = "interop";
  /** Seeded in {@link #NAMESPACE}: a listing of that namespace must show these. */
  static final List<String> PODS =
      List.of("ledger-5c8d9f7b6-k2m4p", "ledger-5c8d9f7b6-r7t9w", "mailer-0");
  /** Seeded in another namespace: a listing of {@link #NAMESPACE} must not show it. */
  static final String FOREIGN_POD = "stranger-6b7c8d9e0-zz1yy";
  /** How long a refused Java client may take; bounds the SSE client, which only times out. */
  static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(3);
  /**
   * The Java SDK and Reactor log through SLF4J to java.util.logging here; held so they stay
   * configured while a refused client's records are captured.
   */
  static final List<Logger> CLIENT_LOGS =
      List.of(Logger.getLogger("io.modelcontextprotocol"), Logger.getLogger("reactor"));

  /** A transport the server offers and the path a client reaches it at. */
  record Wire(String transport, String path) {
    boolean streamable() {
      return transport.equals("streamable-http");
    }

    /** The inspector's name for the transport. */
    String inspectorTransport() {
      return streamable() ? "http" : "sse";
    }

    @Override
    public String toString() {
      return transport + " at " + path;
    }
  }

  static Stream<Wire> wires() {
    return Stream.of(
        new Wire("streamable-http", "/mcp"),
        new Wire("streamable-http", "/api/kubernetes/streamable-http"),
        new Wire("sse", "/sse"),
        new Wire("sse", "/api/kubernetes/sse"));
  }

  static KubernetesFixture k8s;
  static Postgres db;
  static LibertyServer server;

  @BeforeAll
  static void start() throws Exception {
    k8s = new KubernetesFixture();
    seedPods();
    db = new Postgres();
    Path kubeconfig =
        k8s.writeKubeconfig(
            Path.of(System.getProperty("it.work.dir", "target/it"), "interop-kube"));
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
              # Calls without a key fail authentication on purpose, from one address: no block.
              block_duration: 0
            """
                .formatted(kubeconfig);
    server =
        LibertyServer.start(
            "interop",
            config,
            LibertyServer.env(
                "MCP_AUTH_API_KEY", ADMIN_KEY, "MCP_TEST_DB_PASSWORD", Postgres.PASSWORD));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      System.out.printf("[interop] server ready %d ms after launch%n", server.readyMillis);
      assertThat(server.console()).as("the key in the console").doesNotContain(ADMIN_KEY);
      assertThat(server.messagesLog()).as("the key in messages.log").doesNotContain(ADMIN_KEY);
      server.close();
    }
    if (k8s != null) {
      k8s.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private static void seedPods() {
    String created =
        Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, List<String>> podsByNamespace =
        Map.of(NAMESPACE, PODS, "elsewhere", List.of(FOREIGN_POD));
    podsByNamespace.forEach(
        (namespace, pods) -> {
          k8s.client
              .namespaces()
              .resource(
                  new NamespaceBuilder()
                      .withNewMetadata()
                      .withName(namespace)
                      .endMetadata()
                      .build())
              .create();
          for (String name : pods) {
            k8s.client
                .pods()
                .inNamespace(namespace)
                .resource(
                    new PodBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .withCreationTimestamp(created)
                        .endMetadata()
                        .withNewSpec()
                        .withNodeName("worker-1")
                        .addNewContainer()
                        .withName("main")
                        .withImage("busybox:1.36")
                        .endContainer()
                        .endSpec()
                        .withNewStatus()
                        .withPhase("Running")
                        .addNewContainerStatus()
                        .withName("main")
                        .withReady(true)
                        .withRestartCount(0)
                        .withNewState()
                        .withNewRunning()
                        .endRunning()
                        .endState()
                        .endContainerStatus()
                        .endStatus()
                        .build())
                .create();
          }
        });
  }

  // -----------------------------------------------------------------------------------------------
  // The official MCP Java SDK client (io.modelcontextprotocol.sdk:mcp, McpClient.sync)
  // -----------------------------------------------------------------------------------------------

  static McpClientTransport javaTransport(Wire wire, String apiKey) {
    McpSyncHttpClientRequestCustomizer withKey =
        (request, method, uri, body, context) -> {
          if (apiKey != null) {
            request.header("X-API-Key", apiKey);
          }
        };
    if (wire.streamable()) {
      return HttpClientStreamableHttpTransport.builder(server.baseUrl())
          .endpoint(wire.path())
          .connectTimeout(Duration.ofSeconds(5))
          .httpRequestCustomizer(withKey)
          .build();
    }
    // The message endpoint comes from the server's "endpoint" event: <path>/message?sessionId=...
    return HttpClientSseClientTransport.builder(server.baseUrl())
        .sseEndpoint(wire.path())
        .connectTimeout(Duration.ofSeconds(5))
        .httpRequestCustomizer(withKey)
        .build();
  }

  static McpSyncClient javaClient(McpClientTransport transport, Duration timeout) {
    return McpClient.sync(transport)
        .clientInfo(new McpSchema.Implementation("interop-java-sdk", "2.1.0"))
        .requestTimeout(timeout)
        .initializationTimeout(timeout)
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void givenAValidKey_theJavaSdkClient_initializesListsCallsAndPings(Wire wire) throws Exception {
    McpClientTransport transport = javaTransport(wire, ADMIN_KEY);
    McpSyncClient client = javaClient(transport, Duration.ofSeconds(30));
    try {
      McpSchema.InitializeResult init = client.initialize();

      assertThat(init.serverInfo().name()).isEqualTo("cloud-native-mcp-server");
      assertThat(init.serverInfo().version()).isNotBlank();
      // The server agrees to the newest version the client offers: the legacy SSE transport
      // speaks only 2024-11-05; the Streamable HTTP client offers newer ones.
      assertThat(init.protocolVersion()).isEqualTo(Collections.max(transport.protocolVersions()));
      if (wire.streamable()) {
        assertThat(init.protocolVersion()).isNotEqualTo("2024-11-05");
      } else {
        assertThat(init.protocolVersion()).isEqualTo("2024-11-05");
      }
      assertThat(init.capabilities().tools()).as("tools capability").isNotNull();

      List<McpSchema.Tool> tools = client.listTools().tools();
      assertThat(tools).isNotEmpty();
      for (McpSchema.Tool tool : tools) {
        assertThat(tool.name()).matches("[a-z0-9_]+");
        assertThat(tool.description()).as("description of %s", tool.name()).isNotBlank();
        assertThat(tool.inputSchema())
            .as("schema of %s", tool.name())
            .containsEntry("type", "object");
      }
      String summary = summaryTool(tools.stream().map(McpSchema.Tool::name).toList());
      assertThat(init.instructions()).as("instructions name the tools").contains(summary);
      long auditedBefore = toolCalls(wire, summary);

      McpSchema.CallToolResult pods =
          client.callTool(
              new McpSchema.CallToolRequest(
                  summary, Map.of("kind", "pods", "namespace", NAMESPACE)));

      assertThat(pods.isError()).as(text(pods)).isNotEqualTo(Boolean.TRUE);
      assertThat(text(pods)).contains(PODS).doesNotContain(FOREIGN_POD);

      // A missing required argument: a tool error the model can read, not a protocol error.
      McpSchema.CallToolResult bad =
          client.callTool(new McpSchema.CallToolRequest(summary, Map.of("namespace", NAMESPACE)));

      assertThat(bad.isError()).as(text(bad)).isTrue();
      assertThat(text(bad)).contains("kind").doesNotContain("Exception");

      assertThatCode(client::ping).doesNotThrowAnyException();

      // Both calls were audited as this transport, in the Java client's one session.
      awaitCount(() -> toolCalls(wire, summary), auditedBefore + 2);
      List<Map<String, Object>> rows =
          db.query(
              "select principal, auth_method, client_address, session_id, outcome from audit_event"
                  + " where event_type = 'TOOL_CALL' and transport = ? and action = ?"
                  + " order by id desc limit 2",
              wire.transport(),
              summary);
      assertThat(rows).extracting(r -> r.get("principal")).containsOnly("admin");
      assertThat(rows).extracting(r -> r.get("auth_method")).containsOnly("apikey");
      assertThat(rows).extracting(r -> r.get("client_address")).containsOnly("127.0.0.1");
      assertThat(rows).extracting(r -> r.get("session_id")).doesNotContainNull();
      assertThat(rows.get(0).get("session_id")).isEqualTo(rows.get(1).get("session_id"));
      assertThat(rows).extracting(r -> r.get("outcome")).contains("FAILED");
    } finally {
      client.closeGracefully();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void givenNoKeyOrAWrongKey_theJavaSdkClient_isRefusedWith401(Wire wire) throws Exception {
    assertRefused(wire, null);

    String failures = "event_type = 'AUTHENTICATION' and outcome = 'FAILED' and transport = ?";
    long failedBefore = db.count(failures, wire.transport());
    assertRefused(wire, "Wrong-Key-1234567890!x");
    awaitAtLeast(() -> db.count(failures, wire.transport()), failedBefore + 1);
  }

  /**
   * The client must fail to initialize and must have seen the 401. Over Streamable HTTP the SDK
   * throws it from {@code initialize()}. Over HTTP+SSE the SDK (2.1.0) only logs the failed {@code
   * GET} of the stream and lets {@code initialize()} time out (modelcontextprotocol/java-sdk#546),
   * so the client's log records are captured, and kept off the console (they carry the stack
   * traces of the failures provoked here), while the client runs.
   */
  private static void assertRefused(Wire wire, String key) {
    List<LogRecord> sdkLog = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            sdkLog.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    for (Logger log : CLIENT_LOGS) {
      log.addHandler(capture);
      log.setUseParentHandlers(false);
    }
    try {
      McpSyncClient client = javaClient(javaTransport(wire, key), REFUSAL_TIMEOUT);
      try {
        long started = System.nanoTime();
        Throwable refused = catchThrowable(client::initialize);

        assertThat(refused).as("initialize, key %s", key == null ? "none" : "wrong").isNotNull();
        assertThat(client.isInitialized()).isFalse();
        String logged =
            sdkLog.stream()
                .map(r -> r.getMessage() + ": " + chain(r.getThrown()))
                .collect(Collectors.joining(" | "));
        assertThat(chain(refused) + logged).as("what the client saw").contains("401");
        if (wire.streamable()) {
          assertThat(chain(refused)).as("Streamable HTTP fails with the status").contains("401");
          assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(REFUSAL_TIMEOUT);
        }
      } finally {
        client.closeGracefully();
      }
    } finally {
      for (Logger log : CLIENT_LOGS) {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
      }
    }
  }

  /** Messages and HTTP statuses along a cause chain, to assert on what the client saw. */
  static String chain(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
      if (c instanceof McpHttpClientTransportAuthorizationException a) {
        sb.append("HTTP ").append(a.getResponseInfo().statusCode()).append(" | ");
      }
    }
    return sb.toString();
  }

  static String text(McpSchema.CallToolResult result) {
    assertThat(result.content()).as("content of %s", result).isNotEmpty();
    return result.content().stream()
        .map(c -> c instanceof McpSchema.TextContent t ? t.text() : "")
        .collect(Collectors.joining("\n"));
  }

  // -----------------------------------------------------------------------------------------------
  // The MCP Inspector CLI (@modelcontextprotocol/inspector-cli; the TypeScript SDK underneath)
  // -----------------------------------------------------------------------------------------------

  static InspectorCli inspector(Wire wire) {
    return new InspectorCli(server.baseUrl() + wire.path(), wire.inspectorTransport());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void givenAValidKey_theInspectorCli_listsToolsAndCallsOne(Wire wire) throws Exception {
    InspectorCli.Run list = inspector(wire).header("X-API-Key", ADMIN_KEY).listTools();

    assertThat(list.exitCode()).as("%s", list).isZero();
    JsonNode tools = list.json().path("tools");
    assertThat(tools.isArray() && !tools.isEmpty()).as("tools in %s", list).isTrue();
    for (JsonNode tool : tools) {
      assertThat(tool.path("inputSchema").path("type").asText())
          .as("schema of %s", tool.path("name"))
          .isEqualTo("object");
    }
    String summary =
        summaryTool(
            StreamSupport.stream(tools.spliterator(), false)
                .map(t -> t.path("name").asText())
                .toList());
    long auditedBefore = toolCalls(wire, summary);

    InspectorCli.Run call =
        inspector(wire)
            .header("X-API-Key", ADMIN_KEY)
            .callTool(summary, "kind=pods", "namespace=" + NAMESPACE);

    assertThat(call.exitCode()).as("%s", call).isZero();
    assertThat(call.json().path("isError").asBoolean(false)).as("%s", call).isFalse();
    assertThat(inspectorText(call.json())).contains(PODS).doesNotContain(FOREIGN_POD);

    InspectorCli.Run bad =
        inspector(wire)
            .header("X-API-Key", ADMIN_KEY)
            .callTool(summary, "kind=pods", "limit=9999");

    assertThat(bad.exitCode()).as("a tool error is a result, not a failure: %s", bad).isZero();
    assertThat(bad.json().path("isError").asBoolean()).as("%s", bad).isTrue();
    assertThat(inspectorText(bad.json())).contains("limit");

    awaitCount(() -> toolCalls(wire, summary), auditedBefore + 2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void givenNoKey_theInspectorCli_failsWith401(Wire wire) throws Exception {
    InspectorCli.Run refused = inspector(wire).listTools();

    assertThat(refused.exitCode()).as("%s", refused).isNotZero();
    assertThat(refused.stdout()).as("no result printed").doesNotContain("\"tools\"");
    assertThat(refused.stderr()).contains("401");
  }

  static String inspectorText(JsonNode result) {
    return StreamSupport.stream(result.path("content").spliterator(), false)
        .map(c -> c.path("text").asText())
        .collect(Collectors.joining("\n"));
  }

  // -----------------------------------------------------------------------------------------------

  /** The listing tool, found by its role in the list the server returned. */
  static String summaryTool(List<String> toolNames) {
    return toolNames.stream()
        .filter(n -> n.endsWith("list_resources_summary"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no *list_resources_summary tool in " + toolNames));
  }

  static long toolCalls(Wire wire, String tool) throws Exception {
    return db.count(
        "event_type = 'TOOL_CALL' and transport = ? and action = ?", wire.transport(), tool);
  }

  interface Count {
    long get() throws Exception;
  }

  /** Audit records are written by a background writer: waits (bounded) for the count. */
  static void awaitCount(Count count, long expected) throws Exception {
    assertThat(await(count, expected)).as("audit records").isEqualTo(expected);
  }

  static void awaitAtLeast(Count count, long expected) throws Exception {
    assertThat(await(count, expected)).as("audit records").isGreaterThanOrEqualTo(expected);
  }

  private static long await(Count count, long expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    long actual = count.get();
    while (actual < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
      actual = count.get();
    }
    return actual;
  }
}
