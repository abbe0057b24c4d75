package io.cloudnativemcp.domain.access;

import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.ratelimit.RateLimitPolicy;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a principal may call a tool on a namespace, and whether it holds a permission.
 * It is a pure function of its rules: the first rule that matches the principal and admits the
 * call allows it; nothing matching means deny.
 *
 * <p>Without configured rules the {@linkplain #defaults(ServerMode) default policy} applies: the
 * bootstrap administrator may do everything, every other authenticated principal may use the
 * read-only tools.
 */
public final class AccessPolicy {
  private final List<AccessRule> rules;
  private final ServerMode mode;

  private AccessPolicy(List<AccessRule> rules, ServerMode mode) {
    this.rules = List.copyOf(rules);
    this.mode = Objects.requireNonNull(mode, "'mode' must not be null");
  }

  public static AccessPolicy of(List<AccessRule> rules, ServerMode mode) {
    return new AccessPolicy(rules, mode);
  }

  public static AccessPolicy defaults(ServerMode mode) {
    return new AccessPolicy(
        List.of(
            new AccessRule(
                "bootstrap-admin",
                new PrincipalMatcher(
                    GlobSet.none(), GlobSet.none(), GlobSet.of(List.of(Principal.BOOTSTRAP_ADMIN)), false),
                Grant.everything()),
            new AccessRule("authenticated-readers", PrincipalMatcher.authenticated(), Grant.readOnlyTools())),
        mode);
  }

  /**
   * Decides a tool call.
   *
   * @param namespace the namespace the call addresses; empty for cluster-wide or all-namespace calls
   */
  public AccessDecision decide(Principal principal, ToolDescriptor tool, Optional<String> namespace) {
    if (mode.admits(tool.risk()) && !mode.admits(tool)) {
      return new AccessDecision.Denied("tool '" + tool.name() + "' is disabled on this server");
    }
    if (namespace.isPresent() && !mode.servesNamespace(namespace.get())) {
      return new AccessDecision.Denied(
          "namespace '" + namespace.get() + "' is outside the namespaces this server serves");
    }
    if (!mode.admits(tool.risk())) {
      return new AccessDecision.Denied(
          "tool '"
              + tool.name()
              + "' is "
              + tool.risk().wireName()
              + " and the server runs in "
              + (mode.readOnly() ? "read-only" : "non-destructive")
              + " mode");
    }
    boolean anyRuleForTool = false;
    for (AccessRule rule : rules) {
      if (!rule.match().matches(principal)) {
        continue;
      }
      Grant g = rule.allow();
      if (!g.tools().matches(tool.name().value()) || !g.risks().contains(tool.risk())) {
        continue;
      }
      anyRuleForTool = true;
      if (namespace.isPresent() ? g.namespaces().matches(namespace.get()) : g.namespaces().isUnrestricted()) {
        return new AccessDecision.Allowed(rule.name());
      }
    }
    if (anyRuleForTool) {
      return new AccessDecision.Denied(
          namespace
              .map(ns -> "principal '" + principal.name() + "' may not use tool '" + tool.name() + "' in namespace '" + ns + "'")
              .orElse(
                  "principal '"
                      + principal.name()
                      + "' may use tool '"
                      + tool.name()
                      + "' only in specific namespaces; name one with the 'namespace' argument"));
    }
    return new AccessDecision.Denied(
        "principal '" + principal.name() + "' is not allowed to use tool '" + tool.name() + "' (" + tool.risk().wireName() + ")");
  }

  /** Whether the principal may see and call the tool in some namespace (for {@code tools/list}). */
  public boolean canUse(Principal principal, ToolDescriptor tool) {
    if (!mode.admits(tool)) {
      return false;
    }
    return rules.stream()
        .anyMatch(
            r ->
                r.match().matches(principal)
                    && r.allow().tools().matches(tool.name().value())
                    && r.allow().risks().contains(tool.risk()));
  }

  /** Whether a mode hides the tool for everybody. */
  public boolean modeAdmits(ToolDescriptor tool) {
    return mode.admits(tool);
  }

  public boolean hasPermission(Principal principal, Permission permission) {
    return rules.stream().anyMatch(r -> r.match().matches(principal) && r.allow().hasPermission(permission));
  }

  /** The rate limit of the first matching rule that sets one. */
  public Optional<RateLimitPolicy> rateLimitFor(Principal principal) {
    return rules.stream()
        .filter(r -> r.match().matches(principal) && r.allow().rateLimit().isPresent())
        .map(r -> r.allow().rateLimit().get())
        .findFirst();
  }

  public ServerMode mode() {
    return mode;
  }

  public List<AccessRule> rules() {
    return rules;
  }
}
