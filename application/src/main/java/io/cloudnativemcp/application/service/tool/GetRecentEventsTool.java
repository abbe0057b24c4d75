package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.instant;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolName;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code kubernetes_get_recent_events}: warnings first, then newest first. */
final class GetRecentEventsTool implements Tool {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  /** How many events are read to choose the most recent from; the API cannot sort. */
  static final int SCAN_LIMIT = 1000;
  static final int MAX_MESSAGE = 240;

  private static final ToolDescriptor DESCRIPTOR =
      new ToolDescriptor(
          new ToolName("kubernetes_get_recent_events"),
          "Recent events",
          "Recent Kubernetes events, warnings first and newest first: time, type, reason, object"
              + " and message.",
          ToolRisk.READ_ONLY,
          true,
          List.of(
              Parameters.namespace("Namespace; omit for all namespaces."),
              ToolParameter.optionalInteger(
                  "limit", "Maximum events (default 20, max 100).", DEFAULT_LIMIT, 1, MAX_LIMIT)));

  private final ClusterGateway cluster;
  private final Clock clock;

  GetRecentEventsTool(ClusterGateway cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, Principal caller) {
    Optional<String> namespace = namespace(args);
    int limit = args.intValue("limit", DEFAULT_LIMIT);
    ResourcePage page = cluster.list(new ListQuery("events", namespace, null, null, SCAN_LIMIT, null));
    List<Map<String, Object>> events = new ArrayList<>(page.items());
    events.sort(
        Comparator.comparing((Map<String, Object> e) -> !"Warning".equals(string(e, "type")))
            .thenComparing(GetRecentEventsTool::lastSeen, Comparator.nullsLast(Comparator.reverseOrder())));
    List<Map<String, Object>> chosen = events.subList(0, Math.min(limit, events.size()));
    Instant now = clock.instant();
    TextTable table = new TextTable(List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"));
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> e : chosen) {
      String object = involvedObject(e);
      String message = abbreviate(string(e, "message"));
      String lastSeen = Ages.between(lastSeen(e), now);
      table.row(List.of(nz(lastSeen), nz(string(e, "type")), nz(string(e, "reason")), object, nz(message)));
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("lastSeen", lastSeen);
      item.put("type", string(e, "type"));
      item.put("reason", string(e, "reason"));
      item.put("object", object);
      item.put("namespace", string(e, "metadata", "namespace"));
      item.put("message", message);
      item.put("count", e.get("count"));
      items.add(item);
    }
    String text =
        chosen.isEmpty()
            ? "No events found" + namespace.map(ns -> " in namespace " + ns).orElse("") + ".\n"
            : "Events (" + chosen.size() + " of " + events.size() + (page.hasMore() ? "+" : "") + ")\n" + table.render();
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("items", items);
    structured.put("count", items.size());
    structured.put("scanned", events.size());
    return new ToolResult(text, structured);
  }

  static Instant lastSeen(Map<String, Object> e) {
    Instant t = instant(e, "lastTimestamp");
    if (t == null) {
      t = instant(e, "eventTime");
    }
    if (t == null) {
      t = instant(e, "series", "lastObservedTime");
    }
    if (t == null) {
      t = instant(e, "metadata", "creationTimestamp");
    }
    return t;
  }

  private static String involvedObject(Map<String, Object> e) {
    String kind = string(e, "involvedObject", "kind");
    String name = string(e, "involvedObject", "name");
    if (kind == null && name == null) {
      return "-";
    }
    return (kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT) + "/") + (name == null ? "" : name);
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return null;
    }
    String one = s.replace('\n', ' ').trim();
    return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "…";
  }

  private static String nz(String s) {
    return s == null ? "-" : s;
  }
}
