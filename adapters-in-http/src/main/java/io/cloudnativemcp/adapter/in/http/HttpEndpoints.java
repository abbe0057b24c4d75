package io.cloudnativemcp.adapter.in.http;

import io.cloudnativemcp.adapter.in.http.mcp.McpServers;
import io.cloudnativemcp.adapter.in.http.metrics.MetricsServlet;
import io.cloudnativemcp.adapter.in.http.metrics.PrometheusMetrics;
import io.cloudnativemcp.application.port.in.AuthenticateUseCase;
import io.cloudnativemcp.application.port.in.CheckRateLimitUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Everything the HTTP edge adds to the servlet container, in one place and in order: security
 * headers (and Origin/Host checks) first, then authentication, then the rate limit, in front of the
 * MCP servlets, {@code /api/*}, {@code /metrics}; the OAuth metadata stays open.
 */
@ApplicationScoped
public class HttpEndpoints {
  public static final String METRICS_PATH = "/metrics";

  private McpServers mcp;
  private AuthenticateUseCase authenticate;
  private CheckRateLimitUseCase rateLimit;
  private PrometheusMetrics metrics;
  private HttpSecuritySettings security;
  private BearerTokens bearer;

  /** For CDI's client proxy only. */
  protected HttpEndpoints() {}

  @Inject
  public HttpEndpoints(
      McpServers mcp,
      AuthenticateUseCase authenticate,
      CheckRateLimitUseCase rateLimit,
      PrometheusMetrics metrics,
      HttpSecuritySettings security,
      BearerTokens bearer) {
    this.mcp = mcp;
    this.authenticate = authenticate;
    this.rateLimit = rateLimit;
    this.metrics = metrics;
    this.security = security;
    this.bearer = bearer;
  }

  /** Adds the servlets and filters; call from a {@code ServletContextListener} during startup. */
  public void register(ServletContext context) {
    List<String> mcpPaths = mcp.paths();
    for (McpServers.Endpoint e : mcp.endpoints(context.getContextPath())) {
      servlet(context, e.name(), e.servlet(), e.paths().toArray(String[]::new));
    }
    servlet(context, "metrics", new MetricsServlet(metrics), METRICS_PATH);
    servlet(context, "error-page", new ErrorPageServlet(), ErrorPageServlet.PATH);
    servlet(context, "oauth-protected-resource", new ProtectedResourceMetadata(security),
        ProtectedResourceMetadata.PATH, ProtectedResourceMetadata.PATH + "/*");

    List<String> guarded = new ArrayList<>(mcpPaths);
    guarded.add("/api/*");
    guarded.add(METRICS_PATH);
    filter(context, "security-headers", new SecurityHeadersFilter(security, mcpPaths), "/*");
    filter(
        context,
        "authentication",
        new AuthenticationFilter(
            authenticate,
            McpServers::transportOf,
            security,
            bearer,
            request -> METRICS_PATH.equals(request.getServletPath())
                && security.metricsOpenTo(RequestAttributes.origin(request).clientAddress())),
        guarded.toArray(String[]::new));
    List<String> limited = new ArrayList<>(mcpPaths);
    limited.add("/api/*");
    filter(context, "rate-limit", new RateLimitFilter(rateLimit), limited.toArray(String[]::new));
  }

  public void close() {
    mcp.close();
  }

  /**
   * Closes the MCP sessions once the tool calls in progress have been answered (waiting at most
   * {@code timeout}): what a stopping server does first, so that idle streams do not hold it up.
   */
  public void closeAfterCallsFinish(java.time.Duration timeout) {
    if (!mcp.awaitCallsFinished(timeout)) {
      java.util.logging.Logger.getLogger(HttpEndpoints.class.getName())
          .warning("Stopping: tool calls still running after " + timeout.toSeconds() + " s; their sessions are closed now.");
    }
    mcp.close();
  }

  private static void servlet(ServletContext context, String name, HttpServlet servlet, String... paths) {
    ServletRegistration.Dynamic reg = context.addServlet(name, servlet);
    reg.setAsyncSupported(true);
    reg.setLoadOnStartup(1);
    reg.addMapping(paths);
  }

  private static void filter(ServletContext context, String name, Filter filter, String... paths) {
    FilterRegistration.Dynamic reg = context.addFilter(name, filter);
    reg.setAsyncSupported(true);
    // Registered in order, each after the previous: headers, authentication, rate limit.
    reg.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, paths);
  }
}
