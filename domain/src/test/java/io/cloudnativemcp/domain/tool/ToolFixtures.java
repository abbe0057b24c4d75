package io.cloudnativemcp.domain.tool;

import java.util.List;

/** Descriptors of made-up tools, one per risk, for policy and use-case tests. */
public final class ToolFixtures {
  private ToolFixtures() {}

  public static ToolDescriptor readOnlyTool(String name) {
    return tool(name, ToolRisk.READ_ONLY);
  }

  public static ToolDescriptor mutatingTool(String name) {
    return tool(name, ToolRisk.MUTATING);
  }

  public static ToolDescriptor destructiveTool(String name) {
    return tool(name, ToolRisk.DESTRUCTIVE);
  }

  public static ToolDescriptor tool(String name, ToolRisk risk, ToolParameter... parameters) {
    return new ToolDescriptor(
        new ToolName(name), name, "Test tool " + name + ".", risk, risk == ToolRisk.READ_ONLY, List.of(parameters));
  }
}
