package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.port.out.ClusterAccessDeniedException;
import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourceHealth;
import io.cloudnativemcp.domain.cluster.ResourcePage;
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

/** {@code kubernetes_get_unhealthy_resources}: a scan for crash-looping, pending, failed and unavailable objects. */
final class GetUnhealthyResourcesTool implements Tool {
  static final List<String> DEFAULT_KINDS = List.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "Job");
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  static final int SCAN_PER_KIND = 5000;
  static final int PAGE = 500;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_unhealthy_resources",
          "Unhealthy resources",
          "Scan for objects in trouble and say why: pods crash-looping, failing to pull images,"
              + " pending or not ready, workloads with too few available replicas, failed jobs, and"
              + " (when asked) nodes under pressure and unbound claims. resourceTypes choose among"
              + " Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, Node and"
              + " PersistentVolumeClaim (default: Pod, Deployment, StatefulSet, DaemonSet, Job).",
          Schemas.result(
              List.of("items", "count"),
              "items", Schemas.array(
                  Schemas.object(
                      List.of("kind", "name", "problem"),
                      "kind", Schemas.string("Kind."),
                      "namespace", Schemas.string("Namespace."),
                      "name", Schemas.string("Name."),
                      "problem", Schemas.string("What is wrong."),
                      "age", Schemas.string("Age of the object.")),
                  "Unhealthy objects."),
              "count", Schemas.integer("Objects returned."),
              "scanned", Schemas.anyObject("Objects scanned per kind."),
              "limitReached", Schemas.bool("Whether more unhealthy objects exist beyond limit."),
              "incomplete", Schemas.stringArray("Kinds not scanned completely, and why.")),
          Parameters.namespace("Namespace to scan; omit for all namespaces."),
          ToolParameter.stringArray("resourceTypes", "Kinds to check (see the description); default the five workload kinds.", false, 8),
          Parameters.limit("unhealthy objects reported", DEFAULT_LIMIT, MAX_LIMIT));

  private final Cluster cluster;
  private final Clock clock;

  GetUnhealthyResourcesTool(Cluster cluster, Clock clock) {
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
    List<String> requested = args.strings("resourceTypes").isEmpty() ? DEFAULT_KINDS : args.strings("resourceTypes");
    Set<ApiResource> types = new LinkedHashSet<>();
    for (String k : requested) {
      ApiResource type = session.resolve(k);
      if (!ResourceHealth.KINDS.contains(type.kind())) {
        throw new InvalidToolArgumentException(
            "resourceTypes", "has no health rules for " + type.kind() + "; use " + String.join(", ", ResourceHealth.KINDS));
      }
      types.add(type);
    }
    int limit = args.intValue("limit", DEFAULT_LIMIT);
    Optional<String> namespace = namespace(args);
    Instant now = clock.instant();
    List<Map<String, Object>> items = new ArrayList<>();
    Map<String, Object> scanned = new LinkedHashMap<>();
    List<String> incomplete = new ArrayList<>();
    boolean limitReached = false;
    TextTable table = new TextTable(List.of("KIND", "NAMESPACE", "NAME", "PROBLEM", "AGE"));
    for (ApiResource type : types) {
      String token = null;
      int count = 0;
      do {
        ResourcePage page;
        try {
          page = session.list(new ListQuery(type.qualifiedName(), type.namespaced() ? namespace : Optional.empty(), null, null, PAGE, token));
        } catch (ClusterAccessDeniedException e) {
          incomplete.add(type.plural() + ": forbidden");
          break;
        }
        for (Map<String, Object> o : page.items()) {
          Optional<String> problem = ResourceHealth.problem(type.kind(), o);
          if (problem.isEmpty()) {
            continue;
          }
          if (items.size() >= limit) {
            limitReached = true;
            continue;
          }
          String age = Ages.between(ObjectFields.instant(o, "metadata", "creationTimestamp"), now);
          Texts.row(table, type.kind(), string(o, "metadata", "namespace"), string(o, "metadata", "name"), Texts.oneLine(problem.get(), 160), age);
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("kind", type.kind());
          Texts.putIfPresent(item, "namespace", string(o, "metadata", "namespace"));
          item.put("name", String.valueOf(string(o, "metadata", "name")));
          item.put("problem", problem.get());
          Texts.putIfPresent(item, "age", age);
          items.add(item);
        }
        count += page.items().size();
        token = page.continueToken();
        if (token != null && count >= SCAN_PER_KIND) {
          incomplete.add(type.plural() + ": only the first " + count + " objects were scanned");
          break;
        }
      } while (token != null);
      scanned.put(type.kind(), count);
    }
    StringBuilder text = new StringBuilder();
    text.append(items.isEmpty() ? "No unhealthy objects found" : items.size() + " unhealthy object(s)");
    text.append(" among ");
    List<String> parts = new ArrayList<>();
    scanned.forEach((k, v) -> parts.add(v + " " + k));
    text.append(String.join(", ", parts)).append(namespace.map(ns -> " in namespace " + ns).orElse("")).append(items.isEmpty() ? ".\n" : ":\n");
    if (!items.isEmpty()) {
      text.append(table.render());
    }
    if (limitReached) {
      text.append("More unhealthy objects exist beyond limit ").append(limit).append(".\n");
    }
    incomplete.forEach(i -> text.append("Incomplete: ").append(i).append('\n'));
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("items", items);
    structured.put("count", items.size());
    structured.put("scanned", scanned);
    structured.put("limitReached", limitReached);
    if (!incomplete.isEmpty()) {
      structured.put("incomplete", incomplete);
    }
    return new ToolResult(text.toString(), structured);
  }
}
