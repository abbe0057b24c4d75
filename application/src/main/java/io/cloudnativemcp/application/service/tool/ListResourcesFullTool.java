package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.service.render.YamlWriter;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_list_resources_full}: whole objects as YAML documents, a few per page. */
final class ListResourcesFullTool implements Tool {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 50;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_list_resources_full",
          "List resources (full objects)",
          "List whole Kubernetes objects as YAML documents (managed fields removed, Secret values"
              + " masked), 10 per page by default and at most 50. Use sparingly: summaries are far"
              + " smaller. includeStatus=false leaves out the status blocks.",
          Schemas.page(Schemas.anyObject("A whole object, Secret values masked.")),
          Parameters.kind(),
          Parameters.namespace("Namespace to list; omit for all namespaces."),
          Parameters.labelSelector(),
          Parameters.fieldSelector(),
          Parameters.limit("objects in this page", DEFAULT_LIMIT, MAX_LIMIT),
          Parameters.continueToken(),
          ToolParameter.optionalBoolean("includeStatus", "Include each object's status (default true).", true));

  private final Cluster cluster;
  private final MaskingPolicy masking;

  ListResourcesFullTool(Cluster cluster, MaskingPolicy masking) {
    this.cluster = cluster;
    this.masking = masking;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    boolean includeStatus = args.flag("includeStatus");
    ResourcePage page =
        cluster
            .session(args, call)
            .list(
                new ListQuery(
                    args.requiredString("kind"),
                    namespace(args),
                    args.string("labelSelector").orElse(null),
                    args.string("fieldSelector").orElse(null),
                    args.intValue("limit", DEFAULT_LIMIT),
                    args.string("continueToken").orElse(null)));
    List<Map<String, Object>> items = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> item : page.items()) {
      Map<String, Object> shown = Shown.object(item, masking, includeStatus);
      items.add(shown);
      text.append("---\n").append(YamlWriter.write(shown));
    }
    if (items.isEmpty()) {
      text.append("No ").append(page.kind()).append(" objects found.\n");
    }
    text.append("# ").append(Texts.footer(page, items.size()).replace("\n", "\n# "));
    String t = text.toString();
    if (t.endsWith("# ")) {
      t = t.substring(0, t.length() - 2);
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("kind", page.kind());
    structured.put("items", items);
    Texts.pageFields(structured, page, items.size());
    return new ToolResult(t, structured);
  }
}
