package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code kubernetes_get_api_resources}: the kinds the cluster serves, like kubectl api-resources. */
final class GetApiResourcesTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_api_resources",
          "API resources",
          "The resource types the cluster serves, like kubectl api-resources: name, short names,"
              + " API version, whether namespaced, kind and verbs. Filter by apiGroup ('' or core for"
              + " the core group) and namespaced. Kinds the server denies are not listed.",
          Schemas.result(
              List.of("items", "count"),
              "items", Schemas.array(
                  Schemas.object(
                      List.of("name", "kind", "apiVersion", "namespaced"),
                      "name", Schemas.string("Plural resource name."),
                      "shortNames", Schemas.stringArray("Short names."),
                      "apiVersion", Schemas.string("Preferred group version."),
                      "namespaced", Schemas.bool("Whether objects live in namespaces."),
                      "kind", Schemas.string("Kind."),
                      "verbs", Schemas.stringArray("Supported verbs.")),
                  "Resource types, sorted by group and name."),
              "count", Schemas.integer("How many.")),
          ToolParameter.optionalString("apiGroup", "Only this API group, such as apps; use core for the core group."),
          ToolParameter.optionalBoolean("namespaced", "Only namespaced (true) or only cluster-scoped (false) resources."));

  private final Cluster cluster;

  GetApiResourcesTool(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    Optional<String> group = args.string("apiGroup").map(g -> g.equals("core") || g.equals("v1") ? "" : g);
    Optional<Boolean> namespaced = args.has("namespaced") ? Optional.of(args.flag("namespaced")) : Optional.empty();
    List<ApiResource> resources = new ArrayList<>(cluster.session(args, call).apiResources());
    resources.removeIf(r -> group.isPresent() && !group.get().equals(r.group()));
    resources.removeIf(r -> namespaced.isPresent() && namespaced.get() != r.namespaced());
    resources.sort(Comparator.comparing(ApiResource::group).thenComparing(ApiResource::plural));
    TextTable table = new TextTable(List.of("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", "VERBS"));
    List<Map<String, Object>> items = new ArrayList<>();
    for (ApiResource r : resources) {
      Texts.row(table, r.plural(), String.join(",", r.shortNames()), r.apiVersion(), String.valueOf(r.namespaced()), r.kind(),
          String.join(",", r.verbs()));
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", r.plural());
      item.put("shortNames", r.shortNames());
      item.put("apiVersion", r.apiVersion());
      item.put("namespaced", r.namespaced());
      item.put("kind", r.kind());
      item.put("verbs", r.verbs());
      items.add(item);
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("items", items);
    structured.put("count", items.size());
    String text = items.isEmpty() ? "No API resources match.\n" : table.render() + items.size() + " resource types\n";
    return new ToolResult(text, structured);
  }
}
