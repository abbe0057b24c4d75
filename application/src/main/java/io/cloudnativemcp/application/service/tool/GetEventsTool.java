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

/** {@code kubernetes_get_events}: events page by page, each page newest first. */
final class GetEventsTool implements Tool {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_events",
          "Events",
          "Kubernetes events, paginated with the API's own limit/continue; each page is shown"
              + " newest first as a compact table. Filter with fieldSelector, such as"
              + " involvedObject.name=web-1, involvedObject.kind=Pod, type=Warning or reason=Failed.",
          Schemas.page(Events.itemSchema()),
          Parameters.namespace("Namespace; omit for all namespaces."),
          Parameters.fieldSelector(),
          Parameters.limit("events in this page", DEFAULT_LIMIT, MAX_LIMIT),
          Parameters.continueToken());

  private final Cluster cluster;
  private final Clock clock;

  GetEventsTool(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
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
    List<Map<String, Object>> events = new ArrayList<>(page.items());
    events.sort(Events.newestFirst());
    Instant now = clock.instant();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> e : events) {
      items.add(Events.item(e, now));
    }
    String text =
        (events.isEmpty() ? "No events found.\n" : "Events (" + events.size() + ")\n" + Events.table(events, now, true))
            + Texts.footer(page, events.size());
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("kind", page.kind());
    structured.put("items", items);
    Texts.pageFields(structured, page, items.size());
    return new ToolResult(text, structured);
  }
}
