package io.cloudnativemcp.domain.tool;

import java.util.Locale;

/** What a tool can do to the cluster; policies and server modes decide on it. */
public enum ToolRisk {
  /** Reads only. */
  READ_ONLY,
  /** Changes state in a way that can be undone (create, patch, scale, cordon). */
  MUTATING,
  /** Deletes, drains, restarts or executes commands. */
  DESTRUCTIVE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ToolRisk fromWireName(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return valueOf(n);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown risk '" + name + "'; use read_only, mutating or destructive", e);
    }
  }
}
