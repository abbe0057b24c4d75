package io.cloudnativemcp.domain.tool;

import java.util.Map;
import java.util.Objects;

/**
 * What a successful tool call returns: text for the assistant and, where the tool has a shape,
 * the same data as structured content.
 */
public record ToolResult(String text, Map<String, Object> structuredContent) {
  public ToolResult {
    Objects.requireNonNull(text, "'text' must not be null");
  }

  public static ToolResult text(String text) {
    return new ToolResult(text, null);
  }
}
