package io.cloudnativemcp.adapter.in.http;

import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Outermost filter: security headers on every answer (HSTS only over TLS), and on the MCP
 * endpoints the {@code Origin} and {@code Host} checks the MCP specification asks for against DNS
 * rebinding: a browser page cannot drive the server unless its origin is configured, and a server
 * bound to loopback answers only to loopback host names. An unsupported {@code MCP-Protocol-Version}
 * is refused here too, before any session or tool sees the request.
 */
public class SecurityHeadersFilter implements Filter {
  /** The protocol revisions the SDK's transports speak (2024-11-05 is the SSE transport's). */
  static final List<String> SUPPORTED_PROTOCOL_VERSIONS =
      List.of(ProtocolVersions.MCP_2024_11_05, ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

  private final HttpSecuritySettings settings;
  private final List<String> mcpPaths;

  public SecurityHeadersFilter(HttpSecuritySettings settings, List<String> mcpPaths) {
    this.settings = settings;
    this.mcpPaths = List.copyOf(mcpPaths);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("Cache-Control", "no-store");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (isMcp(request)) {
      String origin = request.getHeader("Origin");
      if (origin != null && !originAllowed(origin, request)) {
        Problems.write(response, 403, "Forbidden", "Origin '" + origin + "' is not allowed (server.allowedOrigins).", "origin_not_allowed");
        return;
      }
      // getServerName() reads Host, or :authority for HTTP/2 (which has no Host header).
      if (!settings.allowedHosts().isEmpty() && !hostAllowed(request.getServerName())) {
        Problems.write(response, 421, "Misdirected Request", "Host header not allowed (server.allowedHosts).", "host_not_allowed");
        return;
      }
      String version = request.getHeader(HttpHeaders.PROTOCOL_VERSION);
      if (version != null && !SUPPORTED_PROTOCOL_VERSIONS.contains(version.strip())) {
        unsupportedVersion(response, version);
        return;
      }
    }
    chain.doFilter(req, res);
  }

  /**
   * The specification: a request with an invalid or unsupported {@code MCP-Protocol-Version} gets
   * 400 Bad Request. The answer is a JSON-RPC error, which MCP clients read.
   */
  private static void unsupportedVersion(HttpServletResponse response, String version) throws IOException {
    String printable = version.replaceAll("[^\\x20-\\x7E]", "?");
    String shown = printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    String message =
        "Unsupported MCP-Protocol-Version '" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "'; supported: "
            + String.join(", ", SUPPORTED_PROTOCOL_VERSIONS);
    response.setStatus(400);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"" + message + "\"}}");
  }

  private boolean isMcp(HttpServletRequest request) {
    String path = request.getServletPath();
    return mcpPaths.stream().anyMatch(path::equals);
  }

  /**
   * Configured origins, and pages served from an allowed host name. Non-browser MCP clients send no
   * {@code Origin}; a browser page does. A same-origin check alone would not help against DNS
   * rebinding (the attacker's name points at us), but an origin whose host is one of
   * {@code server.allowedHosts} (by default the loopback names of a loopback-bound server) is a page
   * the operator's own machine or domain serves, not an attacker's.
   */
  boolean originAllowed(String origin, HttpServletRequest request) {
    if (settings.allowedOrigins().contains("*") || settings.allowedOrigins().contains(origin)) {
      return true;
    }
    if (settings.allowedHosts().isEmpty()) {
      return false;
    }
    try {
      String host = URI.create(origin).getHost();
      return host != null && hostAllowed(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private boolean hostAllowed(String serverName) {
    if (serverName == null) {
      return false;
    }
    String name = serverName.toLowerCase(Locale.ROOT);
    String bracketed = name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
    return settings.allowedHosts().stream().anyMatch(a -> a.equalsIgnoreCase(name) || a.equalsIgnoreCase(bracketed));
  }
}
