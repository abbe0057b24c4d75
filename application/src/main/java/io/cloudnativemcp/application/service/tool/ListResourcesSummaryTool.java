package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ClusterGateway;
import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceSummarizer;
import io.cloudnativemcp.domain.cluster.ResourceSummary;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code kubernetes_list_resources_summary}: one compact row per object, paginated. */
final class ListResourcesSummaryTool implements Tool {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  private static final ToolDescriptor DESCRIPTOR =
      new ToolDescriptor(
          new ToolName("kubernetes_list_resources_summary"),
          "List resources (summary)",
          "List Kubernetes resources of one kind as compact rows: name, namespace, status, ready,"
              + " restarts and node where they apply, and age. Paginated: pass the returned"
              + " continueToken to get the next page. Prefer this over full listings.",
          ToolRisk.READ_ONLY,
          true,
          List.of(
              Parameters.kind(),
              Parameters.namespace("Namespace to list; omit for all namespaces."),
              Parameters.labelSelector(),
              ToolParameter.optionalInteger(
                  "limit", "Maximum rows in this page (default 100, max 500).", DEFAULT_LIMIT, 1, MAX_LIMIT),
              Parameters.continueToken(),
              ToolParameter.optionalBoolean("includeLabels", "Also return each object's labels.", false)));

  private final ClusterGateway cluster;
  private final Clock clock;

  ListResourcesSummaryTool(ClusterGateway cluster, Clock clock) {
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
    boolean includeLabels = args.flag("includeLabels");
    ResourcePage page =
        cluster.list(
            new ListQuery(
                args.requiredString("kind"),
                namespace,
                args.string("labelSelector").orElse(null),
                null,
                args.intValue("limit", DEFAULT_LIMIT),
                args.string("continueToken").orElse(null)));
    Instant now = clock.instant();
    List<ResourceSummary> rows = new ArrayList<>(page.items().size());
    for (Map<String, Object> item : page.items()) {
      rows.add(ResourceSummarizer.summarize(page.kind(), item, includeLabels));
    }
    return new ToolResult(renderText(page, rows, namespace.isEmpty(), includeLabels, now), structured(page, rows, now));
  }

  private static String renderText(
      ResourcePage page, List<ResourceSummary> rows, boolean showNamespace, boolean includeLabels, Instant now) {
    boolean anyNamespace = rows.stream().anyMatch(r -> r.namespace() != null);
    boolean withNamespace = showNamespace && anyNamespace;
    boolean withReady = rows.stream().anyMatch(r -> r.ready() != null);
    boolean withRestarts = rows.stream().anyMatch(r -> r.restarts() != null);
    boolean withNode = rows.stream().anyMatch(r -> r.node() != null);
    boolean withStatus = rows.stream().anyMatch(r -> r.status() != null);
    List<String> headers = new ArrayList<>();
    if (withNamespace) {
      headers.add("NAMESPACE");
    }
    headers.add("NAME");
    if (withStatus) {
      headers.add("STATUS");
    }
    if (withReady) {
      headers.add("READY");
    }
    if (withRestarts) {
      headers.add("RESTARTS");
    }
    headers.add("AGE");
    if (withNode) {
      headers.add("NODE");
    }
    if (includeLabels) {
      headers.add("LABELS");
    }
    TextTable table = new TextTable(headers);
    for (ResourceSummary r : rows) {
      List<String> cells = new ArrayList<>();
      if (withNamespace) {
        cells.add(r.namespace());
      }
      cells.add(r.name());
      if (withStatus) {
        cells.add(r.status());
      }
      if (withReady) {
        cells.add(r.ready());
      }
      if (withRestarts) {
        cells.add(r.restarts() == null ? null : String.valueOf(r.restarts()));
      }
      cells.add(Ages.between(r.createdAt(), now));
      if (withNode) {
        cells.add(r.node());
      }
      if (includeLabels) {
        cells.add(labels(r.labels()));
      }
      table.row(cells);
    }
    StringBuilder text = new StringBuilder();
    if (rows.isEmpty()) {
      text.append("No ").append(page.kind()).append(" objects found.\n");
    } else {
      text.append(page.kind()).append(" (").append(rows.size()).append(")\n").append(table.render());
    }
    text.append(footer(page, rows.size()));
    return text.toString();
  }

  static String footer(ResourcePage page, int count) {
    StringBuilder f = new StringBuilder("count: ").append(count).append(", hasMore: ").append(page.hasMore());
    if (page.remainingItemCount() != null) {
      f.append(", remaining: ").append(page.remainingItemCount());
    }
    if (page.hasMore()) {
      f.append("\ncontinueToken: ").append(page.continueToken());
    }
    return f.append('\n').toString();
  }

  private static String labels(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    labels.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return s.toString();
  }

  private static Map<String, Object> structured(ResourcePage page, List<ResourceSummary> rows, Instant now) {
    List<Map<String, Object>> items = new ArrayList<>(rows.size());
    for (ResourceSummary r : rows) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", r.name());
      putIfPresent(item, "namespace", r.namespace());
      putIfPresent(item, "status", r.status());
      putIfPresent(item, "ready", r.ready());
      putIfPresent(item, "restarts", r.restarts());
      putIfPresent(item, "node", r.node());
      putIfPresent(item, "age", Ages.between(r.createdAt(), now));
      putIfPresent(item, "labels", r.labels());
      items.add(item);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", page.kind());
    out.put("items", items);
    out.put("count", rows.size());
    out.put("hasMore", page.hasMore());
    putIfPresent(out, "continueToken", page.continueToken());
    putIfPresent(out, "remainingItemCount", page.remainingItemCount());
    return out;
  }

  static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
