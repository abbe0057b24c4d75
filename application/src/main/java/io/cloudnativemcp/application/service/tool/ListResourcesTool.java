package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.JsonPath;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceSummarizer;
import io.cloudnativemcp.domain.cluster.ResourceSummary;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
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

/**
 * {@code kubernetes_list_resources}: a filtered, paginated listing with labels and owners, or the
 * fields one or more JSONPath expressions select from each object.
 */
final class ListResourcesTool implements Tool {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  static final int MAX_PATHS = 10;
  static final int MAX_CELL = 200;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_list_resources",
          "List resources",
          "List Kubernetes resources with label and field selectors and pagination: name, namespace,"
              + " status, owner, labels and age; or, with jsonpath/jsonpaths, the fields those"
              + " expressions select from each object ({.spec.nodeName}, metadata.labels.app, or"
              + " {range .items[*]}{.metadata.name}{\"\\n\"}{end} over the whole page). Prefer"
              + " kubernetes_list_resources_summary for browsing.",
          Schemas.page(
              Schemas.object(
                  List.of("name"),
                  "name", Schemas.string("Object name."),
                  "namespace", Schemas.string("Namespace."),
                  "status", Schemas.string("One-word status."),
                  "owner", Schemas.string("Kind/name of the controlling owner."),
                  "age", Schemas.string("Age."),
                  "labels", Schemas.stringMap("Labels."),
                  "values", Schemas.array(Schemas.anyValue("a selected value"), "With jsonpath: the values selected from this object."),
                  "fields", Schemas.anyObject("With jsonpaths: each expression and what it selected.")),
              "jsonpath", Schemas.string("The normalised JSONPath, when one was given."),
              "values", Schemas.array(Schemas.anyValue("a selected value"), "With a JSONPath over .items: the values selected from the page.")),
          Parameters.kind(),
          Parameters.namespace("Namespace to list; omit for all namespaces."),
          Parameters.labelSelector(),
          Parameters.fieldSelector(),
          Parameters.limit("objects in this page", DEFAULT_LIMIT, MAX_LIMIT),
          Parameters.continueToken(),
          ToolParameter.optionalString(
              "jsonpath",
              "One JSONPath applied to each object ({.spec.nodeName} or spec.nodeName), or to the page when it reads"
                  + " .items ({range .items[*]}{.metadata.name}{\"\\n\"}{end})."),
          ToolParameter.stringArray(
              "jsonpaths", "Several JSONPaths, one column each, applied to each object (at most 10).", false, MAX_PATHS));

  private final Cluster cluster;
  private final MaskingPolicy masking;
  private final Clock clock;

  ListResourcesTool(Cluster cluster, MaskingPolicy masking, Clock clock) {
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
    Optional<JsonPath> single = GetResourceTool.jsonPath(args, "jsonpath");
    List<JsonPath> several = new ArrayList<>();
    for (String p : args.strings("jsonpaths")) {
      try {
        several.add(JsonPath.compile(p));
      } catch (IllegalArgumentException e) {
        throw new InvalidToolArgumentException("jsonpaths", "'" + p + "': " + e.getMessage());
      }
    }
    if (single.isPresent() && !several.isEmpty()) {
      throw new InvalidToolArgumentException("jsonpaths", "give either jsonpath or jsonpaths, not both");
    }
    Optional<String> namespace = namespace(args);
    ResourcePage page =
        cluster
            .session(args, call)
            .list(
                new ListQuery(
                    args.requiredString("kind"),
                    namespace,
                    args.string("labelSelector").orElse(null),
                    args.string("fieldSelector").orElse(null),
                    args.intValue("limit", DEFAULT_LIMIT),
                    args.string("continueToken").orElse(null)));
    List<Map<String, Object>> items = new ArrayList<>(page.items().size());
    for (Map<String, Object> item : page.items()) {
      items.add(Shown.object(item, masking));
    }
    if (single.isPresent()) {
      return single.get().readsItems() ? overPage(page, items, single.get()) : perObject(page, items, List.of(single.get()), true);
    }
    if (!several.isEmpty()) {
      return perObject(page, items, several, false);
    }
    return plain(page, items, namespace.isEmpty());
  }

  private ToolResult plain(ResourcePage page, List<Map<String, Object>> items, boolean allNamespaces) {
    Instant now = clock.instant();
    boolean withNamespace = allNamespaces && items.stream().anyMatch(i -> string(i, "metadata", "namespace") != null);
    List<String> headers = new ArrayList<>();
    if (withNamespace) {
      headers.add("NAMESPACE");
    }
    headers.addAll(List.of("NAME", "STATUS", "OWNER", "AGE", "LABELS"));
    TextTable table = new TextTable(headers);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> item : items) {
      ResourceSummary s = ResourceSummarizer.summarize(page.kind(), item, true);
      String owner = GetResourceSummaryTool.owner(item);
      String age = Ages.between(s.createdAt(), now);
      List<String> cells = new ArrayList<>();
      if (withNamespace) {
        cells.add(s.namespace());
      }
      cells.add(s.name());
      cells.add(s.status());
      cells.add(owner);
      cells.add(age);
      cells.add(Texts.oneLine(ListResourcesSummaryTool.labels(s.labels()), MAX_CELL));
      table.row(cells);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", s.name());
      Texts.putIfPresent(row, "namespace", s.namespace());
      Texts.putIfPresent(row, "status", s.status());
      Texts.putIfPresent(row, "owner", owner);
      Texts.putIfPresent(row, "age", age);
      if (s.labels() != null && !s.labels().isEmpty()) {
        row.put("labels", s.labels());
      }
      out.add(row);
    }
    String text = (items.isEmpty() ? "No " + page.kind() + " objects found.\n" : page.kind() + " (" + items.size() + ")\n" + table.render())
        + Texts.footer(page, items.size());
    return new ToolResult(text, envelope(page, out));
  }

  private static ToolResult perObject(ResourcePage page, List<Map<String, Object>> items, List<JsonPath> paths, boolean single) {
    List<String> headers = new ArrayList<>(List.of("NAMESPACE", "NAME"));
    for (JsonPath p : paths) {
      headers.add(single ? "VALUE" : p.expression());
    }
    TextTable table = new TextTable(headers);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> item : items) {
      List<String> cells = new ArrayList<>();
      cells.add(string(item, "metadata", "namespace"));
      cells.add(string(item, "metadata", "name"));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", String.valueOf(ObjectFields.string(item, "metadata", "name")));
      Texts.putIfPresent(row, "namespace", string(item, "metadata", "namespace"));
      Map<String, Object> fields = new LinkedHashMap<>();
      for (JsonPath p : paths) {
        List<Object> values = p.values(item);
        cells.add(Texts.oneLine(p.render(item), MAX_CELL));
        if (single) {
          row.put("values", values);
        } else {
          fields.put(p.expression(), values);
        }
      }
      if (!single) {
        row.put("fields", fields);
      }
      table.row(cells);
      out.add(row);
    }
    String text = (items.isEmpty() ? "No " + page.kind() + " objects found.\n" : table.render()) + Texts.footer(page, items.size());
    Map<String, Object> structured = envelope(page, out);
    if (single) {
      structured.put("jsonpath", paths.get(0).expression());
    }
    return new ToolResult(text, structured);
  }

  private static ToolResult overPage(ResourcePage page, List<Map<String, Object>> items, JsonPath path) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", items);
    String rendered = path.render(list);
    List<Map<String, Object>> refs = new ArrayList<>();
    for (Map<String, Object> item : items) {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("name", String.valueOf(string(item, "metadata", "name")));
      Texts.putIfPresent(ref, "namespace", string(item, "metadata", "namespace"));
      refs.add(ref);
    }
    Map<String, Object> structured = envelope(page, refs);
    structured.put("jsonpath", path.expression());
    structured.put("values", path.values(list));
    String text = (rendered.isEmpty() ? "(the JSONPath selected nothing)" : rendered) + (rendered.endsWith("\n") ? "" : "\n")
        + Texts.footer(page, items.size());
    return new ToolResult(text, structured);
  }

  private static Map<String, Object> envelope(ResourcePage page, List<Map<String, Object>> items) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", page.kind());
    out.put("items", items);
    Texts.pageFields(out, page, items.size());
    return out;
  }
}
