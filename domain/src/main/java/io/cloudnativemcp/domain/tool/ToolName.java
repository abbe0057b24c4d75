package io.cloudnativemcp.domain.tool;

import java.util.Objects;

/** The name of a tool, such as {@code kubernetes_list_resources_summary}. */
public record ToolName(String value) {
  public ToolName {
    Objects.requireNonNull(value, "'value' must not be null");
    if (!value.matches("[a-z][a-z0-9_]{0,63}")) {
      throw new IllegalArgumentException("invalid tool name: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
