package io.cloudnativemcp.adapter.in.http.rest;

import io.cloudnativemcp.domain.access.AccessRule;
import io.cloudnativemcp.domain.access.GlobSet;
import io.cloudnativemcp.domain.access.Grant;
import io.cloudnativemcp.domain.access.Permission;
import io.cloudnativemcp.domain.access.PrincipalMatcher;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Policy lines of a backup back into rules, for the comparison with the running configuration. */
final class PolicyLines {
  private PolicyLines() {}

  static List<AccessRule> toRules(List<BackupResource.Line> lines) {
    List<AccessRule> rules = new ArrayList<>();
    for (BackupResource.Line l : lines) {
      Map<String, Object> m = l.match() == null ? Map.of() : l.match();
      Map<String, Object> a = l.allow() == null ? Map.of() : l.allow();
      Set<ToolRisk> risks = EnumSet.noneOf(ToolRisk.class);
      strings(a.get("risks")).forEach(r -> risks.add(ToolRisk.fromWireName(r)));
      Set<Permission> permissions = new LinkedHashSet<>();
      strings(a.get("permissions")).forEach(p -> permissions.add(new Permission(p)));
      rules.add(
          new AccessRule(
              l.name(),
              new PrincipalMatcher(
                  GlobSet.of(strings(m.get("users"))), GlobSet.of(strings(m.get("groups"))), GlobSet.of(strings(m.get("keys"))),
                  Boolean.TRUE.equals(m.get("authenticated"))),
              new Grant(GlobSet.of(strings(a.get("tools"))), risks, GlobSet.of(strings(a.get("namespaces"))), permissions)));
    }
    return rules;
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }
}
