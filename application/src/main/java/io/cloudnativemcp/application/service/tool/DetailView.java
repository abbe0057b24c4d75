package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.application.service.render.YamlWriter;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sectioned view of one object that the detail tools share. */
final class DetailView {
  static final int EVENTS = 10;

  /** Which sections to show and how. */
  record Options(
      boolean events, boolean relationships, boolean diagnostics, boolean configuration, boolean status, String format) {}

  static final List<String> FORMATS = List.of("compact", "structured", "verbose");

  static Map<String, Object> schema() {
    return Schemas.result(
        List.of("kind", "name"),
        "kind", Schemas.string("The resolved kind."),
        "apiVersion", Schemas.string("API version."),
        "name", Schemas.string("Object name."),
        "namespace", Schemas.string("Namespace."),
        "summary", Schemas.anyObject("status, ready, restarts, node, age, owner, problem."),
        "metadata", Schemas.anyObject("Labels, annotations, owners, creation time."),
        "configuration", Schemas.anyObject("The object's spec (or data), credentials masked."),
        "status", Schemas.anyObject("The object's status."),
        "object", Schemas.anyObject("The whole object (verbose), credentials masked."),
        "events", Schemas.array(Events.itemSchema(), "Recent events about the object, newest first."),
        "relationships", Schemas.array(Details.relationSchema(), "Owners, owned and selected objects, what it uses."),
        "diagnostics", Schemas.stringArray("Plain-language observations."));
  }

  private DetailView() {}

  @SuppressWarnings("unchecked")
  static ToolResult render(
      ClusterSession session, ApiResource type, Map<String, Object> raw, Options o, MaskingPolicy masking, Clock clock) {
    Instant now = clock.instant();
    Map<String, Object> shown = Shown.object(raw, masking);
    List<Map<String, Object>> events = o.events() || o.diagnostics() ? Events.about(session, type, raw, EVENTS) : List.of();
    ToolResult summary = GetResourceSummaryTool.summary(type, raw, false, clock);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", type.kind());
    out.put("apiVersion", type.apiVersion());
    out.put("name", String.valueOf(string(raw, "metadata", "name")));
    Texts.putIfPresent(out, "namespace", string(raw, "metadata", "namespace"));
    Map<String, Object> summaryMap = new LinkedHashMap<>(summary.structuredContent());
    for (String k : List.of("kind", "apiVersion", "name", "namespace")) {
      summaryMap.remove(k);
    }
    out.put("summary", summaryMap);
    StringBuilder text = new StringBuilder(summary.text());
    boolean verbose = "verbose".equals(o.format());
    boolean compact = "compact".equals(o.format());

    Map<String, Object> metadata = shown.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    if (!compact) {
      Map<String, Object> meta = new LinkedHashMap<>();
      for (String k : List.of("labels", "annotations", "ownerReferences", "creationTimestamp", "uid", "generation")) {
        if (metadata.get(k) != null) {
          meta.put(k, metadata.get(k));
        }
      }
      out.put("metadata", meta);
      if (!meta.isEmpty()) {
        section(text, "Metadata");
        text.append(YamlWriter.write(meta));
      }
    }
    if (verbose) {
      out.put("object", shown);
      section(text, "Object");
      text.append(YamlWriter.write(shown));
    } else {
      if (o.configuration()) {
        Map<String, Object> config = configuration(shown);
        if (!config.isEmpty()) {
          out.put("configuration", config);
          if (!compact) {
            section(text, "Configuration");
            text.append(YamlWriter.write(config));
          }
        }
      }
      if (o.status() && shown.get("status") instanceof Map<?, ?> status && !status.isEmpty()) {
        out.put("status", status);
        if (!compact) {
          section(text, "Status");
          text.append(YamlWriter.write(status));
        }
      }
    }
    if (o.events()) {
      List<Map<String, Object>> items = new ArrayList<>();
      events.forEach(e -> items.add(Events.item(e, now)));
      out.put("events", items);
      section(text, "Events");
      text.append(events.isEmpty() ? "(none recent)\n" : Events.table(compact ? events.subList(0, Math.min(3, events.size())) : events, now, false));
    }
    if (o.relationships()) {
      List<Map<String, Object>> rel = Details.relationships(session, type, raw);
      out.put("relationships", rel);
      section(text, "Relationships");
      if (rel.isEmpty()) {
        text.append("(none found)\n");
      } else {
        TextTable t = new TextTable(List.of("RELATION", "KIND", "NAME"));
        for (Map<String, Object> r : rel) {
          Texts.row(t, String.valueOf(r.get("relation")), String.valueOf(r.get("kind")),
              Texts.qualified((String) r.get("namespace"), String.valueOf(r.get("name"))));
        }
        text.append(t.render());
      }
    }
    if (o.diagnostics()) {
      List<String> diag = Details.diagnostics(type, raw, events);
      out.put("diagnostics", diag);
      section(text, "Diagnostics");
      text.append(diag.isEmpty() ? "(nothing to report)\n" : "- " + String.join("\n- ", diag) + "\n");
    }
    return new ToolResult(text.toString(), out);
  }

  /** What the object is configured to be: spec, or data/rules/subsets for kinds without spec. */
  static Map<String, Object> configuration(Map<String, Object> shown) {
    Map<String, Object> config = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : shown.entrySet()) {
      if (!List.of("apiVersion", "kind", "metadata", "status").contains(e.getKey())) {
        config.put(e.getKey(), e.getValue());
      }
    }
    return config;
  }

  private static void section(StringBuilder text, String title) {
    text.append("\n== ").append(title).append(" ==\n");
  }
}
