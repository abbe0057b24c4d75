package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.DeleteOptions;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_delete_resource}: delete one object, after the user confirms when the client can ask. */
final class DeleteResourceTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.tool(
          "kubernetes_delete_resource",
          "Delete resource",
          "Delete one object. Irreversible: what a controller owns goes with it (propagationPolicy"
              + " chooses how), and a deleted namespace takes everything inside. The user is asked to"
              + " confirm when the client supports it.",
          ToolRisk.DESTRUCTIVE,
          true,
          Changes.schema(),
          Parameters.kind(),
          ToolParameter.requiredString("name", "Object name."),
          Parameters.namespace("Namespace of a namespaced object (default: default)."),
          ToolParameter.optionalInteger("gracePeriodSeconds", "Seconds the object has to terminate; 0 deletes at once.", 0, 86_400),
          ToolParameter.optionalEnum(
              "propagationPolicy", "Background (default for most kinds), Foreground or Orphan.", null, List.of("Background", "Foreground", "Orphan")));

  private final Cluster cluster;

  DeleteResourceTool(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public String confirmation(ToolArguments args) {
    return "Delete " + args.requiredString("kind") + " " + Texts.qualified(namespace(args).orElse(null), args.requiredString("name"))
        + "? This cannot be undone.";
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    ApiResource type = session.resolve(args.requiredString("kind"));
    ResourceRef ref = namedObject(args);
    session.delete(ref, new DeleteOptions(args.integer("gracePeriodSeconds"), args.string("propagationPolicy")));
    Map<String, Object> result = Changes.result("deleted", type, null, ref.name(), ref.namespace().orElse(ClusterSession.DEFAULT_NAMESPACE));
    return new ToolResult(
        "Deleted " + Changes.label(type, (String) result.get("namespace"), ref.name())
            + " (the API server accepted the deletion; finalizers may keep it visible for a while).\n",
        result);
  }
}
