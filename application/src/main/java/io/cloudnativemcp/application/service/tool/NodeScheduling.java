package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.Map;
import java.util.Optional;

/** {@code kubernetes_cordon_node} and {@code kubernetes_uncordon_node}: mark a node (un)schedulable. */
final class NodeScheduling implements Tool {
  private final ToolDescriptor descriptor;
  private final boolean cordon;
  private final Cluster cluster;

  private NodeScheduling(Cluster cluster, boolean cordon) {
    this.cluster = cluster;
    this.cordon = cordon;
    this.descriptor =
        Specs.tool(
            cordon ? "kubernetes_cordon_node" : "kubernetes_uncordon_node",
            cordon ? "Cordon node" : "Uncordon node",
            cordon
                ? "Mark a node unschedulable so no new pods are placed on it (pods already there keep"
                    + " running), like kubectl cordon. Use before maintenance or kubernetes_drain_node."
                : "Mark a node schedulable again after maintenance, like kubectl uncordon.",
            ToolRisk.MUTATING,
            true,
            Changes.schema(
                "unschedulable", Schemas.bool("Whether the node is now unschedulable."),
                "changed", Schemas.bool("Whether the call changed anything.")),
            ToolParameter.requiredString("name", "Node name."));
  }

  static NodeScheduling cordon(Cluster cluster) {
    return new NodeScheduling(cluster, true);
  }

  static NodeScheduling uncordon(Cluster cluster) {
    return new NodeScheduling(cluster, false);
  }

  @Override
  public ToolDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public Optional<String> namespace(ToolArguments arguments) {
    return Optional.empty();
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    ApiResource type = session.resolve("nodes");
    ResourceRef ref = new ResourceRef("nodes", args.requiredString("name"), Optional.empty());
    boolean before = Boolean.TRUE.equals(ObjectFields.at(session.get(ref), "spec", "unschedulable"));
    Map<String, Object> node = before == cordon ? null : setUnschedulable(session, ref, cordon);
    Map<String, Object> result = Changes.result(cordon ? "cordoned" : "uncordoned", type, node, ref.name(), null);
    result.put("unschedulable", cordon);
    result.put("changed", before != cordon);
    String text =
        before == cordon
            ? "Node " + ref.name() + " was already " + (cordon ? "cordoned" : "schedulable") + "; nothing changed.\n"
            : "Node " + ref.name() + (cordon ? " cordoned: no new pods will be scheduled on it.\n" : " uncordoned: pods may be scheduled on it again.\n");
    return new ToolResult(text, result);
  }

  static Map<String, Object> setUnschedulable(ClusterSession session, ResourceRef node, boolean unschedulable) {
    // null removes the field, as kubectl uncordon leaves it.
    Map<String, Object> spec = new java.util.HashMap<>();
    spec.put("unschedulable", unschedulable ? Boolean.TRUE : null);
    return session.patch(node, PatchType.MERGE, Map.of("spec", spec));
  }
}
