package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ResourceNotFoundException;
import io.cloudnativemcp.application.service.render.YamlWriter;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_get_resources_detail}: several objects of one kind in one call. */
final class GetResourcesDetailTool implements Tool {
  static final int MAX_NAMES = 20;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_resources_detail",
          "Several resources in detail",
          "Several objects of one kind and namespace in one call (at most 20 names), each as YAML"
              + " with credentials masked, optionally with its recent events; includeStatus=false"
              + " leaves out status. Names that do not exist are reported, not fatal.",
          Schemas.result(
              List.of("kind", "items", "count"),
              "kind", Schemas.string("The resolved kind."),
              "items", Schemas.array(
                  Schemas.object(
                      List.of("name"),
                      "name", Schemas.string("Object name."),
                      "namespace", Schemas.string("Namespace."),
                      "object", Schemas.anyObject("The object, credentials masked."),
                      "events", Schemas.array(Events.itemSchema(), "Recent events, when asked for."),
                      "error", Schemas.string("Why it could not be read.")),
                  "One entry per name, in the order given."),
              "count", Schemas.integer("Objects read."),
              "notFound", Schemas.stringArray("Names that do not exist.")),
          Parameters.kind(),
          ToolParameter.stringArray("names", "Object names (at most 20), all of the same kind and namespace.", true, MAX_NAMES),
          Parameters.namespace("Namespace of the objects (default: default); ignored for cluster-scoped kinds."),
          ToolParameter.optionalBoolean("includeEvents", "Add each object's recent events.", false),
          ToolParameter.optionalBoolean("includeStatus", "Include status (default true).", true));

  private final Cluster cluster;
  private final MaskingPolicy masking;
  private final Clock clock;

  GetResourcesDetailTool(Cluster cluster, MaskingPolicy masking, Clock clock) {
    this.cluster = cluster;
    this.masking = masking;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    String kind = args.requiredString("kind");
    ApiResource type = session.resolve(kind);
    boolean includeEvents = args.flag("includeEvents");
    boolean includeStatus = args.flag("includeStatus");
    Instant now = clock.instant();
    List<Map<String, Object>> items = new ArrayList<>();
    List<String> notFound = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int found = 0;
    for (String name : args.strings("names").stream().distinct().toList()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", name);
      text.append("--- ").append(type.kind()).append(' ').append(name).append('\n');
      try {
        Map<String, Object> raw = session.get(new ResourceRef(kind, name, namespace(args)));
        Map<String, Object> shown = Shown.object(raw, masking, includeStatus);
        Texts.putIfPresent(item, "namespace", io.cloudnativemcp.domain.cluster.ObjectFields.string(raw, "metadata", "namespace"));
        item.put("object", shown);
        text.append(YamlWriter.write(shown));
        if (includeEvents) {
          List<Map<String, Object>> events = Events.about(session, type, raw, DetailView.EVENTS);
          List<Map<String, Object>> eventItems = new ArrayList<>();
          events.forEach(e -> eventItems.add(Events.item(e, now)));
          item.put("events", eventItems);
          text.append("# events:\n").append(events.isEmpty() ? "# (none recent)\n" : "# " + Events.table(events, now, false).replace("\n", "\n# ").replaceAll("# $", ""));
        }
        found++;
      } catch (ResourceNotFoundException e) {
        notFound.add(name);
        item.put("error", e.getMessage());
        text.append("# not found: ").append(e.getMessage()).append('\n');
      }
      items.add(item);
    }
    text.append("# ").append(found).append(" of ").append(items.size()).append(" found");
    if (!notFound.isEmpty()) {
      text.append("; not found: ").append(String.join(", ", notFound));
    }
    text.append('\n');
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("kind", type.kind());
    structured.put("items", items);
    structured.put("count", found);
    structured.put("notFound", notFound);
    return new ToolResult(text.toString(), structured);
  }
}
