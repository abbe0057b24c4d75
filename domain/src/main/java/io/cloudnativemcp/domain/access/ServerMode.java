package io.cloudnativemcp.domain.access;

import io.cloudnativemcp.domain.tool.ToolRisk;

/**
 * Server-wide limits that no rule can lift: {@code readOnly} hides every tool that changes the
 * cluster, {@code disableDestructive} hides the destructive ones.
 */
public record ServerMode(boolean readOnly, boolean disableDestructive) {
  public static ServerMode unrestricted() {
    return new ServerMode(false, false);
  }

  public boolean admits(ToolRisk risk) {
    return switch (risk) {
      case READ_ONLY -> true;
      case MUTATING -> !readOnly;
      case DESTRUCTIVE -> !readOnly && !disableDestructive;
    };
  }
}
