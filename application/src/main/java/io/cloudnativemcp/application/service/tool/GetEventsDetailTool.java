package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourcePage;
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

/** {@code kubernetes_get_events_detail}: every field of each event, warnings only unless asked. */
final class GetEventsDetailTool implements Tool {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  static final int MAX_MESSAGE = 2000;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_events_detail",
          "Events (full detail)",
          "Kubernetes events with every detail: first and last time, count, source, the involved"
              + " object's kind, name, namespace and field path, and the full message. Warnings only"
              + " unless includeNormalEvents is true. Paginated with limit and continueToken.",
          Schemas.page(
              Schemas.object(
                  List.of("name"),
                  "name", Schemas.string("Event name."),
                  "namespace", Schemas.string("Namespace."),
                  "type", Schemas.string("Normal or Warning."),
                  "reason", Schemas.string("Reason."),
                  "message", Schemas.string("Full message."),
                  "count", Schemas.integer("Occurrences."),
                  "firstTimestamp", Schemas.string("First seen (RFC 3339)."),
                  "lastTimestamp", Schemas.string("Last seen (RFC 3339)."),
                  "lastSeen", Schemas.string("How long ago."),
                  "source", Schemas.string("Component (and host) that reported it."),
                  "involvedObject", Schemas.anyObject("kind, name, namespace, fieldPath of the object.")),
              "skippedNormal", Schemas.integer("Normal events of this page left out.")),
          Parameters.namespace("Namespace; omit for all namespaces."),
          Parameters.fieldSelector(),
          Parameters.limit("events read in this page", DEFAULT_LIMIT, MAX_LIMIT),
          Parameters.continueToken(),
          ToolParameter.optionalBoolean("includeNormalEvents", "Include Normal events too (default false: warnings only).", false));

  private final Cluster cluster;
  private final Clock clock;

  GetEventsDetailTool(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    boolean includeNormal = args.flag("includeNormalEvents");
    ResourcePage page =
        cluster
            .session(args, call)
            .list(
                new ListQuery(
                    "events",
                    namespace(args),
                    null,
                    args.string("fieldSelector").orElse(null),
                    args.intValue("limit", DEFAULT_LIMIT),
                    args.string("continueToken").orElse(null)));
    List<Map<String, Object>> events = new ArrayList<>();
    int skipped = 0;
    for (Map<String, Object> e : page.items()) {
      if (includeNormal || !"Normal".equals(string(e, "type"))) {
        events.add(e);
      } else {
        skipped++;
      }
    }
    events.sort(Events.newestFirst());
    Instant now = clock.instant();
    List<Map<String, Object>> items = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    text.append(events.isEmpty() ? "No " + (includeNormal ? "" : "warning ") + "events in this page.\n" : "");
    for (Map<String, Object> e : events) {
      Map<String, Object> item = detail(e, now);
      items.add(item);
      text.append("- ").append(item.getOrDefault("type", "-")).append(' ').append(item.getOrDefault("reason", "-"))
          .append(" on ").append(Events.involvedObject(e));
      String ns = string(e, "involvedObject", "namespace");
      if (ns != null) {
        text.append(" in ").append(ns);
      }
      text.append('\n');
      text.append("  last seen ").append(item.getOrDefault("lastSeen", "-")).append(" ago");
      if (item.get("count") != null) {
        text.append(", ").append(item.get("count")).append(" time(s)");
      }
      if (item.get("firstTimestamp") != null) {
        text.append(", first ").append(item.get("firstTimestamp"));
      }
      if (item.get("source") != null) {
        text.append(", from ").append(item.get("source"));
      }
      text.append('\n');
      String fieldPath = string(e, "involvedObject", "fieldPath");
      if (fieldPath != null) {
        text.append("  field: ").append(fieldPath).append('\n');
      }
      text.append("  ").append(String.valueOf(item.getOrDefault("message", "")).replace("\n", "\n  ")).append('\n');
    }
    if (skipped > 0) {
      text.append(skipped).append(" Normal event(s) of this page not shown (includeNormalEvents=true shows them).\n");
    }
    text.append(Texts.footer(page, items.size()));
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("kind", page.kind());
    structured.put("items", items);
    Texts.pageFields(structured, page, items.size());
    structured.put("skippedNormal", skipped);
    return new ToolResult(text.toString(), structured);
  }

  private static Map<String, Object> detail(Map<String, Object> e, Instant now) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("name", String.valueOf(string(e, "metadata", "name")));
    Texts.putIfPresent(item, "namespace", string(e, "metadata", "namespace"));
    Texts.putIfPresent(item, "type", string(e, "type"));
    Texts.putIfPresent(item, "reason", string(e, "reason"));
    String message = string(e, "message");
    Texts.putIfPresent(item, "message", message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…");
    Texts.putIfPresent(item, "count", ObjectFields.integer(e, "count"));
    Texts.putIfPresent(item, "firstTimestamp", string(e, "firstTimestamp"));
    Texts.putIfPresent(item, "lastTimestamp", Events.lastSeen(e) == null ? null : Events.lastSeen(e).toString());
    Texts.putIfPresent(item, "lastSeen", Ages.between(Events.lastSeen(e), now));
    String component = string(e, "source", "component");
    if (component == null) {
      component = string(e, "reportingComponent");
    }
    String host = string(e, "source", "host");
    Texts.putIfPresent(item, "source", component == null ? null : component + (host == null ? "" : " on " + host));
    Map<String, Object> involved = new LinkedHashMap<>();
    for (String k : List.of("kind", "name", "namespace", "fieldPath", "apiVersion")) {
      Texts.putIfPresent(involved, k, string(e, "involvedObject", k));
    }
    item.put("involvedObject", involved);
    return item;
  }
}
