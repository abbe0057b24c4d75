package io.cloudnativemcp.adapter.in.http.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import java.util.Optional;

/**
 * One MCP request as a handler sees it, on either kind of endpoint: the transport context the
 * authentication filter prepared, and the session's exchange when there is a session (Streamable
 * HTTP with sessions, SSE). A stateless endpoint has no exchange: no notifications and no requests
 * back to the client.
 */
record McpCall(McpTransportContext context, Optional<McpSyncServerExchange> exchange) {

  static McpCall of(McpSyncServerExchange exchange) {
    return new McpCall(exchange.transportContext(), Optional.of(exchange));
  }

  static McpCall stateless(McpTransportContext context) {
    return new McpCall(context, Optional.empty());
  }

  /** The session's exchange, for features that only make sense with a session. */
  McpSyncServerExchange session() {
    return exchange.orElseThrow(() -> new IllegalStateException("this feature needs a session"));
  }
}
