package io.cloudnativemcp.adapter.in.http;

import io.cloudnativemcp.application.port.in.AuthenticateCommand;
import io.cloudnativemcp.application.port.in.AuthenticateUseCase;
import io.cloudnativemcp.application.port.in.AuthenticationResult;
import io.cloudnativemcp.application.port.in.Credential;
import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.domain.shared.DomainException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns the request's credential into a principal before anything else reads the request: an
 * {@code X-API-Key} header, or a bearer token the runtime (MicroProfile JWT) has verified. A
 * request without a valid credential gets 401 with the challenges of every accepted method, and
 * its body is never read. The client address is the direct peer unless that is a trusted proxy.
 */
public class AuthenticationFilter implements Filter {
  public static final String API_KEY_HEADER = "X-API-Key";
  static final String API_KEY_CHALLENGE = "ApiKey realm=\"cloud-native-mcp-server\", header=\"X-API-Key\"";

  private final AuthenticateUseCase authenticate;
  private final Function<HttpServletRequest, String> transportOf;
  private final HttpSecuritySettings settings;
  private final BearerTokens bearer;
  private final Predicate<HttpServletRequest> openWithoutCredentials;

  /**
   * @param transportOf names the transport of a request ({@code streamable-http}, {@code sse},
   *     {@code rest}) for the audit record
   * @param openWithoutCredentials requests that need no credential (metrics from allowed networks)
   */
  public AuthenticationFilter(
      AuthenticateUseCase authenticate,
      Function<HttpServletRequest, String> transportOf,
      HttpSecuritySettings settings,
      BearerTokens bearer,
      Predicate<HttpServletRequest> openWithoutCredentials) {
    this.authenticate = authenticate;
    this.transportOf = transportOf;
    this.settings = settings;
    this.bearer = bearer;
    this.openWithoutCredentials = openWithoutCredentials;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String client = settings.trustedProxies().clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    RequestOrigin origin = new RequestOrigin(client, transportOf.apply(request), sessionIdOf(request));
    request.setAttribute(RequestAttributes.ORIGIN, origin);
    if (openWithoutCredentials.test(request)) {
      chain.doFilter(request, response);
      return;
    }
    AuthenticationResult result;
    try {
      result = authenticate.authenticate(new AuthenticateCommand(credentialOf(request), origin));
    } catch (DomainException e) {
      // The audit trail refused the failure record: answer, but do not let the caller in.
      response.setHeader("Retry-After", "5");
      Problems.write(response, 503, "Service Unavailable", e.getMessage(), e.code());
      return;
    }
    if (result instanceof AuthenticationResult.Authenticated ok) {
      request.setAttribute(RequestAttributes.PRINCIPAL, ok.principal());
      chain.doFilter(request, response);
      return;
    }
    if (result instanceof AuthenticationResult.InsufficientScope scope) {
      response.setHeader(
          "WWW-Authenticate",
          "Bearer error=\"insufficient_scope\", scope=\"" + String.join(" ", scope.required()) + "\"" + resourceMetadata(request));
      Problems.write(
          response, 403, "Forbidden", "The token lacks the scope this server requires: " + String.join(" ", scope.required()) + ".",
          "insufficient_scope");
      return;
    }
    // One answer for every failure: a caller cannot tell an unknown key from a revoked one.
    // setHeader first: it replaces any challenge the runtime set for a rejected token.
    if (settings.apiKeysAccepted()) {
      response.setHeader("WWW-Authenticate", API_KEY_CHALLENGE);
    }
    if (settings.bearerAccepted()) {
      String challenge = "Bearer realm=\"cloud-native-mcp-server\"" + resourceMetadata(request);
      if (settings.apiKeysAccepted()) {
        response.addHeader("WWW-Authenticate", challenge);
      } else {
        response.setHeader("WWW-Authenticate", challenge);
      }
    }
    Problems.write(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Unauthorized",
        settings.bearerAccepted() && settings.apiKeysAccepted()
            ? "A valid API key (X-API-Key header) or bearer token (Authorization header) is required."
            : settings.bearerAccepted()
                ? "A valid bearer token is required in the Authorization header."
                : "A valid API key is required in the X-API-Key header.",
        "unauthenticated");
  }

  private String resourceMetadata(HttpServletRequest request) {
    return ", resource_metadata=\"" + ProtectedResourceMetadata.metadataUrl(request, settings) + "\"";
  }

  Credential credentialOf(HttpServletRequest request) {
    String key = request.getHeader(API_KEY_HEADER);
    if (key != null && !key.isBlank()) {
      return new Credential.ApiKey(key.trim());
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return bearer.credentialOf(request);
    }
    if (settings.certificatePrincipal()
        && request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof java.security.cert.X509Certificate[] chain
        && chain.length > 0) {
      // The TLS handshake verified the chain against server.tls.caFile before any of this ran.
      return ClientCertificates.credentialOf(chain[0]);
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
        return java.net.URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
