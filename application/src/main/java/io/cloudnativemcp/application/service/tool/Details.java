package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.list;
import static io.cloudnativemcp.domain.cluster.ObjectFields.map;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.LabelSelectors;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourceHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The parts of the detail tools: relationships between objects and diagnostics. */
final class Details {
  static final int MAX_RELATIONS = 25;
  static final int SCAN = 200;

  private Details() {}

  /** One relationship: owned by, owns, selects, uses, runs on. */
  static Map<String, Object> relation(String relation, String kind, String name, String namespace) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("relation", relation);
    r.put("kind", kind);
    r.put("name", name);
    Texts.putIfPresent(r, "namespace", namespace);
    return r;
  }

  static Map<String, Object> relationSchema() {
    return Schemas.object(
        List.of("relation", "kind", "name"),
        "relation", Schemas.string("owned by, owns, selects, uses, runs on, routes to, scales"),
        "kind", Schemas.string("Kind of the related object."),
        "name", Schemas.string("Its name."),
        "namespace", Schemas.string("Its namespace."));
  }

  /** What the object belongs to, what it owns or selects, and what it uses. Lookups that fail are skipped. */
  static List<Map<String, Object>> relationships(ClusterSession session, ApiResource type, Map<String, Object> o) {
    List<Map<String, Object>> out = new ArrayList<>();
    String ns = string(o, "metadata", "namespace");
    String uid = string(o, "metadata", "uid");
    for (Map<String, Object> ref : list(o, "metadata", "ownerReferences")) {
      out.add(relation("owned by", String.valueOf(ref.get("kind")), String.valueOf(ref.get("name")), ns));
    }
    switch (type.kind()) {
      case "Pod" -> {
        String node = string(o, "spec", "nodeName");
        if (node != null) {
          out.add(relation("runs on", "Node", node, null));
        }
        String sa = string(o, "spec", "serviceAccountName");
        if (sa != null) {
          out.add(relation("uses", "ServiceAccount", sa, ns));
        }
        for (Map<String, Object> v : list(o, "spec", "volumes")) {
          if (v.get("configMap") instanceof Map<?, ?>) {
            out.add(relation("uses", "ConfigMap", string(v, "configMap", "name"), ns));
          } else if (v.get("secret") instanceof Map<?, ?>) {
            out.add(relation("uses", "Secret", string(v, "secret", "secretName"), ns));
          } else if (v.get("persistentVolumeClaim") instanceof Map<?, ?>) {
            out.add(relation("uses", "PersistentVolumeClaim", string(v, "persistentVolumeClaim", "claimName"), ns));
          }
        }
      }
      case "Deployment" -> {
        owned(session, "replicasets", ns, uid, selector(o), out);
        selected(session, ns, selector(o), out);
      }
      case "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> selected(session, ns, selector(o), out);
      case "CronJob" -> owned(session, "jobs", ns, uid, Optional.empty(), out);
      case "Service" -> {
        Map<String, Object> sel = map(o, "spec", "selector");
        if (!sel.isEmpty()) {
          selected(session, ns, LabelSelectors.render(sel), out);
        }
      }
      case "Ingress" -> {
        for (Map<String, Object> rule : list(o, "spec", "rules")) {
          for (Map<String, Object> path : list(rule, "http", "paths")) {
            String svc = string(path, "backend", "service", "name");
            if (svc != null) {
              out.add(relation("routes to", "Service", svc, ns));
            }
          }
        }
      }
      case "Route" -> {
        String svc = string(o, "spec", "to", "name");
        if (svc != null) {
          out.add(relation("routes to", "Service", svc, ns));
        }
      }
      case "HorizontalPodAutoscaler" -> {
        String kind = string(o, "spec", "scaleTargetRef", "kind");
        String name = string(o, "spec", "scaleTargetRef", "name");
        if (kind != null && name != null) {
          out.add(relation("scales", kind, name, ns));
        }
      }
      case "PersistentVolumeClaim" -> {
        String pv = string(o, "spec", "volumeName");
        if (pv != null) {
          out.add(relation("uses", "PersistentVolume", pv, null));
        }
      }
      default -> {
        // Owners only.
      }
    }
    List<Map<String, Object>> distinct = out.stream().filter(r -> r.get("name") != null && !"null".equals(r.get("name"))).distinct().toList();
    return distinct.subList(0, Math.min(MAX_RELATIONS, distinct.size()));
  }

  private static Optional<String> selector(Map<String, Object> o) {
    return LabelSelectors.render(map(o, "spec", "selector"));
  }

  private static void owned(
      ClusterSession session, String kind, String ns, String uid, Optional<String> selector, List<Map<String, Object>> out) {
    if (uid == null || ns == null) {
      return;
    }
    try {
      for (Map<String, Object> child : session.list(new ListQuery(kind, Optional.of(ns), selector.orElse(null), null, SCAN, null)).items()) {
        for (Map<String, Object> ref : list(child, "metadata", "ownerReferences")) {
          if (uid.equals(ref.get("uid"))) {
            out.add(relation("owns", String.valueOf(child.getOrDefault("kind", kind)), string(child, "metadata", "name"), ns));
          }
        }
      }
    } catch (RuntimeException e) {
      // Relationships are context: a kind the caller may not list is left out.
    }
  }

  private static void selected(ClusterSession session, String ns, Optional<String> selector, List<Map<String, Object>> out) {
    if (selector.isEmpty() || ns == null) {
      return;
    }
    try {
      for (Map<String, Object> pod : pods(session, ns, selector.get())) {
        out.add(relation("selects", "Pod", string(pod, "metadata", "name"), ns));
      }
    } catch (RuntimeException e) {
      // As above.
    }
  }

  /** The pods a selector picks in a namespace (one page). */
  static List<Map<String, Object>> pods(ClusterSession session, String namespace, String selector) {
    return session.list(new ListQuery("pods", Optional.of(namespace), selector, null, SCAN, null)).items();
  }

  /** The pods of a workload, by its selector; empty when it has none. */
  static List<Map<String, Object>> podsOf(ClusterSession session, ApiResource type, Map<String, Object> o) {
    String ns = string(o, "metadata", "namespace");
    if (type.kind().equals("Pod")) {
      return List.of(o);
    }
    Optional<String> selector = type.kind().equals("Service") ? LabelSelectors.render(map(o, "spec", "selector")) : selector(o);
    if (type.kind().equals("CronJob") || selector.isEmpty() || ns == null) {
      return List.of();
    }
    try {
      return pods(session, ns, selector.get());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** Plain-language observations: the health verdict, conditions that are not fine, containers in trouble. */
  static List<String> diagnostics(ApiResource type, Map<String, Object> o, List<Map<String, Object>> events) {
    List<String> out = new ArrayList<>();
    ResourceHealth.problem(type.kind(), o).ifPresentOrElse(
        p -> out.add("Unhealthy: " + p),
        () -> {
          if (ResourceHealth.KINDS.contains(type.kind())) {
            out.add("No health problem found.");
          }
        });
    for (Map<String, Object> c : list(o, "status", "conditions")) {
      String t = String.valueOf(c.get("type"));
      String s = String.valueOf(c.get("status"));
      boolean pressure = t.endsWith("Pressure") || t.equals("NetworkUnavailable");
      boolean bad = pressure ? "True".equals(s) : "False".equals(s) && !t.equals("Failed") || ("Failed".equals(t) && "True".equals(s));
      if (bad) {
        out.add("Condition " + t + "=" + s + (c.get("reason") == null ? "" : " (" + c.get("reason") + ")")
            + (c.get("message") == null ? "" : ": " + Texts.oneLine(String.valueOf(c.get("message")), 200)));
      }
    }
    if (type.kind().equals("Pod")) {
      for (Map<String, Object> s : list(o, "status", "containerStatuses")) {
        Integer restarts = ObjectFields.integer(s, "restartCount");
        String lastReason = string(s, "lastState", "terminated", "reason");
        if (restarts != null && restarts > 0) {
          out.add("Container " + s.get("name") + " restarted " + restarts + " time(s)"
              + (lastReason == null ? "" : ", last termination: " + lastReason)
              + "; kubernetes_get_pod_logs with previous=true shows the last run.");
        }
      }
    }
    long warnings = events.stream().filter(e -> "Warning".equals(e.get("type"))).count();
    if (warnings > 0) {
      out.add(warnings + " recent warning event(s).");
    }
    return out.stream().filter(Objects::nonNull).distinct().toList();
  }
}
