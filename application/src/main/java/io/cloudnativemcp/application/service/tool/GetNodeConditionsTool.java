package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.list;

import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourceHealth;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code kubernetes_get_node_conditions}: a node's conditions, schedulability and taints. */
final class GetNodeConditionsTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_node_conditions",
          "Node conditions",
          "A node's conditions (Ready, MemoryPressure, DiskPressure, PIDPressure,"
              + " NetworkUnavailable) with reason, message and last change, whether it is cordoned,"
              + " its taints, and a verdict.",
          Schemas.result(
              List.of("node", "ready", "conditions"),
              "node", Schemas.string("Node name."),
              "ready", Schemas.bool("Whether Ready is True."),
              "unschedulable", Schemas.bool("Whether the node is cordoned."),
              "problem", Schemas.string("What is wrong, when something is."),
              "conditions", Schemas.array(Schemas.anyObject("type, status, reason, message, lastTransitionTime"), "Conditions."),
              "taints", Schemas.stringArray("Taints as key=value:effect.")),
          ToolParameter.requiredString("nodeName", "Node name."));

  private final Cluster cluster;
  private final Clock clock;

  GetNodeConditionsTool(Cluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    String nodeName = args.requiredString("nodeName");
    Map<String, Object> node = cluster.session(args, call).get(new ResourceRef("nodes", nodeName, Optional.empty()));
    TextTable table = new TextTable(List.of("TYPE", "STATUS", "REASON", "LAST CHANGE", "MESSAGE"));
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (Map<String, Object> c : list(node, "status", "conditions")) {
      Map<String, Object> cond = new LinkedHashMap<>();
      for (String k : List.of("type", "status", "reason", "message", "lastTransitionTime")) {
        if (c.get(k) != null) {
          cond.put(k, String.valueOf(c.get(k)));
        }
      }
      conditions.add(cond);
      Texts.row(table, (String) cond.get("type"), (String) cond.get("status"), (String) cond.get("reason"),
          Ages.between(ObjectFields.instant(c, "lastTransitionTime"), clock.instant()), Texts.oneLine((String) cond.get("message"), 160));
    }
    boolean unschedulable = Boolean.TRUE.equals(ObjectFields.at(node, "spec", "unschedulable"));
    List<String> taints = new ArrayList<>();
    for (Map<String, Object> t : list(node, "spec", "taints")) {
      taints.add(t.get("key") + (t.get("value") == null ? "" : "=" + t.get("value")) + ":" + t.get("effect"));
    }
    Optional<String> problem = ResourceHealth.problem("Node", node);
    boolean ready = "True".equals(ObjectFields.condition(node, "Ready"));
    StringBuilder text = new StringBuilder("Node ").append(nodeName).append(": ")
        .append(problem.map(p -> "problem: " + p).orElse("healthy"))
        .append(unschedulable ? ", cordoned (SchedulingDisabled)" : ", schedulable").append('\n');
    text.append(conditions.isEmpty() ? "(no conditions reported)\n" : table.render());
    text.append("taints: ").append(taints.isEmpty() ? "<none>" : String.join(", ", taints)).append('\n');
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("node", nodeName);
    structured.put("ready", ready);
    structured.put("unschedulable", unschedulable);
    problem.ifPresent(p -> structured.put("problem", p));
    structured.put("conditions", conditions);
    structured.put("taints", taints);
    return new ToolResult(text.toString(), structured);
  }
}
