package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.list;
import static io.cloudnativemcp.domain.cluster.ObjectFields.map;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.Quantities;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubernetes_get_resource_usage}: CPU and memory in use by nodes or pods (metrics.k8s.io),
 * with the share of node capacity or of the pods' requests and limits.
 */
final class GetResourceUsageTool implements Tool {
  static final int MAX_ROWS = 100;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_resource_usage",
          "Resource usage",
          "Current CPU and memory use of nodes or pods from the metrics API (metrics-server), like"
              + " kubectl top: for nodes with the share of allocatable capacity, for pods with the"
              + " share of their requests and limits. Busiest first, at most 100 rows. Says so"
              + " clearly when the cluster has no metrics-server.",
          Schemas.result(
              List.of("resourceType", "items", "count"),
              "resourceType", Schemas.string("node or pod."),
              "items", Schemas.array(
                  Schemas.object(
                      List.of("name"),
                      "name", Schemas.string("Node or pod name."),
                      "namespace", Schemas.string("Namespace of a pod."),
                      "cpuMillicores", Schemas.integer("CPU in use, millicores."),
                      "memoryBytes", Schemas.integer("Memory in use, bytes."),
                      "cpuPercent", Schemas.integer("CPU use as a percentage of allocatable (nodes) or of requests (pods)."),
                      "memoryPercent", Schemas.integer("Memory use as a percentage of allocatable (nodes) or of requests (pods)."),
                      "cpuLimitPercent", Schemas.integer("CPU use as a percentage of limits (pods)."),
                      "memoryLimitPercent", Schemas.integer("Memory use as a percentage of limits (pods).")),
                  "Usage rows, busiest first."),
              "count", Schemas.integer("Rows returned."),
              "total", Schemas.integer("Rows the metrics API returned.")),
          ToolParameter.requiredEnum("resourceType", "node or pod.", List.of("node", "pod")),
          ToolParameter.optionalString("name", "One node or pod; omit for all."),
          Parameters.namespace("Namespace of the pods (required with a pod name); omit for all namespaces."));

  private final Cluster cluster;

  GetResourceUsageTool(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Optional<String> namespace(ToolArguments arguments) {
    return "pod".equals(arguments.string("resourceType").orElse("")) ? Tool.super.namespace(arguments) : Optional.empty();
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    boolean nodes = args.requiredString("resourceType").equals("node");
    Optional<String> name = args.string("name");
    if (!nodes && name.isPresent() && namespace(args).isEmpty()) {
      throw new io.cloudnativemcp.domain.tool.InvalidToolArgumentException("namespace", "is required with a pod name");
    }
    List<Map<String, Object>> rows = nodes ? nodes(session, name) : pods(session, namespace(args), name);
    rows.sort(Comparator.comparingLong((Map<String, Object> r) -> ((Number) r.getOrDefault("cpuMillicores", 0L)).longValue()).reversed());
    int total = rows.size();
    List<Map<String, Object>> shown = rows.subList(0, Math.min(MAX_ROWS, rows.size()));
    TextTable table =
        new TextTable(
            nodes
                ? List.of("NAME", "CPU", "CPU%", "MEMORY", "MEMORY%")
                : List.of("NAMESPACE", "NAME", "CPU", "CPU/REQ", "CPU/LIM", "MEMORY", "MEM/REQ", "MEM/LIM"));
    for (Map<String, Object> r : shown) {
      String cpu = Quantities.formatMilliCores(((Number) r.get("cpuMillicores")).longValue());
      String mem = Quantities.formatBytes(((Number) r.get("memoryBytes")).longValue());
      if (nodes) {
        Texts.row(table, (String) r.get("name"), cpu, pct(r.get("cpuPercent")), mem, pct(r.get("memoryPercent")));
      } else {
        Texts.row(table, (String) r.get("namespace"), (String) r.get("name"), cpu, pct(r.get("cpuPercent")), pct(r.get("cpuLimitPercent")),
            mem, pct(r.get("memoryPercent")), pct(r.get("memoryLimitPercent")));
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(shown.isEmpty() ? "No metrics returned.\n" : table.render());
    if (total > shown.size()) {
      text.append(shown.size()).append(" of ").append(total).append(" rows shown (busiest first); name a namespace or one ")
          .append(nodes ? "node" : "pod").append(" to narrow.\n");
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("resourceType", nodes ? "node" : "pod");
    structured.put("items", new ArrayList<>(shown));
    structured.put("count", shown.size());
    structured.put("total", total);
    return new ToolResult(text.toString(), structured);
  }

  private static List<Map<String, Object>> nodes(ClusterSession session, Optional<String> name) {
    List<Map<String, Object>> metrics = session.nodeMetrics(name);
    Map<String, Map<String, Object>> allocatable = new HashMap<>();
    try {
      List<Map<String, Object>> nodes =
          name.isPresent()
              ? List.of(session.get(new ResourceRef("nodes", name.get(), Optional.empty())))
              : session.list(new ListQuery("nodes", Optional.empty(), null, null, 1000, null)).items();
      for (Map<String, Object> n : nodes) {
        allocatable.put(string(n, "metadata", "name"), map(n, "status", "allocatable"));
      }
    } catch (RuntimeException e) {
      // Percentages need the nodes; usage alone is still worth returning.
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> m : metrics) {
      String node = string(m, "metadata", "name");
      long cpu = Quantities.milliCores(map(m, "usage").get("cpu"));
      long mem = Quantities.bytes(map(m, "usage").get("memory"));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", node);
      row.put("cpuMillicores", cpu);
      row.put("memoryBytes", mem);
      Map<String, Object> alloc = allocatable.getOrDefault(node, Map.of());
      Texts.putIfPresent(row, "cpuPercent", percent(cpu, Quantities.milliCores(alloc.get("cpu"))));
      Texts.putIfPresent(row, "memoryPercent", percent(mem, Quantities.bytes(alloc.get("memory"))));
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> pods(ClusterSession session, Optional<String> namespace, Optional<String> name) {
    List<Map<String, Object>> metrics = session.podMetrics(namespace, name);
    Map<String, long[]> specs = new HashMap<>();
    try {
      List<Map<String, Object>> pods =
          name.isPresent()
              ? List.of(session.get(new ResourceRef("pods", name.get(), namespace)))
              : session.list(new ListQuery("pods", namespace, null, null, 1000, null)).items();
      for (Map<String, Object> p : pods) {
        long[] s = new long[4]; // cpu request, cpu limit, memory request, memory limit; -1 when any container lacks one
        for (Map<String, Object> c : list(p, "spec", "containers")) {
          add(s, 0, Quantities.milliCores(map(c, "resources", "requests").get("cpu")), map(c, "resources", "requests").get("cpu"));
          add(s, 1, Quantities.milliCores(map(c, "resources", "limits").get("cpu")), map(c, "resources", "limits").get("cpu"));
          add(s, 2, Quantities.bytes(map(c, "resources", "requests").get("memory")), map(c, "resources", "requests").get("memory"));
          add(s, 3, Quantities.bytes(map(c, "resources", "limits").get("memory")), map(c, "resources", "limits").get("memory"));
        }
        specs.put(string(p, "metadata", "namespace") + "/" + string(p, "metadata", "name"), s);
      }
    } catch (RuntimeException e) {
      // As for nodes: usage without percentages.
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> m : metrics) {
      long cpu = 0;
      long mem = 0;
      for (Map<String, Object> c : list(m, "containers")) {
        cpu += Math.max(0, Quantities.milliCores(map(c, "usage").get("cpu")));
        mem += Math.max(0, Quantities.bytes(map(c, "usage").get("memory")));
      }
      String ns = string(m, "metadata", "namespace");
      String pod = string(m, "metadata", "name");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", pod);
      Texts.putIfPresent(row, "namespace", ns);
      row.put("cpuMillicores", cpu);
      row.put("memoryBytes", mem);
      long[] s = specs.get(ns + "/" + pod);
      if (s != null) {
        Texts.putIfPresent(row, "cpuPercent", percent(cpu, s[0]));
        Texts.putIfPresent(row, "cpuLimitPercent", percent(cpu, s[1]));
        Texts.putIfPresent(row, "memoryPercent", percent(mem, s[2]));
        Texts.putIfPresent(row, "memoryLimitPercent", percent(mem, s[3]));
      }
      rows.add(row);
    }
    return rows;
  }

  private static void add(long[] sums, int i, long value, Object raw) {
    if (sums[i] < 0) {
      return;
    }
    sums[i] = raw == null || value < 0 ? -1 : sums[i] + value;
  }

  private static Long percent(long used, long of) {
    return of <= 0 || used < 0 ? null : Math.round(used * 100.0 / of);
  }

  private static String pct(Object p) {
    return p == null ? "-" : p + "%";
  }
}
