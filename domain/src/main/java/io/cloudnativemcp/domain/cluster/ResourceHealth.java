package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.ObjectFields.condition;
import static io.cloudnativemcp.domain.cluster.ObjectFields.integer;
import static io.cloudnativemcp.domain.cluster.ObjectFields.list;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules that say whether an object is unhealthy and why, in the words an operator would use:
 * {@code CrashLoopBackOff (7 restarts)}, {@code 1/3 replicas available}, {@code BackoffLimitExceeded}.
 */
public final class ResourceHealth {
  /** The kinds the rules know, in the order a scan reports them. */
  public static final List<String> KINDS =
      List.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Node", "PersistentVolumeClaim");

  /** Restarts above which a running pod is reported as restarting too often. */
  public static final int RESTART_THRESHOLD = 5;

  private static final Set<String> BAD_WAITING =
      Set.of(
          "CrashLoopBackOff",
          "ImagePullBackOff",
          "ErrImagePull",
          "InvalidImageName",
          "CreateContainerConfigError",
          "CreateContainerError",
          "RunContainerError",
          "ContainerCannotRun");

  private ResourceHealth() {}

  /** The problem of an object, or empty when it looks healthy (or its kind has no rules). */
  public static Optional<String> problem(String kind, Map<String, Object> object) {
    return Optional.ofNullable(
        switch (kind) {
          case "Pod" -> pod(object);
          case "Deployment", "DeploymentConfig" -> deployment(object);
          case "StatefulSet", "ReplicaSet", "ReplicationController" -> replicas(object);
          case "DaemonSet" -> daemonSet(object);
          case "Job" -> job(object);
          case "Node" -> node(object);
          case "PersistentVolumeClaim" -> pvc(object);
          default -> null;
        });
  }

  static String pod(Map<String, Object> pod) {
    String phase = string(pod, "status", "phase");
    if ("Succeeded".equals(phase)) {
      return null;
    }
    String reason = string(pod, "status", "reason");
    if ("Failed".equals(phase)) {
      return "Failed" + (reason == null ? "" : " (" + reason + ")");
    }
    for (String key : List.of("initContainerStatuses", "containerStatuses")) {
      for (Map<String, Object> s : list(pod, "status", key)) {
        String waiting = string(s, "state", "waiting", "reason");
        int restarts = ObjectFields.integer(s, "restartCount") == null ? 0 : ObjectFields.integer(s, "restartCount");
        if (waiting != null && BAD_WAITING.contains(waiting)) {
          return waiting + " (container " + s.get("name") + (restarts > 0 ? ", " + restarts + " restarts" : "") + ")";
        }
        String terminated = string(s, "state", "terminated", "reason");
        Integer exit = integer(s, "state", "terminated", "exitCode");
        if (terminated != null && exit != null && exit != 0) {
          return terminated + " (container " + s.get("name") + ", exit code " + exit + ")";
        }
      }
    }
    if ("Pending".equals(phase)) {
      String scheduled = condition(pod, "PodScheduled");
      if ("False".equals(scheduled)) {
        return "Pending: unschedulable";
      }
      return "Pending";
    }
    if ("Unknown".equals(phase)) {
      return "Unknown (node lost?)";
    }
    if ("Running".equals(phase)) {
      int restarts = 0;
      boolean allReady = true;
      for (Map<String, Object> s : list(pod, "status", "containerStatuses")) {
        restarts += ObjectFields.integer(s, "restartCount") == null ? 0 : ObjectFields.integer(s, "restartCount");
        allReady &= Boolean.TRUE.equals(s.get("ready"));
      }
      if (!allReady && !list(pod, "status", "containerStatuses").isEmpty()) {
        return "NotReady" + (restarts > 0 ? " (" + restarts + " restarts)" : "");
      }
      if (restarts > RESTART_THRESHOLD) {
        return "Restarting (" + restarts + " restarts)";
      }
    }
    return null;
  }

  static String deployment(Map<String, Object> d) {
    int desired = orDefault(integer(d, "spec", "replicas"), 1);
    for (Map<String, Object> c : list(d, "status", "conditions")) {
      if ("Progressing".equals(c.get("type")) && "ProgressDeadlineExceeded".equals(c.get("reason"))) {
        return "ProgressDeadlineExceeded";
      }
      if ("ReplicaFailure".equals(c.get("type")) && "True".equals(c.get("status"))) {
        return "ReplicaFailure: " + c.getOrDefault("message", c.get("reason"));
      }
    }
    Integer availableField = integer(d, "status", "availableReplicas");
    int available = availableField != null ? availableField : orDefault(integer(d, "status", "readyReplicas"), 0);
    if (desired > 0 && available < desired) {
      return available + "/" + desired + " replicas available";
    }
    if ("False".equals(condition(d, "Available"))) {
      return "Unavailable";
    }
    return null;
  }

  static String replicas(Map<String, Object> o) {
    int desired = orDefault(integer(o, "spec", "replicas"), 1);
    int ready = orDefault(integer(o, "status", "readyReplicas"), 0);
    return desired > 0 && ready < desired ? ready + "/" + desired + " replicas ready" : null;
  }

  static String daemonSet(Map<String, Object> ds) {
    int desired = orDefault(integer(ds, "status", "desiredNumberScheduled"), 0);
    int ready = orDefault(integer(ds, "status", "numberReady"), 0);
    int misscheduled = orDefault(integer(ds, "status", "numberMisscheduled"), 0);
    if (ready < desired) {
      return ready + "/" + desired + " pods ready";
    }
    return misscheduled > 0 ? misscheduled + " pods misscheduled" : null;
  }

  static String job(Map<String, Object> job) {
    for (Map<String, Object> c : list(job, "status", "conditions")) {
      if ("Failed".equals(c.get("type")) && "True".equals(c.get("status"))) {
        Object reason = c.get("reason");
        return "Failed" + (reason == null ? "" : " (" + reason + ")");
      }
    }
    int failed = orDefault(integer(job, "status", "failed"), 0);
    if (failed > 0 && !"True".equals(condition(job, "Complete"))) {
      return failed + " failed pod(s)";
    }
    return null;
  }

  static String node(Map<String, Object> node) {
    String ready = condition(node, "Ready");
    if (!"True".equals(ready)) {
      return ready == null ? "Ready condition unknown" : "NotReady";
    }
    for (String pressure : List.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable")) {
      if ("True".equals(condition(node, pressure))) {
        return pressure;
      }
    }
    return null;
  }

  static String pvc(Map<String, Object> pvc) {
    String phase = string(pvc, "status", "phase");
    return phase == null || "Bound".equals(phase) ? null : phase;
  }

  private static int orDefault(Integer v, int fallback) {
    return v == null ? fallback : v;
  }
}
