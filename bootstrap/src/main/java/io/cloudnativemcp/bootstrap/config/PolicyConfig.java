package io.cloudnativemcp.bootstrap.config;

import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.AccessRule;
import io.cloudnativemcp.domain.access.GlobSet;
import io.cloudnativemcp.domain.access.Grant;
import io.cloudnativemcp.domain.access.Permission;
import io.cloudnativemcp.domain.access.PrincipalMatcher;
import io.cloudnativemcp.domain.access.ServerMode;
import io.cloudnativemcp.domain.ratelimit.RateLimitPolicy;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code policies:} as the domain's {@link AccessPolicy}. When the section is present it alone
 * decides (default deny); when it is absent the default policy applies.
 *
 * <pre>
 * policies:
 *   - name: admins
 *     match: {groups: ["platform-admins"], users: ["admin"], keys: ["ci-*"]}
 *     allow: {tools: ["*"], risks: [read_only, mutating, destructive], namespaces: ["*"],
 *             permissions: ["audit:read", "keys:admin"], rateLimit: {requests_per_second: 50, burst: 100}}
 * </pre>
 */
final class PolicyConfig {
  private PolicyConfig() {}

  static AccessPolicy read(ServerConfiguration.Reader r, ServerMode mode) {
    Optional<Long> size = r.optionalLong("policies.size", 0, 10_000);
    if (size.isEmpty()) {
      return AccessPolicy.defaults(mode);
    }
    List<AccessRule> rules = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < size.get(); i++) {
      String p = "policies[" + i + "]";
      String name = r.string(p + ".name", "policy-" + i);
      if (!names.add(name)) {
        r.problem(p + ".name", "repeats the name '" + name + "'");
      }
      PrincipalMatcher match =
          new PrincipalMatcher(
              globs(r, p + ".match.users"),
              globs(r, p + ".match.groups"),
              globs(r, p + ".match.keys"),
              r.bool(p + ".match.authenticated", false));
      if (match.users().patterns().isEmpty() && match.groups().patterns().isEmpty() && match.keys().patterns().isEmpty()
          && !match.anyAuthenticated()) {
        r.problem(p + ".match", "matches nobody: give users, groups, keys or authenticated: true");
      }
      Set<ToolRisk> risks = EnumSet.noneOf(ToolRisk.class);
      for (String risk : r.listOr(p + ".allow.risks", List.of("read_only"))) {
        try {
          risks.add(ToolRisk.fromWireName(risk));
        } catch (IllegalArgumentException e) {
          r.problem(p + ".allow.risks", e.getMessage());
        }
      }
      Set<Permission> permissions = new LinkedHashSet<>();
      for (String perm : r.list(p + ".allow.permissions")) {
        try {
          permissions.add(new Permission(perm));
        } catch (IllegalArgumentException e) {
          r.problem(p + ".allow.permissions", e.getMessage());
        }
      }
      Optional<RateLimitPolicy> rateLimit = Optional.empty();
      Optional<String> rps = r.optional(p + ".allow.rateLimit.requests_per_second");
      if (rps.isPresent()) {
        double rate = r.decimal(p + ".allow.rateLimit.requests_per_second", 1, 0.001, 1_000_000);
        int burst = r.integer(p + ".allow.rateLimit.burst", (int) Math.max(1, Math.ceil(rate * 2)), 1, 10_000_000);
        rateLimit = Optional.of(new RateLimitPolicy(rate, burst));
      }
      rules.add(
          new AccessRule(
              name,
              match,
              new Grant(
                  globs(r, p + ".allow.tools", List.of()),
                  risks,
                  globs(r, p + ".allow.namespaces", List.of("*")),
                  permissions,
                  rateLimit)));
    }
    return AccessPolicy.of(rules, mode);
  }

  private static GlobSet globs(ServerConfiguration.Reader r, String key) {
    return globs(r, key, List.of());
  }

  private static GlobSet globs(ServerConfiguration.Reader r, String key, List<String> fallback) {
    try {
      return GlobSet.of(r.listOr(key, fallback));
    } catch (IllegalArgumentException e) {
      r.problem(key, e.getMessage());
      return GlobSet.none();
    }
  }
}
