package io.cloudnativemcp.domain.principal;

import java.util.Set;

/** Intention-named principals for tests. */
public final class PrincipalFixtures {
  private PrincipalFixtures() {}

  /** The bootstrap administrator: the owner of {@code auth.apiKey}, authenticated by API key. */
  public static Principal admin() {
    return apiKeyUser(Principal.BOOTSTRAP_ADMIN);
  }

  /** An ordinary API-key principal without groups. */
  public static Principal reader() {
    return apiKeyUser("reader");
  }

  public static Principal apiKeyUser(String name, String... groups) {
    return new Principal(new PrincipalId(name), name, AuthMethod.API_KEY, Set.of(groups));
  }

  /** A principal whose bearer token the runtime verified. */
  public static Principal jwtUser(String name, String... groups) {
    return new Principal(new PrincipalId(name), name, AuthMethod.JWT, Set.of(groups));
  }

  /** A token subject that happens to be called {@code admin}: not the bootstrap administrator. */
  public static Principal jwtNamedAdmin() {
    return jwtUser(Principal.BOOTSTRAP_ADMIN);
  }

  /** The caller when authentication is disabled. */
  public static Principal anonymous() {
    return Principal.anonymous();
  }
}
