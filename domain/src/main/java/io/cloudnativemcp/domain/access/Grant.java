package io.cloudnativemcp.domain.access;

import io.cloudnativemcp.domain.tool.ToolRisk;
import io.cloudnativemcp.domain.ratelimit.RateLimitPolicy;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code allow} part of a rule.
 *
 * @param tools tool name patterns
 * @param risks risks the rule admits
 * @param namespaces namespace patterns, {@code !} to exclude
 * @param permissions further permissions such as {@code audit:read}
 * @param rateLimit a rate limit for the matched principals instead of the default one
 */
public record Grant(
    GlobSet tools, Set<ToolRisk> risks, GlobSet namespaces, Set<Permission> permissions, Optional<RateLimitPolicy> rateLimit) {
  public Grant {
    rateLimit = rateLimit == null ? Optional.empty() : rateLimit;
    Objects.requireNonNull(tools, "'tools' must not be null");
    Objects.requireNonNull(namespaces, "'namespaces' must not be null");
    risks = risks == null || risks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(risks));
    permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
  }

  public Grant(GlobSet tools, Set<ToolRisk> risks, GlobSet namespaces, Set<Permission> permissions) {
    this(tools, risks, namespaces, permissions, Optional.empty());
  }

  public static Grant everything() {
    return new Grant(
        GlobSet.all(),
        EnumSet.allOf(ToolRisk.class),
        GlobSet.all(),
        Set.of(Permission.AUDIT_READ, Permission.KEYS_ADMIN, Permission.BACKUP_ADMIN));
  }

  public static Grant readOnlyTools() {
    return new Grant(GlobSet.all(), EnumSet.of(ToolRisk.READ_ONLY), GlobSet.all(), Set.of());
  }

  public boolean hasPermission(Permission wanted) {
    return permissions.stream()
        .anyMatch(p -> p.equals(wanted) || new Glob(p.value()).matches(wanted.value()));
  }
}
