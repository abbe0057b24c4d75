package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ManifestReader;
import io.cloudnativemcp.domain.cluster.ApiResource;
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

/** {@code kubernetes_patch_resource}: a merge, JSON, strategic or server-side-apply patch. */
final class PatchResourceTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.tool(
          "kubernetes_patch_resource",
          "Patch resource",
          "Change part of an existing object: labels, annotations, an image, replicas. patchType"
              + " merge (default; an object of the fields to set, null to remove), json (an RFC 6902"
              + " array of operations), strategic (kubectl's default for built-in kinds; merges lists"
              + " by key) or apply (server-side apply of a partial object). The patch may be given as"
              + " JSON text.",
          ToolRisk.MUTATING,
          false,
          Changes.schema("patchType", Schemas.string("The patch type applied.")),
          Parameters.kind(),
          ToolParameter.requiredString("name", "Object name."),
          Parameters.namespace("Namespace of a namespaced object (default: default)."),
          ToolParameter.requiredAny("patch", "The patch: an object (merge, strategic, apply), an array (json), or its JSON text."),
          ToolParameter.optionalEnum("patchType", "merge (default), json, strategic or apply.", "merge", PatchType.wireNames()));

  private final Cluster cluster;
  private final ManifestReader reader;

  PatchResourceTool(Cluster cluster, ManifestReader reader) {
    this.cluster = cluster;
    this.reader = reader;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    PatchType type = PatchType.fromWireName(args.string("patchType").orElse("merge"));
    Object patch = Changes.objectOrText(args.value("patch").orElseThrow(), "patch", reader);
    if (type == PatchType.JSON && !(patch instanceof List<?>)) {
      throw new InvalidToolArgumentException("patch", "must be an array of operations for patchType json, such as [{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]");
    }
    if (type != PatchType.JSON && !(patch instanceof Map<?, ?>)) {
      throw new InvalidToolArgumentException("patch", "must be an object for patchType " + type.wireName());
    }
    ClusterSession session = cluster.session(args, call);
    ApiResource kind = session.resolve(args.requiredString("kind"));
    ResourceRef ref = namedObject(args);
    Map<String, Object> patched = session.patch(ref, type, patch);
    Map<String, Object> result = Changes.result("patched", kind, patched, ref.name(), ref.namespace().orElse(ClusterSession.DEFAULT_NAMESPACE));
    result.put("patchType", type.wireName());
    String text = "Patched " + Changes.label(kind, (String) result.get("namespace"), (String) result.get("name"))
        + " (" + type.wireName() + " patch" + (result.get("generation") == null ? "" : ", generation " + result.get("generation")) + ").\n";
    return new ToolResult(text, result);
  }
}
