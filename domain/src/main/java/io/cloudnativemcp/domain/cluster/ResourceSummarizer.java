package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.ObjectFields.condition;
import static io.cloudnativemcp.domain.cluster.ObjectFields.integer;
import static io.cloudnativemcp.domain.cluster.ObjectFields.list;
import static io.cloudnativemcp.domain.cluster.ObjectFields.map;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Kubernetes object into a {@link ResourceSummary}, with the status an operator would
 * read from {@code kubectl get}: a crash-looping pod says {@code CrashLoopBackOff}, not
 * {@code Running}.
 */
public final class ResourceSummarizer {
  private ResourceSummarizer() {}

  /**
   * @param kind the resolved kind, such as {@code Pod}
   * @param object the object as nested maps
   * @param includeLabels whether to keep the labels
   */
  public static ResourceSummary summarize(String kind, Map<String, Object> object, boolean includeLabels) {
    String name = string(object, "metadata", "name");
    String namespace = string(object, "metadata", "namespace");
    Map<String, String> labels = null;
    if (includeLabels) {
      labels = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : map(object, "metadata", "labels").entrySet()) {
        labels.put(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    var created = ObjectFields.instant(object, "metadata", "creationTimestamp");
    String status;
    String ready = null;
    Integer restarts = null;
    String node = null;
    switch (kind) {
      case "Pod" -> {
        status = podStatus(object);
        List<Map<String, Object>> statuses = list(object, "status", "containerStatuses");
        int total = list(object, "spec", "containers").size();
        long readyCount = statuses.stream().filter(s -> Boolean.TRUE.equals(s.get("ready"))).count();
        ready = readyCount + "/" + Math.max(total, statuses.size());
        restarts = statuses.stream().mapToInt(s -> intOf(s.get("restartCount"))).sum();
        node = string(object, "spec", "nodeName");
      }
      case "Deployment", "ReplicaSet", "StatefulSet", "ReplicationController", "DeploymentConfig" -> {
        int desired = orZero(integer(object, "spec", "replicas"));
        int readyReplicas = orZero(integer(object, "status", "readyReplicas"));
        ready = readyReplicas + "/" + desired;
        status = workloadStatus(kind, object, desired, readyReplicas);
      }
      case "DaemonSet" -> {
        int desired = orZero(integer(object, "status", "desiredNumberScheduled"));
        int readyCount = orZero(integer(object, "status", "numberReady"));
        ready = readyCount + "/" + desired;
        status = readyCount >= desired ? "Ready" : "NotReady";
      }
      case "Job" -> {
        int completions = integer(object, "spec", "completions") == null ? 1 : integer(object, "spec", "completions");
        ready = orZero(integer(object, "status", "succeeded")) + "/" + completions;
        status = jobStatus(object);
      }
      case "CronJob" -> {
        boolean suspended = Boolean.TRUE.equals(ObjectFields.at(object, "spec", "suspend"));
        int active = list(object, "status", "active").size();
        status = suspended ? "Suspended" : active > 0 ? "Active(" + active + ")" : "Scheduled";
      }
      case "Node" -> {
        String readyCondition = condition(object, "Ready");
        status = "True".equals(readyCondition) ? "Ready" : readyCondition == null ? "Unknown" : "NotReady";
        if (Boolean.TRUE.equals(ObjectFields.at(object, "spec", "unschedulable"))) {
          status += ",SchedulingDisabled";
        }
      }
      case "Service" -> status = string(object, "spec", "type");
      case "Route" -> {
        String host = string(object, "spec", "host");
        String path = string(object, "spec", "path");
        status = host == null ? null : host + (path == null ? "" : path);
      }
      case "PersistentVolumeClaim" -> status = string(object, "status", "phase");
      case "Event" -> {
        status = string(object, "type");
        String reason = string(object, "reason");
        if (reason != null) {
          status = status + ":" + reason;
        }
      }
      case "ConfigMap", "Secret" -> status = map(object, "data").size() + " keys";
      default -> status = genericStatus(object);
    }
    return new ResourceSummary(name, namespace, status, ready, restarts, node, created, labels);
  }

  static String podStatus(Map<String, Object> pod) {
    if (string(pod, "metadata", "deletionTimestamp") != null) {
      return "Terminating";
    }
    for (Map<String, Object> s : list(pod, "status", "initContainerStatuses")) {
      String waiting = string(s, "state", "waiting", "reason");
      if (waiting != null && !"PodInitializing".equals(waiting)) {
        return "Init:" + waiting;
      }
      String terminated = string(s, "state", "terminated", "reason");
      if (terminated != null && !"Completed".equals(terminated)) {
        return "Init:" + terminated;
      }
    }
    String phase = string(pod, "status", "phase");
    for (Map<String, Object> s : list(pod, "status", "containerStatuses")) {
      String waiting = string(s, "state", "waiting", "reason");
      if (waiting != null) {
        return waiting;
      }
      String terminated = string(s, "state", "terminated", "reason");
      if (terminated != null) {
        return terminated; // Completed, Error, OOMKilled: what kubectl shows
      }
    }
    String reason = string(pod, "status", "reason");
    if (reason != null) {
      return reason; // Evicted, NodeLost
    }
    return phase == null ? "Unknown" : phase;
  }

  private static String workloadStatus(String kind, Map<String, Object> object, int desired, int readyReplicas) {
    if ("Deployment".equals(kind) || "DeploymentConfig".equals(kind)) {
      if ("False".equals(condition(object, "Available"))) {
        return "Unavailable";
      }
      for (Map<String, Object> c : list(object, "status", "conditions")) {
        if ("Progressing".equals(c.get("type")) && "ProgressDeadlineExceeded".equals(c.get("reason"))) {
          return "ProgressDeadlineExceeded";
        }
      }
    }
    if (desired == 0) {
      return "ScaledDown";
    }
    return readyReplicas >= desired ? "Ready" : "Progressing";
  }

  private static String jobStatus(Map<String, Object> job) {
    if ("True".equals(condition(job, "Failed"))) {
      return "Failed";
    }
    if ("True".equals(condition(job, "Complete"))) {
      return "Complete";
    }
    if (Boolean.TRUE.equals(ObjectFields.at(job, "spec", "suspend"))) {
      return "Suspended";
    }
    return "Running";
  }

  private static String genericStatus(Map<String, Object> object) {
    String phase = string(object, "status", "phase");
    if (phase != null) {
      return phase;
    }
    String readyCondition = condition(object, "Ready");
    if (readyCondition != null) {
      return "True".equals(readyCondition) ? "Ready" : "NotReady";
    }
    return null;
  }

  private static int intOf(Object v) {
    return v instanceof Number n ? n.intValue() : 0;
  }

  private static int orZero(Integer v) {
    return v == null ? 0 : v;
  }
}
