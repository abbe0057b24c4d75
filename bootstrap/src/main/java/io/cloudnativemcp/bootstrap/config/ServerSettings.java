package io.cloudnativemcp.bootstrap.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the server listens and which MCP transports it offers ({@code server.*}).
 *
 * @param host interface to bind ({@code 0.0.0.0} for all, {@code 127.0.0.1} for local only)
 * @param port TCP port
 * @param mode transports to offer
 */
public record ServerSettings(String host, int port, TransportMode mode) {

  /** {@code server.mode}: which MCP transports are offered. */
  public enum TransportMode {
    /** Streamable HTTP and legacy SSE (the default). */
    ALL,
    /** Only the legacy HTTP+SSE transport, as the Go original's {@code mode: sse}. */
    SSE,
    /** Only Streamable HTTP. */
    STREAMABLE_HTTP;

    public static TransportMode fromConfig(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "all", "both" -> ALL;
        case "sse" -> SSE;
        case "streamable-http", "streamable_http", "http", "streamable" -> STREAMABLE_HTTP;
        default -> throw new IllegalArgumentException("must be all, sse or streamable-http (got '" + value + "')");
      };
    }

    public boolean sse() {
      return this != STREAMABLE_HTTP;
    }

    public boolean streamableHttp() {
      return this != SSE;
    }
  }

  public ServerSettings {
    Objects.requireNonNull(host, "'host' must not be null");
    Objects.requireNonNull(mode, "'mode' must not be null");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535");
    }
  }

  /** Parses {@code host:port}, {@code :port}, {@code [v6]:port} or a bare port. */
  public static ServerSettings parseAddress(String addr, TransportMode mode) {
    String a = addr.trim();
    String host;
    String port;
    if (a.startsWith("[")) {
      int close = a.indexOf(']');
      if (close < 0 || close + 1 >= a.length() || a.charAt(close + 1) != ':') {
        throw new IllegalArgumentException("must look like [::1]:8080 (got '" + addr + "')");
      }
      host = a.substring(1, close);
      port = a.substring(close + 2);
    } else if (a.indexOf(':') >= 0) {
      int colon = a.lastIndexOf(':');
      host = a.substring(0, colon);
      port = a.substring(colon + 1);
    } else {
      host = "";
      port = a;
    }
    if (host.isEmpty()) {
      host = "0.0.0.0";
    }
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be host:port with a numeric port (got '" + addr + "')", e);
    }
    if (p < 1 || p > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535 (got " + p + ")");
    }
    return new ServerSettings(host, p, mode);
  }
}
