package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceSummarizer;
import io.cloudnativemcp.domain.cluster.ResourceSummary;
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
import java.util.Optional;

/** {@code kubernetes_list_resources_summary}: one compact row per object, paginated. */
final class ListResourcesSummaryTool implements Tool {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  static final Map<String, Object> SUMMARY_ITEM =
      Schemas.object(
          List.of("name"),
          "name", Schemas.string("Object name."),
          "namespace", Schemas.string("Namespace; absent for cluster-scoped objects."),
          "status", Schemas.string("One-word status as kubectl shows it (CrashLoopBackOff, Ready, 2 keys, …)."),
          "ready", Schemas.string("Ready/desired, such as 2/3, where it applies."),
          "restarts", Schemas.integer("Container restarts (pods)."),
          "node", Schemas.string("Node of a pod."),
          "age", Schemas.string("Age, such as 3h20m."),
          "labels", Schemas.stringMap("Labels, when includeLabels is true."));

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_list_resources_summary",
          "List resources (summary)",
          "List Kubernetes resources of one kind as compact rows: name, namespace, status, ready,"
              + " restarts and node where they apply, and age. Paginated: pass the returned"
              + " continueToken to get the next page. Prefer this over full listings.",
          Schemas.page(SUMMARY_ITEM, "note", Schemas.string("A remark about the listing (for example projects listed instead of namespaces).")),
          Parameters.kind(),
          Parameters.namespace("Namespace to list; omit for all namespaces."),
          Parameters.labelSelector(),
          Parameters.limit("rows in this page", DEFAULT_LIMIT, MAX_LIMIT),
          Parameters.continueToken(),
          ToolParameter.optionalBoolean("includeLabels", "Also return each object's labels.", false));

  private final Cluster cluster;
  private final Clock clock;

  ListResourcesSummaryTool(Cluster cluster, Clock clock) {
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
    Optional<String> namespace = namespace(args);
    boolean includeLabels = args.flag("includeLabels");
    ListQuery query =
        new ListQuery(
            args.requiredString("kind"),
            namespace,
            args.string("labelSelector").orElse(null),
            null,
            args.intValue("limit", DEFAULT_LIMIT),
            args.string("continueToken").orElse(null));
    String note = null;
    ResourcePage page;
    try {
      page = session.list(query);
    } catch (ClusterAccessDeniedException e) {
      // On OpenShift a user who may not list namespaces may list the projects they can see.
      ApiResource type = session.resolve(query.kind());
      if (!type.kind().equals("Namespace") || !session.servesGroup("project.openshift.io")) {
        throw e;
      }
      page = session.list(new ListQuery("projects.project.openshift.io", Optional.empty(), query.labelSelector(), null, query.limit(), query.continueToken()));
      note = "Listing namespaces is forbidden for this identity; these are the OpenShift projects it can see.";
    }
    Instant now = clock.instant();
    List<ResourceSummary> rows = new ArrayList<>(page.items().size());
    for (Map<String, Object> item : page.items()) {
      rows.add(ResourceSummarizer.summarize(page.kind(), item, includeLabels));
    }
    String text = (note == null ? "" : note + "\n") + renderText(page, rows, namespace.isEmpty(), includeLabels, now);
    Map<String, Object> structured = structured(page, rows, now);
    Texts.putIfPresent(structured, "note", note);
    return new ToolResult(text, structured);
  }

  static String renderText(
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
    text.append(Texts.footer(page, rows.size()));
    return text.toString();
  }

  static String footer(ResourcePage page, int count) {
    return Texts.footer(page, count);
  }

  static String labels(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    labels.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return s.toString();
  }

  static Map<String, Object> summaryItem(ResourceSummary r, Instant now) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("name", r.name());
    putIfPresent(item, "namespace", r.namespace());
    putIfPresent(item, "status", r.status());
    putIfPresent(item, "ready", r.ready());
    putIfPresent(item, "restarts", r.restarts());
    putIfPresent(item, "node", r.node());
    putIfPresent(item, "age", Ages.between(r.createdAt(), now));
    putIfPresent(item, "labels", r.labels());
    return item;
  }

  private static Map<String, Object> structured(ResourcePage page, List<ResourceSummary> rows, Instant now) {
    List<Map<String, Object>> items = new ArrayList<>(rows.size());
    for (ResourceSummary r : rows) {
      items.add(summaryItem(r, now));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", page.kind());
    out.put("items", items);
    Texts.pageFields(out, page, rows.size());
    return out;
  }

  static void putIfPresent(Map<String, Object> map, String key, Object value) {
    Texts.putIfPresent(map, key, value);
  }
}
