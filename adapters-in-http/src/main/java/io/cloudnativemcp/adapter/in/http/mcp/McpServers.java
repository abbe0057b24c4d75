package io.cloudnativemcp.adapter.in.http.mcp;

import io.cloudnativemcp.application.port.in.CallToolUseCase;
import io.cloudnativemcp.application.port.in.ListToolsUseCase;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
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

  private CallToolUseCase callTool;
  private ListToolsUseCase listTools;
  private McpServerSettings settings;
  private final List<McpSyncServer> servers = new ArrayList<>();

  /** A servlet and the paths it serves. */
  public record Endpoint(String name, HttpServlet servlet, List<String> paths) {}

  /** For CDI's client proxy only. */
  protected McpServers() {}

  @Inject
  public McpServers(CallToolUseCase callTool, ListToolsUseCase listTools, McpServerSettings settings) {
    this.callTool = callTool;
    this.listTools = listTools;
    this.settings = settings;
  }

  /** Builds the servers and returns their servlets with the paths to map them to. */
  public synchronized List<Endpoint> endpoints(String contextPath) {
    McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    McpToolBridge bridge = new McpToolBridge(callTool, listTools);
    List<McpServerFeatures.SyncToolSpecification> tools =
        listTools.allTools().stream()
            .map(d -> McpServerFeatures.SyncToolSpecification.builder().tool(ToolSchemas.toMcp(d)).callHandler(bridge::call).build())
            .toList();
    List<Endpoint> endpoints = new ArrayList<>();
    if (settings.streamableHttp()) {
      List<String> paths = new ArrayList<>(List.of(STREAMABLE_PATH));
      paths.addAll(STREAMABLE_ALIASES);
      for (String path : paths) {
        var transport =
            HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(path)
                .contextExtractor(McpToolBridge::extract)
                .keepAliveInterval(settings.keepAlive())
                .maxRequestSize(settings.maxRequestBytes())
                .build();
        servers.add(configure(McpServer.sync(transport), json, tools, bridge));
        endpoints.add(new Endpoint("mcp-streamable" + path.replace('/', '-'), transport, List.of(path)));
      }
    }
    if (settings.sse()) {
      endpoints.add(sse(contextPath, SSE_PATH, SSE_MESSAGE_PATH, json, tools, bridge));
      for (String alias : SSE_ALIASES) {
        endpoints.add(sse(contextPath, alias, alias + "/message", json, tools, bridge));
      }
    }
    LOG.info(
        "MCP endpoints: "
            + (settings.streamableHttp() ? "Streamable HTTP at " + STREAMABLE_PATH + "; " : "")
            + (settings.sse() ? "SSE at " + SSE_PATH + " (messages to " + SSE_MESSAGE_PATH + "); " : "")
            + "Go-compatible aliases under /api/kubernetes and /api/aggregate; "
            + tools.size()
            + " tools");
    return endpoints;
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
      List<McpServerFeatures.SyncToolSpecification> tools,
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
    servers.add(configure(McpServer.sync(transport), json, tools, bridge));
    return new Endpoint("mcp-sse" + ssePath.replace('/', '-'), transport, List.of(ssePath, messagePath));
  }

  /** The same server features on every transport. */
  private McpSyncServer configure(
      McpServer.SyncSpecification<?> spec,
      McpJsonMapper json,
      List<McpServerFeatures.SyncToolSpecification> tools,
      McpToolBridge bridge) {
    return spec.serverInfo(settings.name(), settings.version())
        .instructions(settings.instructions())
        .jsonMapper(json)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .tools(tools)
        .addToolFilter(bridge::visible)
        // Arguments are validated by the use case, which audits a refused call like any other.
        .validateToolInputs(false)
        // Run handlers on the container's request thread rather than a Reactor thread.
        .immediateExecution(true)
        .build();
  }

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

  /** Closes every session so that open streams do not hold up shutdown. */
  public synchronized void close() {
    for (McpSyncServer server : servers) {
      try {
        server.closeGracefully();
      } catch (RuntimeException e) {
        LOG.fine("closing an MCP server: " + e);
      }
    }
    servers.clear();
  }
}
