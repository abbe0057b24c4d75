package io.cloudnativemcp.adapter.in.http.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cluster overview as an MCP resource, {@code kubernetes://cluster/overview}: the nodes and
 * the unhealthy resources in one read. Reading it runs the two read-only tools through the same
 * use case as {@code tools/call}, so the caller's policy, masking and the audit trail apply
 * unchanged. Subscribers are told it changed after every successful change made through this
 * server (see {@link McpServers}); changes made by others show on the next read.
 */
final class McpResourceBridge {
  static final String OVERVIEW_URI = "kubernetes://cluster/overview";
  /** The reads the overview is made of: the nodes, then whatever is unhealthy anywhere. */
  static final List<McpSchema.CallToolRequest> OVERVIEW_CALLS =
      List.of(
          new McpSchema.CallToolRequest("kubernetes_list_resources_summary", Map.of("kind", "nodes")),
          new McpSchema.CallToolRequest("kubernetes_get_unhealthy_resources", Map.of()));

  private final McpToolBridge tools;

  McpResourceBridge(McpToolBridge tools) {
    this.tools = tools;
  }

  /** The overview, when the server offers the tools it is made of. */
  McpFeatureSet features(Set<String> offeredTools) {
    if (!offeredTools.containsAll(OVERVIEW_CALLS.stream().map(McpSchema.CallToolRequest::name).toList())) {
      return McpFeatureSet.EMPTY;
    }
    McpSchema.Resource overview =
        McpSchema.Resource.builder()
            .uri(OVERVIEW_URI)
            .name("cluster-overview")
            .title("Cluster overview")
            .description("Nodes and unhealthy resources of the default cluster, as the caller may see them.")
            .mimeType("text/plain")
            .build();
    return new McpFeatureSet(List.of(), List.of(new McpFeatureSet.Resource(overview, (call, request) -> read(call))), List.of(), List.of(), List.of());
  }

  private McpSchema.ReadResourceResult read(McpCall call) {
    StringBuilder text = new StringBuilder();
    for (McpSchema.CallToolRequest request : OVERVIEW_CALLS) {
      McpSchema.CallToolResult result = tools.call(call, request);
      String body = result.content().stream()
          .filter(McpSchema.TextContent.class::isInstance)
          .map(c -> ((McpSchema.TextContent) c).text())
          .collect(Collectors.joining("\n"));
      if (Boolean.TRUE.equals(result.isError())) {
        // A denial or a cluster failure: the same words the tool call would have given.
        throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(OVERVIEW_URI + ": " + body).build();
      }
      text.append("## ").append(request.name()).append('\n').append(body).append("\n\n");
    }
    return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(OVERVIEW_URI, "text/plain", text.toString().strip())));
  }
}
