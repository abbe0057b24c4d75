package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.service.render.YamlWriter;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolName;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_get_resource}: one object as YAML, without managed fields, secrets masked. */
final class GetResourceTool implements Tool {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private static final ToolDescriptor DESCRIPTOR =
      new ToolDescriptor(
          new ToolName("kubernetes_get_resource"),
          "Get resource",
          "Get one Kubernetes object as YAML (managedFields and the last-applied annotation"
              + " removed; Secret values and other credentials masked).",
          ToolRisk.READ_ONLY,
          true,
          List.of(
              Parameters.kind(),
              ToolParameter.requiredString("name", "Object name."),
              Parameters.namespace(
                  "Namespace of a namespaced object (default: default); ignored for cluster-scoped kinds.")));

  private final ClusterGateway cluster;
  private final MaskingPolicy masking;

  GetResourceTool(ClusterGateway cluster, MaskingPolicy masking) {
    this.cluster = cluster;
    this.masking = masking;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, Principal caller) {
    Map<String, Object> object =
        cluster.get(new ResourceRef(args.requiredString("kind"), args.requiredString("name"), namespace(args)));
    Map<String, Object> shown = masking.mask(withoutNoise(object));
    return new ToolResult(YamlWriter.write(shown), shown);
  }

  /** Drops what only machines read: managed fields and the last-applied copy of the object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withoutNoise(Map<String, Object> object) {
    Map<String, Object> copy = new LinkedHashMap<>(object);
    if (copy.get("metadata") instanceof Map<?, ?> meta) {
      Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) meta);
      metadata.remove("managedFields");
      if (metadata.get("annotations") instanceof Map<?, ?> ann && ann.containsKey(LAST_APPLIED)) {
        Map<String, Object> annotations = new LinkedHashMap<>((Map<String, Object>) ann);
        annotations.remove(LAST_APPLIED);
        if (annotations.isEmpty()) {
          metadata.remove("annotations");
        } else {
          metadata.put("annotations", annotations);
        }
      }
      copy.put("metadata", metadata);
    }
    return copy;
  }
}
