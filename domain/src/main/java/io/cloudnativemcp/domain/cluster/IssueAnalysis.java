package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.ObjectFields.condition;
import static io.cloudnativemcp.domain.cluster.ObjectFields.integer;
import static io.cloudnativemcp.domain.cluster.ObjectFields.list;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rule-based diagnosis of four common problems. It reads the object, its pods and its recent
 * events and names what it sees and what to try next; it does not guess beyond its rules, and says
 * so when none applies.
 *
 * @param issueType the problem analysed
 * @param subject {@code Kind namespace/name}
 * @param findings what the rules found, most important first
 * @param recommendations what to do next, including which tool to call
 */
public record IssueAnalysis(String issueType, String subject, List<String> findings, List<String> recommendations) {
  public static final List<String> ISSUE_TYPES = List.of("pod_crash", "pod_pending", "deployment_unavailable", "job_failed");

  public IssueAnalysis {
    Objects.requireNonNull(issueType, "'issueType' must not be null");
    findings = List.copyOf(findings);
    recommendations = List.copyOf(recommendations);
  }

  /**
   * Analyses an issue.
   *
   * @param issueType one of {@link #ISSUE_TYPES}
   * @param kind the object's resolved kind
   * @param object the object
   * @param pods the pods that belong to it (the pod itself for pod issues)
   * @param events recent events about the object and its pods
   * @throws IllegalArgumentException for an unknown issue type or a kind the issue does not apply to
   */
  public static IssueAnalysis analyze(
      String issueType, String kind, Map<String, Object> object, List<Map<String, Object>> pods, List<Map<String, Object>> events) {
    String ns = string(object, "metadata", "namespace");
    String subject = kind + " " + (ns == null ? "" : ns + "/") + string(object, "metadata", "name");
    Builder b = new Builder();
    switch (issueType) {
      case "pod_crash" -> {
        require(kind, issueType, "Pod");
        podCrash(object, b);
      }
      case "pod_pending" -> {
        require(kind, issueType, "Pod");
        podPending(object, b);
      }
      case "deployment_unavailable" -> {
        require(kind, issueType, "Deployment", "StatefulSet", "DaemonSet", "DeploymentConfig");
        workloadUnavailable(kind, object, pods, b);
      }
      case "job_failed" -> {
        require(kind, issueType, "Job", "CronJob");
        jobFailed(object, pods, b);
      }
      default -> throw new IllegalArgumentException(
          "unknown issue type '" + issueType + "'; use " + String.join(", ", ISSUE_TYPES));
    }
    warningEvents(events, b);
    if (b.findings.isEmpty()) {
      b.finding("No rule matched: the object shows none of the known symptoms of " + issueType + ".");
      b.recommend("Read the object with kubernetes_describe_resource and its events with kubernetes_get_events.");
    }
    return new IssueAnalysis(issueType, subject, List.copyOf(b.findings), List.copyOf(b.recommendations));
  }

  private static void require(String kind, String issueType, String... kinds) {
    if (!List.of(kinds).contains(kind)) {
      throw new IllegalArgumentException(issueType + " applies to " + String.join(", ", kinds) + ", not " + kind);
    }
  }

  private static void podCrash(Map<String, Object> pod, Builder b) {
    String name = string(pod, "metadata", "name");
    String ns = string(pod, "metadata", "namespace");
    for (Map<String, Object> s : containerStatuses(pod)) {
      String container = String.valueOf(s.get("name"));
      int restarts = integer(s, "restartCount") == null ? 0 : integer(s, "restartCount");
      String waiting = string(s, "state", "waiting", "reason");
      String lastReason = string(s, "lastState", "terminated", "reason");
      Integer lastExit = integer(s, "lastState", "terminated", "exitCode");
      String termReason = string(s, "state", "terminated", "reason");
      Integer termExit = integer(s, "state", "terminated", "exitCode");
      String reason = lastReason != null ? lastReason : termReason;
      Integer exit = lastExit != null ? lastExit : termExit;
      if (waiting != null || restarts > 0 || (exit != null && exit != 0)) {
        b.finding("Container " + container + ": " + (waiting == null ? "running" : waiting) + ", " + restarts + " restart(s)"
            + (reason == null ? "" : ", last termination " + reason + (exit == null ? "" : " (exit code " + exit + ")")) + ".");
      }
      if ("OOMKilled".equals(reason)) {
        b.recommend("Container " + container + " was killed for exceeding its memory limit: raise resources.limits.memory or reduce the application's memory use.");
      } else if (exit != null && exit != 0) {
        b.recommend("Read the previous run's log: kubernetes_get_pod_logs name=" + name + " namespace=" + ns + " container=" + container + " previous=true.");
        if (exit == 137) {
          b.recommend("Exit code 137 means SIGKILL: check liveness probes and memory limits.");
        } else if (exit == 1 || exit == 2) {
          b.recommend("Exit code " + exit + " is an application error: check its configuration (env, ConfigMaps, Secrets) and command.");
        } else if (exit == 126 || exit == 127) {
          b.recommend("Exit code " + exit + " means the command was not found or not executable: check the image and the container's command/args.");
        }
      }
      if ("CreateContainerConfigError".equals(waiting)) {
        b.recommend("A referenced ConfigMap or Secret (or one of its keys) is missing: check the container's env and envFrom.");
      }
      if ("ImagePullBackOff".equals(waiting) || "ErrImagePull".equals(waiting)) {
        b.recommend("The image cannot be pulled: check the image name and tag and the pod's imagePullSecrets.");
      }
      Object liveness = container(pod, container) == null ? null : container(pod, container).get("livenessProbe");
      if (liveness != null && restarts > 0 && (exit == null || exit == 137 || exit == 143)) {
        b.recommend("Container " + container + " has a liveness probe: a failing probe restarts it; check the probe's path, port and initialDelaySeconds.");
      }
    }
  }

  private static void podPending(Map<String, Object> pod, Builder b) {
    String phase = string(pod, "status", "phase");
    if (!"Pending".equals(phase)) {
      b.finding("The pod is " + phase + ", not Pending.");
    }
    for (Map<String, Object> c : list(pod, "status", "conditions")) {
      if ("PodScheduled".equals(c.get("type")) && "False".equals(c.get("status"))) {
        String message = String.valueOf(c.getOrDefault("message", ""));
        b.finding("Not scheduled (" + c.getOrDefault("reason", "Unschedulable") + "): " + message);
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("insufficient cpu") || m.contains("insufficient memory")) {
          b.recommend("No node has enough free CPU or memory for the pod's requests: lower resources.requests, add nodes, or free capacity (kubernetes_get_resource_usage resourceType=node).");
        }
        if (m.contains("taint")) {
          b.recommend("Nodes carry taints the pod does not tolerate: add tolerations or use untainted nodes.");
        }
        if (m.contains("affinity") || m.contains("selector")) {
          b.recommend("No node matches the pod's nodeSelector or affinity: check node labels against them.");
        }
        if (m.contains("persistentvolumeclaim")) {
          b.recommend("A PersistentVolumeClaim is not bound: check it with kubernetes_get_resource kind=pvc and its StorageClass.");
        }
      }
    }
    for (Map<String, Object> s : containerStatuses(pod)) {
      String waiting = string(s, "state", "waiting", "reason");
      if (waiting != null) {
        b.finding("Container " + s.get("name") + " is waiting: " + waiting
            + (string(s, "state", "waiting", "message") == null ? "" : " (" + string(s, "state", "waiting", "message") + ")"));
        if (waiting.contains("ImagePull") || waiting.equals("ErrImagePull")) {
          b.recommend("The image cannot be pulled: check the image name and tag and the pod's imagePullSecrets.");
        } else if (waiting.equals("ContainerCreating")) {
          b.recommend("The container is still being created: volume mounts (Secrets, ConfigMaps, PVCs) often hold it up; check the pod's events.");
        }
      }
    }
    if (string(pod, "spec", "nodeName") == null && b.findings.isEmpty()) {
      b.finding("The pod has not been assigned to a node yet.");
      b.recommend("Check the scheduler's events for this pod (kubernetes_get_events fieldSelector=involvedObject.name=" + string(pod, "metadata", "name") + ").");
    }
  }

  private static void workloadUnavailable(String kind, Map<String, Object> w, List<Map<String, Object>> pods, Builder b) {
    int desired = integer(w, "spec", "replicas") == null ? 1 : integer(w, "spec", "replicas");
    int ready = integer(w, "status", "readyReplicas") == null ? 0 : integer(w, "status", "readyReplicas");
    int available = integer(w, "status", "availableReplicas") == null ? ready : integer(w, "status", "availableReplicas");
    if ("DaemonSet".equals(kind)) {
      desired = integer(w, "status", "desiredNumberScheduled") == null ? 0 : integer(w, "status", "desiredNumberScheduled");
      available = integer(w, "status", "numberAvailable") == null ? 0 : integer(w, "status", "numberAvailable");
    }
    if (desired == 0) {
      b.finding(kind + " is scaled to 0 replicas.");
      b.recommend("Scale it up with kubernetes_scale_resource if it should run.");
    } else if (available < desired) {
      b.finding(available + " of " + desired + " replicas are available.");
    }
    for (Map<String, Object> c : list(w, "status", "conditions")) {
      boolean bad = ("Available".equals(c.get("type")) && "False".equals(c.get("status")))
          || "ProgressDeadlineExceeded".equals(c.get("reason"))
          || ("ReplicaFailure".equals(c.get("type")) && "True".equals(c.get("status")));
      if (bad) {
        b.finding("Condition " + c.get("type") + "=" + c.get("status") + " (" + c.getOrDefault("reason", "") + "): " + c.getOrDefault("message", ""));
        String message = String.valueOf(c.getOrDefault("message", "")).toLowerCase(Locale.ROOT);
        if (message.contains("quota")) {
          b.recommend("A ResourceQuota refuses new pods: check kubernetes_list_resources_summary kind=resourcequotas in the namespace.");
        }
        if ("ProgressDeadlineExceeded".equals(c.get("reason"))) {
          b.recommend("The rollout is stuck: inspect the new pods below, then fix the change or roll back.");
        }
      }
    }
    int unhealthyPods = 0;
    for (Map<String, Object> pod : pods) {
      var problem = ResourceHealth.problem("Pod", pod);
      if (problem.isPresent()) {
        unhealthyPods++;
        if (unhealthyPods <= 5) {
          b.finding("Pod " + string(pod, "metadata", "name") + ": " + problem.get());
        }
      }
    }
    if (unhealthyPods > 5) {
      b.finding((unhealthyPods - 5) + " more unhealthy pod(s).");
    }
    if (unhealthyPods > 0) {
      b.recommend("Analyse one failing pod with kubernetes_analyze_issue issueType=pod_crash or pod_pending.");
    } else if (pods.isEmpty() && desired > 0) {
      b.finding("No pods match the workload's selector.");
      b.recommend("Check the ReplicaSets and events of the workload (kubernetes_describe_resource).");
    }
  }

  private static void jobFailed(Map<String, Object> job, List<Map<String, Object>> pods, Builder b) {
    for (Map<String, Object> c : list(job, "status", "conditions")) {
      if ("Failed".equals(c.get("type")) && "True".equals(c.get("status"))) {
        b.finding("Job failed: " + c.getOrDefault("reason", "") + " — " + c.getOrDefault("message", ""));
        if ("BackoffLimitExceeded".equals(c.get("reason"))) {
          b.recommend("The job's pods failed " + (integer(job, "spec", "backoffLimit") == null ? 6 : integer(job, "spec", "backoffLimit")) + "+ times: read the logs of a failed pod (previous=true) to see why.");
        } else if ("DeadlineExceeded".equals(c.get("reason"))) {
          b.recommend("The job ran longer than activeDeadlineSeconds: raise it or make the job faster.");
        }
      }
    }
    Integer failed = integer(job, "status", "failed");
    if (failed != null && failed > 0) {
      b.finding(failed + " pod(s) failed.");
    }
    if ("True".equals(condition(job, "Complete"))) {
      b.finding("The job completed successfully.");
    }
    int shown = 0;
    for (Map<String, Object> pod : pods) {
      var problem = ResourceHealth.problem("Pod", pod);
      if (problem.isPresent() && shown++ < 5) {
        b.finding("Pod " + string(pod, "metadata", "name") + ": " + problem.get());
      }
    }
  }

  private static void warningEvents(List<Map<String, Object>> events, Builder b) {
    Set<String> seen = new LinkedHashSet<>();
    for (Map<String, Object> e : events) {
      if (!"Warning".equals(e.get("type"))) {
        continue;
      }
      String line = e.get("reason") + ": " + e.get("message");
      if (seen.add(line) && seen.size() <= 5) {
        b.finding("Event " + (line.length() > 300 ? line.substring(0, 300) + "…" : line));
      }
    }
  }

  private static List<Map<String, Object>> containerStatuses(Map<String, Object> pod) {
    List<Map<String, Object>> all = new ArrayList<>(list(pod, "status", "initContainerStatuses"));
    all.addAll(list(pod, "status", "containerStatuses"));
    return all;
  }

  private static Map<String, Object> container(Map<String, Object> pod, String name) {
    for (Map<String, Object> c : list(pod, "spec", "containers")) {
      if (name.equals(c.get("name"))) {
        return c;
      }
    }
    return null;
  }

  private static final class Builder {
    final Set<String> findings = new LinkedHashSet<>();
    final Set<String> recommendations = new LinkedHashSet<>();

    void finding(String s) {
      findings.add(s);
    }

    void recommend(String s) {
      recommendations.add(s);
    }
  }
}
