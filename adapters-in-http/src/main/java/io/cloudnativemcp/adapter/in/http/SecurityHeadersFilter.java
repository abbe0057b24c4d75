package io.cloudnativemcp.adapter.in.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Outermost filter: security headers on every answer (HSTS only over TLS), and on the MCP
 * endpoints the {@code Origin} and {@code Host} checks the MCP specification asks for against DNS
 * rebinding: a browser page cannot drive the server unless its origin is configured, and a server
 * bound to loopback answers only to loopback host names.
 */
public class SecurityHeadersFilter implements Filter {
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
    }
    chain.doFilter(req, res);
  }

  private boolean isMcp(HttpServletRequest request) {
    String path = request.getServletPath();
    return mcpPaths.stream().anyMatch(path::equals);
  }

  /**
   * Only configured origins. Non-browser MCP clients send no {@code Origin}; a browser page does,
   * and a same-origin check would not help against DNS rebinding (the attacker's name points at us).
   */
  boolean originAllowed(String origin, HttpServletRequest request) {
    return settings.allowedOrigins().contains("*") || settings.allowedOrigins().contains(origin);
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
