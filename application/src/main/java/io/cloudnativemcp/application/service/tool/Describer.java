package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.at;
import static io.cloudnativemcp.domain.cluster.ObjectFields.list;
import static io.cloudnativemcp.domain.cluster.ObjectFields.map;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.service.render.YamlWriter;
import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.JsonPath;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourceSummarizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl describe}-like text of an already masked object: aligned fields, the parts an
 * operator reads for its kind (containers, replicas, ports, conditions, capacity), and its events.
 */
final class Describer {
  private static final int LABEL_WIDTH = 16;

  private final StringBuilder out = new StringBuilder();
  private final Instant now;

  private Describer(Instant now) {
    this.now = now;
  }

  static String describe(String kind, Map<String, Object> o, List<Map<String, Object>> events, Instant now) {
    Describer d = new Describer(now);
    d.common(o);
    switch (kind) {
      case "Pod" -> d.pod(o);
      case "Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "DeploymentConfig" -> d.workload(kind, o);
      case "Job" -> d.job(o);
      case "Service" -> d.service(o);
      case "Node" -> d.node(o);
      case "ConfigMap", "Secret" -> d.data(kind, o);
      default -> d.generic(o);
    }
    d.conditions(o);
    d.field(0, "Events", events.isEmpty() ? "<none>" : "");
    if (!events.isEmpty()) {
      d.out.append(indent(Events.table(events, now, false), 2));
    }
    return d.out.toString();
  }

  private void common(Map<String, Object> o) {
    field(0, "Name", string(o, "metadata", "name"));
    if (string(o, "metadata", "namespace") != null) {
      field(0, "Namespace", string(o, "metadata", "namespace"));
    }
    pairs(0, "Labels", map(o, "metadata", "labels"));
    pairs(0, "Annotations", map(o, "metadata", "annotations"));
    Instant created = ObjectFields.instant(o, "metadata", "creationTimestamp");
    if (created != null) {
      field(0, "Created", created + " (" + Ages.between(created, now) + " ago)");
    }
    String owner = GetResourceSummaryTool.owner(o);
    if (owner != null) {
      field(0, "Controlled By", owner);
    }
  }

  private void pod(Map<String, Object> o) {
    field(0, "Status", ResourceSummarizer.summarize("Pod", o, false).status());
    field(0, "Node", string(o, "spec", "nodeName"));
    field(0, "IP", string(o, "status", "podIP"));
    field(0, "QoS Class", string(o, "status", "qosClass"));
    field(0, "Service Account", string(o, "spec", "serviceAccountName"));
    containers("Init Containers", list(o, "spec", "initContainers"), list(o, "status", "initContainerStatuses"));
    containers("Containers", list(o, "spec", "containers"), list(o, "status", "containerStatuses"));
    List<Map<String, Object>> volumes = list(o, "spec", "volumes");
    if (!volumes.isEmpty()) {
      field(0, "Volumes", "");
      for (Map<String, Object> v : volumes) {
        String type = v.keySet().stream().filter(k -> !k.equals("name")).findFirst().orElse("-");
        Object source = v.get(type);
        String detail = source instanceof Map<?, ?> m
            ? String.valueOf(m.containsKey("secretName") ? "secret " + m.get("secretName")
                : m.containsKey("claimName") ? "claim " + m.get("claimName")
                : m.containsKey("name") ? type + " " + m.get("name") : type)
            : type;
        out.append("  ").append(v.get("name")).append(": ").append(detail).append('\n');
      }
    }
    List<Map<String, Object>> tolerations = list(o, "spec", "tolerations");
    if (!tolerations.isEmpty()) {
      StringBuilder t = new StringBuilder();
      for (Map<String, Object> tol : tolerations) {
        t.append(t.length() == 0 ? "" : ", ").append(tol.getOrDefault("key", "*"))
            .append(tol.get("effect") == null ? "" : ":" + tol.get("effect"));
      }
      field(0, "Tolerations", t.toString());
    }
  }

  private void containers(String title, List<Map<String, Object>> specs, List<Map<String, Object>> statuses) {
    if (specs.isEmpty()) {
      return;
    }
    field(0, title, "");
    for (Map<String, Object> c : specs) {
      String name = String.valueOf(c.get("name"));
      out.append("  ").append(name).append(":\n");
      field(4, "Image", string(c, "image"));
      Object command = c.get("command");
      if (command != null) {
        field(4, "Command", JsonPath.format(command));
      }
      Object args = c.get("args");
      if (args != null) {
        field(4, "Args", JsonPath.format(args));
      }
      StringBuilder ports = new StringBuilder();
      for (Map<String, Object> p : list(c, "ports")) {
        ports.append(ports.length() == 0 ? "" : ", ").append(p.get("containerPort")).append('/').append(p.getOrDefault("protocol", "TCP"));
      }
      if (ports.length() > 0) {
        field(4, "Ports", ports.toString());
      }
      for (Map<String, Object> s : statuses) {
        if (name.equals(s.get("name"))) {
          field(4, "State", state(map(s, "state")));
          Map<String, Object> last = map(s, "lastState");
          if (!last.isEmpty()) {
            field(4, "Last State", state(last));
          }
          field(4, "Ready", String.valueOf(s.get("ready")));
          field(4, "Restart Count", String.valueOf(s.getOrDefault("restartCount", 0)));
        }
      }
      pairs(4, "Requests", map(c, "resources", "requests"));
      pairs(4, "Limits", map(c, "resources", "limits"));
      List<Map<String, Object>> env = list(c, "env");
      if (!env.isEmpty()) {
        field(4, "Environment", "");
        for (Map<String, Object> e : env) {
          Object value = e.get("value");
          String from = value != null ? String.valueOf(value)
              : at(e, "valueFrom", "secretKeyRef") != null ? "<set to the key '" + string(e, "valueFrom", "secretKeyRef", "key") + "' in secret '" + string(e, "valueFrom", "secretKeyRef", "name") + "'>"
              : at(e, "valueFrom", "configMapKeyRef") != null ? "<set to the key '" + string(e, "valueFrom", "configMapKeyRef", "key") + "' of config map '" + string(e, "valueFrom", "configMapKeyRef", "name") + "'>"
              : at(e, "valueFrom", "fieldRef") != null ? "(" + string(e, "valueFrom", "fieldRef", "fieldPath") + ")"
              : "";
          out.append("      ").append(e.get("name")).append(": ").append(Texts.oneLine(from, 200)).append('\n');
        }
      }
      List<Map<String, Object>> mounts = list(c, "volumeMounts");
      if (!mounts.isEmpty()) {
        field(4, "Mounts", "");
        for (Map<String, Object> m : mounts) {
          out.append("      ").append(m.get("mountPath")).append(" from ").append(m.get("name"))
              .append(Boolean.TRUE.equals(m.get("readOnly")) ? " (ro)" : " (rw)").append('\n');
        }
      }
    }
  }

  private static String state(Map<String, Object> state) {
    if (state.isEmpty()) {
      return "-";
    }
    String which = state.keySet().iterator().next();
    Map<String, Object> detail = map(state, which);
    String s = Character.toUpperCase(which.charAt(0)) + which.substring(1);
    if (detail.get("reason") != null) {
      s += " (" + detail.get("reason") + ")";
    }
    if (detail.get("exitCode") != null) {
      s += " exit code " + detail.get("exitCode");
    }
    if (detail.get("startedAt") != null) {
      s += " since " + detail.get("startedAt");
    }
    return s;
  }

  private void workload(String kind, Map<String, Object> o) {
    pairs(0, "Selector", map(o, "spec", "selector", "matchLabels"));
    if ("DaemonSet".equals(kind)) {
      field(0, "Pods", at(o, "status", "numberReady") + " ready / " + at(o, "status", "desiredNumberScheduled") + " desired");
    } else {
      field(0, "Replicas", at(o, "spec", "replicas") + " desired | " + nz(at(o, "status", "updatedReplicas")) + " updated | "
          + nz(at(o, "status", "replicas")) + " total | " + nz(at(o, "status", "availableReplicas")) + " available | "
          + nz(at(o, "status", "unavailableReplicas")) + " unavailable");
    }
    String strategy = string(o, "spec", "strategy", "type");
    if (strategy == null) {
      strategy = string(o, "spec", "updateStrategy", "type");
    }
    field(0, "Strategy", strategy);
    containers("Pod Template Containers", list(o, "spec", "template", "spec", "containers"), List.of());
  }

  private void job(Map<String, Object> o) {
    field(0, "Completions", String.valueOf(at(o, "spec", "completions")));
    field(0, "Parallelism", String.valueOf(at(o, "spec", "parallelism")));
    field(0, "Pods Statuses", nz(at(o, "status", "active")) + " active / " + nz(at(o, "status", "succeeded")) + " succeeded / "
        + nz(at(o, "status", "failed")) + " failed");
    containers("Pod Template Containers", list(o, "spec", "template", "spec", "containers"), List.of());
  }

  private void service(Map<String, Object> o) {
    pairs(0, "Selector", map(o, "spec", "selector"));
    field(0, "Type", string(o, "spec", "type"));
    field(0, "IP", string(o, "spec", "clusterIP"));
    for (Map<String, Object> p : list(o, "spec", "ports")) {
      field(0, "Port", nz(p.get("name")) + " " + p.get("port") + "/" + p.getOrDefault("protocol", "TCP")
          + " -> " + nz(p.get("targetPort")) + (p.get("nodePort") == null ? "" : " (node port " + p.get("nodePort") + ")"));
    }
  }

  private void node(Map<String, Object> o) {
    field(0, "Unschedulable", String.valueOf(Boolean.TRUE.equals(at(o, "spec", "unschedulable"))));
    List<Map<String, Object>> taints = list(o, "spec", "taints");
    StringBuilder t = new StringBuilder();
    for (Map<String, Object> taint : taints) {
      t.append(t.length() == 0 ? "" : ", ").append(taint.get("key")).append(taint.get("value") == null ? "" : "=" + taint.get("value"))
          .append(':').append(taint.get("effect"));
    }
    field(0, "Taints", t.length() == 0 ? "<none>" : t.toString());
    StringBuilder addresses = new StringBuilder();
    for (Map<String, Object> a : list(o, "status", "addresses")) {
      addresses.append(addresses.length() == 0 ? "" : ", ").append(a.get("type")).append('=').append(a.get("address"));
    }
    field(0, "Addresses", addresses.toString());
    pairs(0, "Capacity", map(o, "status", "capacity"));
    pairs(0, "Allocatable", map(o, "status", "allocatable"));
    Map<String, Object> info = map(o, "status", "nodeInfo");
    if (!info.isEmpty()) {
      field(0, "Kubelet", string(info, "kubeletVersion"));
      field(0, "OS Image", string(info, "osImage"));
      field(0, "Runtime", string(info, "containerRuntimeVersion"));
    }
  }

  private void data(String kind, Map<String, Object> o) {
    if ("Secret".equals(kind)) {
      field(0, "Type", string(o, "type"));
    }
    Map<String, Object> data = map(o, "data");
    field(0, "Data", data.isEmpty() ? "<none>" : "");
    for (Map.Entry<String, Object> e : data.entrySet()) {
      String v = String.valueOf(e.getValue());
      // Values were masked before: a Secret's show the mask; a ConfigMap's show their size and first line.
      out.append("  ").append(e.getKey()).append(": ")
          .append("Secret".equals(kind) ? v : v.length() + " bytes" + (v.length() <= 80 && !v.contains("\n") ? " (" + v + ")" : ""))
          .append('\n');
    }
  }

  private void generic(Map<String, Object> o) {
    for (String part : List.of("spec", "status")) {
      if (o.get(part) instanceof Map<?, ?> m && !m.isEmpty()) {
        field(0, Character.toUpperCase(part.charAt(0)) + part.substring(1), "");
        out.append(indent(YamlWriter.write(m), 2));
      }
    }
  }

  private void conditions(Map<String, Object> o) {
    List<Map<String, Object>> conditions = list(o, "status", "conditions");
    if (conditions.isEmpty()) {
      return;
    }
    field(0, "Conditions", "");
    TextTable t = new TextTable(List.of("TYPE", "STATUS", "REASON", "MESSAGE"));
    for (Map<String, Object> c : conditions) {
      Texts.row(t, String.valueOf(c.get("type")), String.valueOf(c.get("status")), string(c, "reason"),
          Texts.oneLine(string(c, "message"), 160));
    }
    out.append(indent(t.render(), 2));
  }

  private void field(int indent, String label, String value) {
    if (value == null) {
      return;
    }
    String l = label + ":";
    out.append(" ".repeat(indent)).append(l);
    if (!value.isEmpty()) {
      out.append(" ".repeat(Math.max(1, LABEL_WIDTH - l.length()))).append(value);
    }
    out.append('\n');
  }

  private void pairs(int indent, String label, Map<String, Object> pairs) {
    if (pairs.isEmpty()) {
      field(indent, label, "<none>");
      return;
    }
    boolean first = true;
    for (Map.Entry<String, Object> e : pairs.entrySet()) {
      String text = e.getKey() + "=" + Texts.oneLine(String.valueOf(e.getValue()), 120);
      if (first) {
        field(indent, label, text);
        first = false;
      } else {
        out.append(" ".repeat(indent + LABEL_WIDTH)).append(text).append('\n');
      }
    }
  }

  private static String nz(Object v) {
    return v == null ? "0" : String.valueOf(v);
  }

  private static String indent(String text, int n) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        b.append(" ".repeat(n)).append(line);
      }
      b.append('\n');
    }
    String s = b.toString();
    return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
  }
}
