package io.cloudnativemcp.application.port.in;

/**
 * Where a request came from, for audit and rate limits.
 *
 * @param clientAddress the caller's address (after trusted-proxy resolution)
 * @param transport {@code streamable-http}, {@code sse} or {@code rest}
 * @param sessionId MCP session id, or {@code null}
 */
public record RequestOrigin(String clientAddress, String transport, String sessionId) {
  public static final String STREAMABLE_HTTP = "streamable-http";
  public static final String SSE = "sse";
  public static final String REST = "rest";

  public RequestOrigin {
    clientAddress = clientAddress == null ? "unknown" : clientAddress;
    transport = transport == null ? "unknown" : transport;
  }

  public RequestOrigin withSession(String newSessionId) {
    return new RequestOrigin(clientAddress, transport, newSessionId);
  }
}
