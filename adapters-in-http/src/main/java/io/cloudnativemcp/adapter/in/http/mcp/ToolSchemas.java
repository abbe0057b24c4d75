package io.cloudnativemcp.adapter.in.http.mcp;

import io.cloudnativemcp.domain.tool.ParameterType;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the domain's tool descriptors as MCP tools: JSON Schema input and output, and annotations. */
final class ToolSchemas {
  private ToolSchemas() {}

  static McpSchema.Tool toMcp(ToolDescriptor d) {
    McpSchema.Tool.Builder b =
        McpSchema.Tool.builder()
            .name(d.name().value())
            .title(d.title())
            .description(d.description())
            .inputSchema(inputSchema(d))
            .annotations(
                new McpSchema.ToolAnnotations(
                    d.title(), d.readOnly(), d.destructive(), d.idempotent(), Boolean.TRUE, null));
    d.output().ifPresent(b::outputSchema);
    return b.build();
  }

  static Map<String, Object> inputSchema(ToolDescriptor d) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (ToolParameter p : d.parameters()) {
      properties.put(p.name(), property(p));
      if (p.required()) {
        required.add(p.name());
      }
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> property(ToolParameter p) {
    Map<String, Object> prop = new LinkedHashMap<>();
    if (p.type().jsonType() != null) {
      prop.put("type", p.type().jsonType());
    }
    prop.put("description", p.description());
    if (p.defaultValue() != null) {
      prop.put("default", p.defaultValue());
    }
    if (p.minimum() != null) {
      prop.put(p.type() == ParameterType.STRING ? "minLength" : p.type() == ParameterType.ARRAY ? "minItems" : "minimum", p.minimum());
    }
    if (p.maximum() != null) {
      prop.put(p.type() == ParameterType.ARRAY ? "maxItems" : "maximum", p.maximum());
    }
    if (!p.allowedValues().isEmpty()) {
      prop.put("enum", p.allowedValues());
    }
    if (p.type() == ParameterType.ARRAY && p.itemType() != null) {
      prop.put("items", Map.of("type", p.itemType().jsonType()));
    }
    return prop;
  }
}
