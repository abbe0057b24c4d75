package io.cloudnativemcp.adapter.in.http.mcp;

import io.cloudnativemcp.adapter.in.http.AuthenticationFilter;
import io.cloudnativemcp.application.port.in.AuthenticateUseCase;
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
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the MCP endpoints with the servlet container: Streamable HTTP at {@code /mcp} and the
 * legacy HTTP+SSE transport at {@code /sse} (messages to {@code /message}), each the official
 * SDK's servlet, behind the authentication filter.
 */
@ApplicationScoped
public class McpEndpoints {
  public static final String STREAMABLE_PATH = "/mcp";
  public static final String SSE_PATH = "/sse";
  public static final String SSE_MESSAGE_PATH = "/message";
  private static final Logger LOG = Logger.getLogger(McpEndpoints.class.getName());

  private CallToolUseCase callTool;
  private ListToolsUseCase listTools;
  private AuthenticateUseCase authenticate;
  private McpServerSettings settings;
  private final List<McpSyncServer> servers = new ArrayList<>();

  /** For CDI's client proxy only. */
  protected McpEndpoints() {}

  @Inject
  public McpEndpoints(
      CallToolUseCase callTool,
      ListToolsUseCase listTools,
      AuthenticateUseCase authenticate,
      McpServerSettings settings) {
    this.callTool = callTool;
    this.listTools = listTools;
    this.authenticate = authenticate;
    this.settings = settings;
  }

  /** Adds the servlets and filters; call from a {@code ServletContextListener} during startup. */
  public synchronized void register(ServletContext context) {
    McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    McpToolBridge bridge = new McpToolBridge(callTool, listTools);
    List<McpServerFeatures.SyncToolSpecification> tools =
        listTools.allTools().stream()
            .map(
                d ->
                    McpServerFeatures.SyncToolSpecification.builder()
                        .tool(ToolSchemas.toMcp(d))
                        .callHandler(bridge::call)
                        .build())
            .toList();

    List<String> protectedPaths = new ArrayList<>(List.of("/api/*"));
    if (settings.streamableHttp()) {
      var streamable =
          HttpServletStreamableServerTransportProvider.builder()
              .jsonMapper(json)
              .mcpEndpoint(STREAMABLE_PATH)
              .contextExtractor(McpToolBridge::extract)
              .keepAliveInterval(settings.keepAlive())
              .maxRequestSize(settings.maxRequestBytes())
              .build();
      servers.add(configure(McpServer.sync(streamable), json, tools, bridge));
      addServlet(context, "mcp-streamable-http", streamable, STREAMABLE_PATH);
      protectedPaths.add(STREAMABLE_PATH);
    }
    if (settings.sse()) {
      var sse =
          HttpServletSseServerTransportProvider.builder()
              .jsonMapper(json)
              .baseUrl(context.getContextPath())
              .sseEndpoint(SSE_PATH)
              .messageEndpoint(SSE_MESSAGE_PATH)
              .contextExtractor(McpToolBridge::extract)
              .keepAliveInterval(settings.keepAlive())
              .maxRequestSize(settings.maxRequestBytes())
              .build();
      servers.add(configure(McpServer.sync(sse), json, tools, bridge));
      addServlet(context, "mcp-sse", sse, SSE_PATH, SSE_MESSAGE_PATH);
      protectedPaths.add(SSE_PATH);
      protectedPaths.add(SSE_MESSAGE_PATH);
    }

    FilterRegistration.Dynamic auth =
        context.addFilter("authentication", new AuthenticationFilter(authenticate, McpEndpoints::transportOf));
    auth.setAsyncSupported(true);
    auth.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, protectedPaths.toArray(String[]::new));
    LOG.info(
        "MCP endpoints: "
            + (settings.streamableHttp() ? "Streamable HTTP at " + STREAMABLE_PATH + "; " : "")
            + (settings.sse() ? "SSE at " + SSE_PATH + " (messages to " + SSE_MESSAGE_PATH + "); " : "")
            + tools.size()
            + " tools");
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

  static String transportOf(HttpServletRequest request) {
    String path = request.getServletPath();
    if (path.startsWith(STREAMABLE_PATH)) {
      return RequestOrigin.STREAMABLE_HTTP;
    }
    if (path.startsWith(SSE_PATH) || path.startsWith(SSE_MESSAGE_PATH)) {
      return RequestOrigin.SSE;
    }
    return RequestOrigin.REST;
  }

  private static void addServlet(ServletContext context, String name, HttpServlet servlet, String... paths) {
    ServletRegistration.Dynamic reg = context.addServlet(name, servlet);
    reg.setAsyncSupported(true);
    reg.setLoadOnStartup(1);
    reg.addMapping(paths);
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
