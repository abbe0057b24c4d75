package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_scale_resource}: set the replicas of a scalable workload. */
final class ScaleResourceTool implements Tool {
  static final List<String> SCALABLE = List.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DeploymentConfig");

  private static final ToolDescriptor DESCRIPTOR =
      Specs.tool(
          "kubernetes_scale_resource",
          "Scale resource",
          "Set the number of replicas of a Deployment, StatefulSet, ReplicaSet, ReplicationController"
              + " or DeploymentConfig, like kubectl scale; 0 stops all its pods. Reports the previous"
              + " count. A HorizontalPodAutoscaler on the workload may change it back.",
          ToolRisk.MUTATING,
          true,
          Changes.schema(
              "replicas", Schemas.integer("Replicas now asked for."),
              "previousReplicas", Schemas.integer("Replicas before.")),
          Parameters.kind("Deployment, StatefulSet, ReplicaSet, ReplicationController or DeploymentConfig."),
          ToolParameter.requiredString("name", "Workload name."),
          Parameters.requiredNamespace("Namespace of the workload."),
          ToolParameter.requiredInteger("replicas", "The number of replicas wanted (0 to 10000).", 0, 10_000));

  private final Cluster cluster;

  ScaleResourceTool(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    ApiResource type = session.resolve(args.requiredString("kind"));
    if (!SCALABLE.contains(type.kind())) {
      throw new InvalidToolArgumentException("kind", type.kind() + " cannot be scaled; use one of " + String.join(", ", SCALABLE));
    }
    ResourceRef ref = namedObject(args);
    long replicas = args.integer("replicas").orElseThrow();
    Integer before = ObjectFields.integer(session.get(ref), "spec", "replicas");
    Map<String, Object> patched = session.patch(ref, PatchType.MERGE, Map.of("spec", Map.of("replicas", replicas)));
    Map<String, Object> result = Changes.result("scaled", type, patched, ref.name(), ref.namespace().orElse(null));
    result.put("replicas", replicas);
    int previous = before == null ? 1 : before;
    result.put("previousReplicas", previous);
    String text = "Scaled " + Changes.label(type, (String) result.get("namespace"), ref.name()) + " from " + previous + " to " + replicas
        + " replicas" + (previous == replicas ? " (unchanged)" : "") + ".\n";
    return new ToolResult(text, result);
  }
}
