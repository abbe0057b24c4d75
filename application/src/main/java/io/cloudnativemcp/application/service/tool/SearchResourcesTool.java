package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.NameMatcher;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code kubernetes_search_resources}: objects of one or more kinds whose names match a query. */
final class SearchResourcesTool implements Tool {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  static final int MAX_TYPES = 10;
  /** Objects read per kind, page by page, before the search stops and says so. */
  static final int SCAN_PER_KIND = 2000;
  static final int PAGE = 500;
  static final List<String> DEFAULT_TYPES =
      List.of("pods", "deployments", "statefulsets", "daemonsets", "services", "configmaps", "jobs", "cronjobs", "ingresses");

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_search_resources",
          "Search resources",
          "Find objects by name across one or more kinds: kind or resourceTypes (default: pods,"
              + " deployments, statefulsets, daemonsets, services, configmaps, jobs, cronjobs,"
              + " ingresses), a query matched by searchMode (contains, startsWith, endsWith, exact,"
              + " regex), case-insensitive unless caseSensitive, optionally within a namespace and a"
              + " labelSelector. Without a query it lists up to limit objects.",
          Schemas.result(
              List.of("items", "count"),
              "items", Schemas.array(
                  Schemas.object(
                      List.of("kind", "name"),
                      "kind", Schemas.string("Kind."),
                      "name", Schemas.string("Name."),
                      "namespace", Schemas.string("Namespace."),
                      "status", Schemas.string("One-word status."),
                      "age", Schemas.string("Age.")),
                  "Matching objects."),
              "count", Schemas.integer("Matches returned."),
              "limitReached", Schemas.bool("Whether more matches may exist beyond limit."),
              "incomplete", Schemas.stringArray("Kinds not searched completely, and why.")),
          ToolParameter.optionalString("kind", "One kind to search (see kubernetes_list_resources_summary for the forms accepted)."),
          ToolParameter.stringArray("resourceTypes", "Several kinds to search, such as [\"pods\",\"services\"] (at most 10).", false, MAX_TYPES),
          ToolParameter.optionalString("query", "Text (or pattern, with searchMode regex) to match against names."),
          ToolParameter.optionalString("name", "Alias of query."),
          Parameters.namespace("Namespace to search; omit for all namespaces."),
          ToolParameter.optionalEnum("searchMode", "contains (default), startsWith, endsWith, exact or regex.", "contains", NameMatcher.MODES),
          ToolParameter.optionalBoolean("caseSensitive", "Match case exactly (default false).", false),
          Parameters.limit("matches", DEFAULT_LIMIT, MAX_LIMIT),
          Parameters.labelSelector());

  private final Cluster cluster;
  private final Clock clock;

  SearchResourcesTool(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    Set<String> kinds = new LinkedHashSet<>();
    args.string("kind").ifPresent(kinds::add);
    kinds.addAll(args.strings("resourceTypes"));
    if (kinds.isEmpty()) {
      kinds.addAll(DEFAULT_TYPES);
    }
    if (kinds.size() > MAX_TYPES) {
      throw new InvalidToolArgumentException("resourceTypes", "names more than " + MAX_TYPES + " kinds together with kind");
    }
    String query = args.string("query").or(() -> args.string("name")).orElse("");
    NameMatcher matcher;
    try {
      matcher = NameMatcher.of(args.string("searchMode").orElse("contains"), query, args.flag("caseSensitive"));
    } catch (IllegalArgumentException e) {
      throw new InvalidToolArgumentException("query", e.getMessage());
    }
    int limit = args.intValue("limit", DEFAULT_LIMIT);
    Optional<String> namespace = namespace(args);
    ClusterSession session = cluster.session(args, call);
    Instant now = clock.instant();
    List<Map<String, Object>> items = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    boolean limitReached = false;
    TextTable table = new TextTable(List.of("KIND", "NAMESPACE", "NAME", "STATUS", "AGE"));
    for (String kind : kinds) {
      if (limitReached) {
        break;
      }
      ApiResource type;
      try {
        type = session.resolve(kind);
      } catch (RuntimeException e) {
        if (args.string("kind").isPresent() || !args.strings("resourceTypes").isEmpty()) {
          throw e; // a kind the caller named must exist
        }
        continue;
      }
      String token = null;
      int scanned = 0;
      do {
        ResourcePage page;
        try {
          page = session.list(new ListQuery(kind, namespace, args.string("labelSelector").orElse(null), null, PAGE, token));
        } catch (ClusterAccessDeniedException e) {
          incomplete.add(type.plural() + ": forbidden");
          break;
        }
        for (Map<String, Object> o : page.items()) {
          if (!matcher.matches(string(o, "metadata", "name"))) {
            continue;
          }
          if (items.size() >= limit) {
            limitReached = true;
            break;
          }
          ResourceSummary s = ResourceSummarizer.summarize(type.kind(), o, false);
          String age = Ages.between(s.createdAt(), now);
          Texts.row(table, type.kind(), s.namespace(), s.name(), s.status(), age);
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("kind", type.kind());
          item.put("name", s.name());
          Texts.putIfPresent(item, "namespace", s.namespace());
          Texts.putIfPresent(item, "status", s.status());
          Texts.putIfPresent(item, "age", age);
          items.add(item);
        }
        scanned += page.items().size();
        token = page.continueToken();
        if (token != null && scanned >= SCAN_PER_KIND) {
          incomplete.add(type.plural() + ": only the first " + scanned + " objects were searched");
          break;
        }
      } while (token != null && !limitReached);
    }
    StringBuilder text = new StringBuilder();
    String what = query.isEmpty() ? "objects" : "objects matching '" + query + "'";
    text.append(items.isEmpty() ? "No " + what + " found.\n" : items.size() + " " + what + ":\n" + table.render());
    if (limitReached) {
      text.append("More matches exist: raise limit (max ").append(MAX_LIMIT).append(") or narrow the search.\n");
    }
    for (String i : incomplete) {
      text.append("Incomplete: ").append(i).append('\n');
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("items", items);
    structured.put("count", items.size());
    structured.put("limitReached", limitReached);
    if (!incomplete.isEmpty()) {
      structured.put("incomplete", incomplete);
    }
    return new ToolResult(text.toString(), structured);
  }
}
