package io.cloudnativemcp.adapter.in.http.mcp;

import io.cloudnativemcp.adapter.in.http.RequestAttributes;
import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.cloudnativemcp.application.port.in.CallToolUseCase;
import io.cloudnativemcp.application.port.in.ListToolsQuery;
import io.cloudnativemcp.application.port.in.ListToolsUseCase;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.application.port.in.ToolCallResult;
import io.cloudnativemcp.domain.principal.Principal;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The thin translation between the SDK and the use cases: the principal comes from the transport
 * context the authentication filter prepared, the result goes back as an MCP result ({@code
 * isError} for denials and failures).
 */
final class McpToolBridge {
  static final String ORIGIN = "origin";
  /** The HTTP request of a Streamable HTTP call, to notice when its stream ends (cancellation). */
  static final String HTTP_REQUEST = "httpRequest";

  private final CallToolUseCase callTool;
  private final ListToolsUseCase listTools;

  McpToolBridge(CallToolUseCase callTool, ListToolsUseCase listTools) {
    this.callTool = callTool;
    this.listTools = listTools;
  }

  /** Builds the transport context of one HTTP request (runs for every POST). */
  static McpTransportContext extract(HttpServletRequest request) {
    Optional<Principal> principal = RequestAttributes.principal(request);
    if (principal.isEmpty()) {
      return McpTransportContext.EMPTY;
    }
    return McpTransportContext.create(
        Map.of(RequestAttributes.PRINCIPAL, principal.get(), ORIGIN, RequestAttributes.origin(request), HTTP_REQUEST, request));
  }

  McpSchema.CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    return call(McpCall.of(exchange), request);
  }

  /**
   * Runs a tool call. With a session the client can be asked to confirm and told of progress;
   * a stateless call can do neither.
   */
  McpSchema.CallToolResult call(McpCall call, McpSchema.CallToolRequest request) {
    McpTransportContext context = call.context();
    Object principal = context.get(RequestAttributes.PRINCIPAL);
    if (!(principal instanceof Principal caller)) {
      // The filter runs before every MCP request; reaching here without a principal is a wiring bug.
      return error("Not authenticated.");
    }
    RequestOrigin origin =
        ((RequestOrigin) context.get(ORIGIN)).withSession(call.exchange().map(McpSyncServerExchange::sessionId).orElse(null));
    ToolCallResult result =
        callTool.call(
            new CallToolCommand(caller, request.name(), request.arguments(), origin, new ExchangeInteraction(call, request)));
    if (result instanceof ToolCallResult.Succeeded ok) {
      McpSchema.CallToolResult.Builder b =
          McpSchema.CallToolResult.builder().addTextContent(ok.result().text()).isError(false);
      if (ok.result().structuredContent() != null) {
        b.structuredContent(ok.result().structuredContent());
      }
      return b.build();
    }
    if (result instanceof ToolCallResult.Denied denied) {
      return error(denied.reason());
    }
    return error(((ToolCallResult.Failed) result).message());
  }

  /** Whether the principal of this request may see the tool in {@code tools/list}. */
  boolean visible(McpTransportContext context, McpSchema.Tool tool) {
    Object principal = context.get(RequestAttributes.PRINCIPAL);
    if (!(principal instanceof Principal caller)) {
      return false;
    }
    return listTools.list(new ListToolsQuery(caller)).stream().anyMatch(d -> d.name().value().equals(tool.name()));
  }

  private static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
  }
}
