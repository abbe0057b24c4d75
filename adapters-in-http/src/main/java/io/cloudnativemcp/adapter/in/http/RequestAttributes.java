package io.cloudnativemcp.adapter.in.http;

import io.cloudnativemcp.application.port.in.RequestOrigin;
import io.cloudnativemcp.domain.principal.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Names of the request attributes the filters set for the endpoints behind them. */
public final class RequestAttributes {
  /** The authenticated {@link Principal}. */
  public static final String PRINCIPAL = "io.cloudnativemcp.principal";
  /** The {@link RequestOrigin} (client address, transport). */
  public static final String ORIGIN = "io.cloudnativemcp.origin";

  private RequestAttributes() {}

  public static Optional<Principal> principal(HttpServletRequest request) {
    return Optional.ofNullable((Principal) request.getAttribute(PRINCIPAL));
  }

  public static RequestOrigin origin(HttpServletRequest request) {
    Object o = request.getAttribute(ORIGIN);
    return o instanceof RequestOrigin r ? r : new RequestOrigin(request.getRemoteAddr(), RequestOrigin.REST, null);
  }
}
