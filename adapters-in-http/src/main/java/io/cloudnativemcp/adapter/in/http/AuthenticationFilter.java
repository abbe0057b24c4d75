package io.cloudnativemcp.adapter.in.http;

import io.cloudnativemcp.application.port.in.AuthenticateCommand;
import io.cloudnativemcp.application.port.in.AuthenticateUseCase;
import io.cloudnativemcp.application.port.in.AuthenticationResult;
import io.cloudnativemcp.application.port.in.Credential;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;

/**
 * Turns the request's credential into a principal before anything else reads the request. A
 * request without a valid credential gets 401 with a challenge and its body is never read.
 */
public class AuthenticationFilter implements Filter {
  public static final String API_KEY_HEADER = "X-API-Key";
  static final String CHALLENGE = "ApiKey realm=\"cloud-native-mcp-server\", header=\"X-API-Key\"";

  private final AuthenticateUseCase authenticate;
  private final Function<HttpServletRequest, String> transportOf;

  /**
   * @param transportOf names the transport of a request ({@code streamable-http}, {@code sse},
   *     {@code rest}) for the audit record
   */
  public AuthenticationFilter(AuthenticateUseCase authenticate, Function<HttpServletRequest, String> transportOf) {
    this.authenticate = authenticate;
    this.transportOf = transportOf;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    RequestOrigin origin =
        new RequestOrigin(request.getRemoteAddr(), transportOf.apply(request), sessionIdOf(request));
    request.setAttribute(RequestAttributes.ORIGIN, origin);
    AuthenticationResult result = authenticate.authenticate(new AuthenticateCommand(credentialOf(request), origin));
    if (result instanceof AuthenticationResult.Authenticated ok) {
      request.setAttribute(RequestAttributes.PRINCIPAL, ok.principal());
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("WWW-Authenticate", CHALLENGE);
    // One answer for every failure: a caller cannot tell an unknown key from a revoked one.
    Problems.write(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Unauthorized",
        "A valid API key is required in the X-API-Key header.",
        "unauthenticated");
  }

  static Credential credentialOf(HttpServletRequest request) {
    String key = request.getHeader(API_KEY_HEADER);
    if (key != null && !key.isBlank()) {
      return new Credential.ApiKey(key.trim());
    }
    return new Credential.None();
  }

  static String sessionIdOf(HttpServletRequest request) {
    String session = request.getHeader("Mcp-Session-Id");
    if (session != null || request.getQueryString() == null) {
      return session;
    }
    // Read the query string directly: getParameter could consume a form-encoded body.
    for (String pair : request.getQueryString().split("&")) {
      if (pair.startsWith("sessionId=")) {
        return java.net.URLDecoder.decode(pair.substring(10), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
