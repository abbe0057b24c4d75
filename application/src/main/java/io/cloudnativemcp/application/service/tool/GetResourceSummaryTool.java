package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.list;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ResourceHealth;
import io.cloudnativemcp.domain.cluster.ResourceSummarizer;
import io.cloudnativemcp.domain.cluster.ResourceSummary;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_get_resource_summary}: the few fields that say what one object is and how it is doing. */
final class GetResourceSummaryTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_resource_summary",
          "Get resource (summary)",
          "The essentials of one object in a few lines: kind, status, readiness, restarts, node, age,"
              + " owner, conditions and a health verdict. The best first look before the detailed tools.",
          Schemas.result(
              List.of("kind", "name"),
              "kind", Schemas.string("The resolved kind."),
              "apiVersion", Schemas.string("API version."),
              "name", Schemas.string("Object name."),
              "namespace", Schemas.string("Namespace, absent for cluster-scoped objects."),
              "status", Schemas.string("One-word status."),
              "ready", Schemas.string("Ready/desired where it applies."),
              "restarts", Schemas.integer("Container restarts (pods)."),
              "node", Schemas.string("Node of a pod."),
              "age", Schemas.string("Age."),
              "owner", Schemas.string("Kind/name of the controlling owner."),
              "problem", Schemas.string("Why the object looks unhealthy; absent when healthy."),
              "conditions", Schemas.array(Schemas.anyObject("type, status, reason"), "Status conditions."),
              "labels", Schemas.stringMap("Labels, when includeLabels is true.")),
          Parameters.kind(),
          ToolParameter.requiredString("name", "Object name."),
          Parameters.namespace("Namespace of a namespaced object (default: default)."),
          ToolParameter.optionalBoolean("includeLabels", "Also return the object's labels.", false));

  private final Cluster cluster;
  private final Clock clock;

  GetResourceSummaryTool(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    ApiResource type = session.resolve(args.requiredString("kind"));
    Map<String, Object> object =
        session.get(namedObject(args));
    return summary(type, object, args.flag("includeLabels"), clock);
  }

  static ToolResult summary(ApiResource type, Map<String, Object> object, boolean includeLabels, Clock clock) {
    ResourceSummary s = ResourceSummarizer.summarize(type.kind(), object, includeLabels);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", type.kind());
    out.put("apiVersion", type.apiVersion());
    out.putAll(ListResourcesSummaryTool.summaryItem(s, clock.instant()));
    out.remove("labels");
    String owner = owner(object);
    Texts.putIfPresent(out, "owner", owner);
    ResourceHealth.problem(type.kind(), object).ifPresent(p -> out.put("problem", p));
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (Map<String, Object> c : list(object, "status", "conditions")) {
      Map<String, Object> cond = new LinkedHashMap<>();
      cond.put("type", String.valueOf(c.get("type")));
      cond.put("status", String.valueOf(c.get("status")));
      if (c.get("reason") != null) {
        cond.put("reason", String.valueOf(c.get("reason")));
      }
      conditions.add(cond);
    }
    if (!conditions.isEmpty()) {
      out.put("conditions", conditions);
    }
    if (includeLabels && s.labels() != null) {
      out.put("labels", s.labels());
    }
    StringBuilder text = new StringBuilder();
    text.append(type.kind()).append(' ').append(Texts.qualified(s.namespace(), s.name())).append('\n');
    line(text, "status", s.status());
    line(text, "ready", s.ready());
    line(text, "restarts", s.restarts());
    line(text, "node", s.node());
    line(text, "age", out.get("age"));
    line(text, "owner", owner);
    line(text, "problem", out.get("problem"));
    if (!conditions.isEmpty()) {
      StringBuilder c = new StringBuilder();
      for (Map<String, Object> cond : conditions) {
        c.append(c.length() == 0 ? "" : ", ").append(cond.get("type")).append('=').append(cond.get("status"));
        if (cond.get("reason") != null) {
          c.append(" (").append(cond.get("reason")).append(')');
        }
      }
      line(text, "conditions", c);
    }
    if (includeLabels) {
      line(text, "labels", ListResourcesSummaryTool.labels(s.labels()));
    }
    // Kinds without health rules get no verdict rather than a misleading "healthy".
    if (!out.containsKey("problem") && ResourceHealth.KINDS.contains(type.kind())) {
      text.append("health: no problem found\n");
    }
    return new ToolResult(text.toString(), out);
  }

  static String owner(Map<String, Object> object) {
    for (Map<String, Object> ref : list(object, "metadata", "ownerReferences")) {
      if (Boolean.TRUE.equals(ref.get("controller")) || list(object, "metadata", "ownerReferences").size() == 1) {
        return ref.get("kind") + "/" + ref.get("name");
      }
    }
    return null;
  }

  private static void line(StringBuilder text, String label, Object value) {
    if (value != null && !String.valueOf(value).isEmpty()) {
      text.append(label).append(": ").append(value).append('\n');
    }
  }
}
