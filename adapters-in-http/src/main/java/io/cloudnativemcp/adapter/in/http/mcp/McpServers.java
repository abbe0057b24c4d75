package io.cloudnativemcp.adapter.in.http.mcp;

import io.cloudnativemcp.application.port.in.CallToolUseCase;
import io.cloudnativemcp.application.port.in.CompleteArgumentUseCase;
import io.cloudnativemcp.application.port.in.ListToolsUseCase;
import io.cloudnativemcp.application.port.in.PromptsUseCase;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP servers, one per endpoint, each the official SDK's servlet transport: Streamable HTTP at
 * {@code /mcp}, the legacy HTTP+SSE transport at {@code /sse} (messages to {@code /message}), and
 * the Go original's paths as aliases so its clients work unchanged.
 */
@ApplicationScoped
public class McpServers {
  public static final String STREAMABLE_PATH = "/mcp";
  public static final String SSE_PATH = "/sse";
  public static final String SSE_MESSAGE_PATH = "/message";
  /** The Go original's Streamable HTTP paths. */
  public static final List<String> STREAMABLE_ALIASES = List.of("/api/kubernetes/streamable-http", "/api/aggregate/streamable-http");
  /** The Go original's SSE paths; messages go to {@code <path>/message}. */
  public static final List<String> SSE_ALIASES = List.of("/api/kubernetes/sse", "/api/aggregate/sse");

  private static final Logger LOG = Logger.getLogger(McpServers.class.getName());
  /** The {@code logger} of the server's log notifications. */
  static final String LOGGER_NAME = "cloud-native-mcp-server";

  /**
   * The SDK checks every structured result against the tool's output schema; for a 70-pod listing
   * that check cost a tenth of the server's CPU per call. Our results are built by our own code
   * from fixed shapes, and the end-to-end tests run them through the official TypeScript client,
   * which validates each one against its schema: the check is made there, not on every call.
   */
  static final JsonSchemaValidator OUTPUT_CHECKED_BY_TESTS = (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null);

  private CallToolUseCase callTool;
  private final java.util.concurrent.atomic.AtomicInteger callsInProgress = new java.util.concurrent.atomic.AtomicInteger();
  private ListToolsUseCase listTools;
  private PromptsUseCase prompts;
  private CompleteArgumentUseCase completion;
  private McpServerSettings settings;
  private final List<McpSyncServer> servers = new ArrayList<>();
  private final List<McpStatelessSyncServer> statelessServers = new ArrayList<>();

  /** A servlet and the paths it serves. */
  public record Endpoint(String name, HttpServlet servlet, List<String> paths) {}

  /** For CDI's client proxy only. */
  protected McpServers() {}

  @Inject
  public McpServers(
      CallToolUseCase callTool,
      ListToolsUseCase listTools,
      PromptsUseCase prompts,
      CompleteArgumentUseCase completion,
      McpServerSettings settings) {
    this.callTool = callTool;
    this.listTools = listTools;
    this.prompts = prompts;
    this.completion = completion;
    this.settings = settings;
  }

  /** Builds the servers and returns their servlets with the paths to map them to. */
  public synchronized List<Endpoint> endpoints(String contextPath) {
    McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    McpToolBridge bridge = new McpToolBridge(callTool, listTools);
    McpFeatureSet product = productFeatures(bridge);
    // The conformance fixtures talk back to the client (logging, progress, sampling), so they need sessions.
    McpFeatureSet withSessions = settings.conformanceFixtures() ? product.plus(new ConformanceFixtures().features()) : product;
    List<Endpoint> endpoints = new ArrayList<>();
    if (settings.streamableHttp()) {
      List<String> paths = new ArrayList<>(List.of(STREAMABLE_PATH));
      paths.addAll(STREAMABLE_ALIASES);
      for (String path : paths) {
        endpoints.add(settings.stateless() ? stateless(path, json, product, bridge) : streamable(path, json, withSessions, bridge));
      }
    }
    if (settings.sse()) {
      endpoints.add(sse(contextPath, SSE_PATH, SSE_MESSAGE_PATH, json, withSessions, bridge));
      for (String alias : SSE_ALIASES) {
        endpoints.add(sse(contextPath, alias, alias + "/message", json, withSessions, bridge));
      }
    }
    LOG.info(
        "MCP endpoints: "
            + (settings.streamableHttp()
                ? "Streamable HTTP at " + STREAMABLE_PATH + (settings.stateless() ? " (stateless)" : "") + "; "
                : "")
            + (settings.sse() ? "SSE at " + SSE_PATH + " (messages to " + SSE_MESSAGE_PATH + "); " : "")
            + "Go-compatible aliases under /api/kubernetes and /api/aggregate; "
            + product.tools().size()
            + " tools"
            + (settings.conformanceFixtures() ? "; conformance fixtures ON (testing only)" : ""));
    return endpoints;
  }

  /**
   * The product's own features: the Kubernetes tools, the cluster overview resource, prompts and
   * argument completion. A successful change through a tool tells the overview's subscribers.
   */
  private McpFeatureSet productFeatures(McpToolBridge bridge) {
    List<McpFeatureSet.Tool> tools =
        listTools.allTools().stream()
            .map(d -> new McpFeatureSet.Tool(ToolSchemas.toMcp(d), (call, request) -> {
                  long started = System.nanoTime();
                  McpSchema.CallToolResult result;
                  callsInProgress.incrementAndGet();
                  try {
                    result = bridge.call(call, request);
                  } finally {
                    callsInProgress.decrementAndGet();
                  }
                  if (!d.readOnly() && !Boolean.TRUE.equals(result.isError())) {
                    overviewChanged();
                  }
                  call.exchange().ifPresent(x -> log(x, request, result, started));
                  return result;
                }))
            .toList();
    Set<String> names = listTools.allTools().stream().map(d -> d.name().value()).collect(Collectors.toSet());
    return new McpFeatureSet(tools, List.of(), List.of(), List.of(), List.of())
        .plus(new McpResourceBridge(bridge).features(names))
        .plus(new McpPromptBridge(prompts, completion).features());
  }

  /**
   * The session's log ({@code notifications/message}, filtered by {@code logging/setLevel}): a
   * warning for each call that failed or was refused, with the same (masked) words as its result,
   * and a debug line for each that succeeded.
   */
  private static void log(McpSyncServerExchange exchange, McpSchema.CallToolRequest request, McpSchema.CallToolResult result, long started) {
    boolean failed = Boolean.TRUE.equals(result.isError());
    String message;
    if (failed) {
      String text =
          result.content().stream()
              .filter(McpSchema.TextContent.class::isInstance)
              .map(c -> ((McpSchema.TextContent) c).text())
              .findFirst()
              .orElse("");
      message = request.name() + " failed: " + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
    } else {
      message = request.name() + " succeeded in " + (System.nanoTime() - started) / 1_000_000 + " ms";
    }
    try {
      exchange.loggingNotification(
          McpSchema.LoggingMessageNotification.builder()
              .level(failed ? McpSchema.LoggingLevel.WARNING : McpSchema.LoggingLevel.DEBUG)
              .logger(LOGGER_NAME)
              .data(message)
              .build());
    } catch (RuntimeException e) {
      LOG.fine("log notification: " + e);
    }
  }

  /** Tells the sessions subscribed to the cluster overview that it changed (the SDK picks them). */
  private void overviewChanged() {
    List<McpSyncServer> current;
    synchronized (this) {
      current = List.copyOf(servers);
    }
    for (McpSyncServer server : current) {
      try {
        server.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(McpResourceBridge.OVERVIEW_URI));
      } catch (RuntimeException e) {
        LOG.fine("resource update notification: " + e);
      }
    }
  }

  private Endpoint streamable(String path, McpJsonMapper json, McpFeatureSet features, McpToolBridge bridge) {
    var transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(json)
            .mcpEndpoint(path)
            .contextExtractor(McpToolBridge::extract)
            .keepAliveInterval(settings.keepAlive())
            .maxRequestSize(settings.maxRequestBytes())
            .build();
    servers.add(configure(McpServer.sync(transport), json, features, bridge));
    return new Endpoint("mcp-streamable" + path.replace('/', '-'), transport, List.of(path));
  }

  /**
   * Streamable HTTP without sessions: every POST is answered on its own, so any replica behind a
   * load balancer can take any request. No GET stream and nothing sent back to the client.
   */
  private Endpoint stateless(String path, McpJsonMapper json, McpFeatureSet features, McpToolBridge bridge) {
    var transport =
        HttpServletStatelessServerTransport.builder()
            .jsonMapper(json)
            .messageEndpoint(path)
            .contextExtractor(McpToolBridge::extract)
            .maxRequestSize(settings.maxRequestBytes())
            .build();
    McpServer.StatelessSyncSpecification spec =
        McpServer.sync(transport)
            .serverInfo(settings.name(), settings.version())
            .instructions(settings.instructions())
            .jsonMapper(json)
            .capabilities(features.capabilities(false))
            .addToolFilter(bridge::visible)
            .validateToolInputs(false)
            .jsonSchemaValidator(OUTPUT_CHECKED_BY_TESTS)
            .immediateExecution(true);
    features.applyTo(spec);
    statelessServers.add(spec.build());
    return new Endpoint("mcp-stateless" + path.replace('/', '-'), transport, List.of(path));
  }

  /** Every path an MCP client may use (for the filters in front). */
  public List<String> paths() {
    List<String> paths = new ArrayList<>();
    if (settings.streamableHttp()) {
      paths.add(STREAMABLE_PATH);
      paths.addAll(STREAMABLE_ALIASES);
    }
    if (settings.sse()) {
      paths.add(SSE_PATH);
      paths.add(SSE_MESSAGE_PATH);
      for (String alias : SSE_ALIASES) {
        paths.add(alias);
        paths.add(alias + "/message");
      }
    }
    return paths;
  }

  private Endpoint sse(
      String contextPath,
      String ssePath,
      String messagePath,
      McpJsonMapper json,
      McpFeatureSet features,
      McpToolBridge bridge) {
    var transport =
        HttpServletSseServerTransportProvider.builder()
            .jsonMapper(json)
            .baseUrl(contextPath)
            .sseEndpoint(ssePath)
            .messageEndpoint(messagePath)
            .contextExtractor(McpToolBridge::extract)
            .keepAliveInterval(settings.keepAlive())
            .maxRequestSize(settings.maxRequestBytes())
            .build();
    servers.add(configure(McpServer.sync(transport), json, features, bridge));
    return new Endpoint("mcp-sse" + ssePath.replace('/', '-'), transport, List.of(ssePath, messagePath));
  }

  /** The same server features on every session transport. */
  private McpSyncServer configure(McpServer.SyncSpecification<?> spec, McpJsonMapper json, McpFeatureSet features, McpToolBridge bridge) {
    spec.serverInfo(settings.name(), settings.version())
        .instructions(settings.instructions())
        .jsonMapper(json)
        .capabilities(features.capabilities(true))
        .addToolFilter(bridge::visible)
        // Arguments are validated by the use case, which audits a refused call like any other.
        .validateToolInputs(false)
        .jsonSchemaValidator(OUTPUT_CHECKED_BY_TESTS)
        // Run handlers on the container's request thread rather than a Reactor thread.
        .immediateExecution(true)
        // Requests the server sends (confirmation by elicitation) wait for a person to answer;
        // the SDK's default of 10 s would cancel most confirmations.
        .requestTimeout(CLIENT_REQUEST_TIMEOUT);
    features.applyTo(spec);
    return spec.build();
  }

  private static final Duration CLIENT_REQUEST_TIMEOUT = Duration.ofMinutes(5);

  /** Names the transport of a request for the audit record. */
  public static String transportOf(HttpServletRequest request) {
    String path = request.getServletPath();
    if (path.equals(STREAMABLE_PATH) || STREAMABLE_ALIASES.contains(path)) {
      return RequestOrigin.STREAMABLE_HTTP;
    }
    if (path.equals(SSE_PATH) || path.equals(SSE_MESSAGE_PATH) || SSE_ALIASES.stream().anyMatch(path::startsWith)) {
      return RequestOrigin.SSE;
    }
    return RequestOrigin.REST;
  }

  /**
   * Waits, at most {@code timeout}, until no tool call is running, so that a call in progress
   * (a drain, a wait for a rollout) is answered before its session closes.
   *
   * @return whether the calls finished in time
   */
  public boolean awaitCallsFinished(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (callsInProgress.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Closes every session so that open streams do not hold up shutdown. */
  public synchronized void close() {
    for (McpSyncServer server : servers) {
      try {
        server.closeGracefully();
      } catch (RuntimeException e) {
        LOG.fine("closing an MCP server: " + e);
      }
    }
    for (McpStatelessSyncServer server : statelessServers) {
      try {
        server.closeGracefully();
      } catch (RuntimeException e) {
        LOG.fine("closing an MCP server: " + e);
      }
    }
    servers.clear();
    statelessServers.clear();
  }
}
