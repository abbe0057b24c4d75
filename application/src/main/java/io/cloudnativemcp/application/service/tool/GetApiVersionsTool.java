package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_get_api_versions}: the group versions the cluster serves, like kubectl api-versions. */
final class GetApiVersionsTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_api_versions",
          "API versions",
          "The API group versions the cluster serves, one per line, like kubectl api-versions"
              + " (v1, apps/v1, route.openshift.io/v1, …). Shows which APIs and CRD groups exist.",
          Schemas.result(List.of("versions", "count"), "versions", Schemas.stringArray("Group versions, sorted."), "count", Schemas.integer("How many.")));

  private final Cluster cluster;

  GetApiVersionsTool(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    List<String> versions = cluster.session(args, call).apiVersions().stream().distinct().sorted().toList();
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("versions", versions);
    structured.put("count", versions.size());
    return new ToolResult(String.join("\n", versions) + "\n", structured);
  }
}
