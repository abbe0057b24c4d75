package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
  static final int MAX_MESSAGE = Events.MAX_MESSAGE;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_recent_events",
          "Recent events",
          "Recent Kubernetes events, warnings first and newest first: time, type, reason, object"
              + " and message. The quickest way to see what went wrong.",
          Schemas.result(
              List.of("items", "count"),
              "items", Schemas.array(Events.itemSchema(), "The events."),
              "count", Schemas.integer("Events returned."),
              "scanned", Schemas.integer("Events read to choose them.")),
          Parameters.namespace("Namespace; omit for all namespaces."),
          Parameters.fieldSelector(),
          Parameters.limit("events (default 20)", DEFAULT_LIMIT, MAX_LIMIT));

  private final Cluster cluster;
  private final Clock clock;

  GetRecentEventsTool(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    Optional<String> namespace = namespace(args);
    int limit = args.intValue("limit", DEFAULT_LIMIT);
    ResourcePage page =
        cluster
            .session(args, call)
            .list(new ListQuery("events", namespace, null, args.string("fieldSelector").orElse(null), SCAN_LIMIT, null));
    List<Map<String, Object>> events = new ArrayList<>(page.items());
    events.sort(Events.warningsThenNewest());
    List<Map<String, Object>> chosen = events.subList(0, Math.min(limit, events.size()));
    Instant now = clock.instant();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> e : chosen) {
      items.add(Events.item(e, now));
    }
    String text =
        chosen.isEmpty()
            ? "No events found" + namespace.map(ns -> " in namespace " + ns).orElse("") + ".\n"
            : "Events (" + chosen.size() + " of " + events.size() + (page.hasMore() ? "+" : "") + ")\n"
                + Events.table(chosen, now, true);
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("items", items);
    structured.put("count", items.size());
    structured.put("scanned", events.size());
    return new ToolResult(text, structured);
  }

  static Instant lastSeen(Map<String, Object> e) {
    return Events.lastSeen(e);
  }
}
