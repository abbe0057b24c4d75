package io.cloudnativemcp.domain.principal;

import java.util.Locale;

/** How a principal proved its identity. The wire names appear in audit records and the API. */
public enum AuthMethod {
  API_KEY("apikey"),
  JWT("jwt"),
  MTLS("mtls"),
  /** Authentication is disabled ({@code auth.enabled: false}); every caller is anonymous. */
  NONE("none");

  private final String wireName;

  AuthMethod(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Parses a wire name such as {@code apikey}; {@code bearer} is an alias of {@code jwt}. */
  public static AuthMethod fromWireName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("bearer")) {
      return JWT;
    }
    for (AuthMethod m : values()) {
      if (m.wireName.equals(n)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown authentication method: " + name);
  }
}
