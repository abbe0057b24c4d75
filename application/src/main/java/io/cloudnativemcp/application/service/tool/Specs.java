package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolName;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds descriptors of cluster tools: every one takes the optional {@code context} as its last parameter. */
final class Specs {
  private Specs() {}

  static ToolDescriptor tool(
      String name,
      String title,
      String description,
      ToolRisk risk,
      boolean idempotent,
      Map<String, Object> outputSchema,
      ToolParameter... parameters) {
    List<ToolParameter> all = new ArrayList<>(List.of(parameters));
    all.add(Parameters.context());
    return new ToolDescriptor(new ToolName(name), title, description, risk, idempotent, all, outputSchema);
  }

  static ToolDescriptor readOnly(
      String name, String title, String description, Map<String, Object> outputSchema, ToolParameter... parameters) {
    return tool(name, title, description, ToolRisk.READ_ONLY, true, outputSchema, parameters);
  }
}
