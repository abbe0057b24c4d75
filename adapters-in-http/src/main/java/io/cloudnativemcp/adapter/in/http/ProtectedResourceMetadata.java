package io.cloudnativemcp.adapter.in.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 9728 OAuth 2.0 Protected Resource Metadata at {@code /.well-known/oauth-protected-resource}
 * (and under the MCP path), so MCP clients find the authorization server of the company's SSO.
 * Readable without credentials, as the specification requires.
 */
public class ProtectedResourceMetadata extends HttpServlet {
  public static final String PATH = "/.well-known/oauth-protected-resource";
  private static final long serialVersionUID = 1L;

  private final transient HttpSecuritySettings settings;

  public ProtectedResourceMetadata(HttpSecuritySettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String body =
        "{\"resource\":"
            + Problems.quote(baseUrl(request, settings) + "/mcp")
            + ",\"authorization_servers\":"
            + array(settings.authorizationServers())
            + ",\"scopes_supported\":"
            + array(settings.scopes())
            + ",\"bearer_methods_supported\":[\"header\"]"
            + ",\"resource_name\":\"cloud-native-mcp-server\"}";
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "max-age=300");
    response.getWriter().write(body);
  }

  static String metadataUrl(HttpServletRequest request, HttpSecuritySettings settings) {
    return baseUrl(request, settings) + PATH;
  }

  /** The configured public URL, or what the request says (scheme, host, port). */
  static String baseUrl(HttpServletRequest request, HttpSecuritySettings settings) {
    if (settings.publicUrl().isPresent()) {
      String u = settings.publicUrl().get();
      return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
  }

  private static String array(List<String> values) {
    StringBuilder s = new StringBuilder("[");
    for (String v : values) {
      if (s.length() > 1) {
        s.append(',');
      }
      s.append(Problems.quote(v));
    }
    return s.append(']').toString();
  }
}
