package io.cloudnativemcp.adapter.in.http.mcp;

import java.time.Duration;
import java.util.Objects;

/**
 * What the MCP endpoints announce and how they treat connections.
 *
 * @param name server name in the initialize result
 * @param version server version
 * @param instructions instructions for the assistant
 * @param keepAlive interval of keep-alive pings on open streams; also bounds how long an abandoned
 *     stream can delay shutdown
 * @param maxRequestBytes largest accepted JSON-RPC message
 * @param streamableHttp whether to offer Streamable HTTP
 * @param sse whether to offer the legacy HTTP+SSE transport
 * @param stateless whether Streamable HTTP runs without sessions (any replica answers any request;
 *     no server-to-client messages)
 * @param conformanceFixtures whether to add the conformance suite's fixture tools, resources and
 *     prompts (testing only)
 */
public record McpServerSettings(
    String name,
    String version,
    String instructions,
    Duration keepAlive,
    int maxRequestBytes,
    boolean streamableHttp,
    boolean sse,
    boolean stateless,
    boolean conformanceFixtures) {
  public McpServerSettings {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(version, "'version' must not be null");
    Objects.requireNonNull(instructions, "'instructions' must not be null");
    Objects.requireNonNull(keepAlive, "'keepAlive' must not be null");
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
    }
    if (!streamableHttp && !sse) {
      throw new IllegalArgumentException("at least one transport must be enabled");
    }
  }
}
