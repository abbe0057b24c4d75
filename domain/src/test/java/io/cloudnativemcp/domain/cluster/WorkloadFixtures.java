package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;

import java.util.List;
import java.util.Map;

/** Deployments, jobs, nodes and events as nested maps. */
public final class WorkloadFixtures {
  private WorkloadFixtures() {}

  /** A Deployment whose Available condition is True. */
  public static Map<String, Object> deployment(String name, String namespace, int desired, int ready) {
    return deployment(
        name,
        namespace,
        desired,
        ready,
        List.of(
            condition("Available", "True", "MinimumReplicasAvailable"),
            condition("Progressing", "True", "NewReplicaSetAvailable")));
  }

  /** A Deployment whose Available condition is False. */
  public static Map<String, Object> unavailableDeployment(String name, String namespace, int desired) {
    return deployment(
        name,
        namespace,
        desired,
        0,
        List.of(
            condition("Available", "False", "MinimumReplicasUnavailable"),
            condition("Progressing", "True", "ReplicaSetUpdated")));
  }

  /** A Deployment whose rollout is stuck. */
  public static Map<String, Object> stuckDeployment(String name, String namespace, int desired, int ready) {
    return deployment(
        name,
        namespace,
        desired,
        ready,
        List.of(
            condition("Available", "True", "MinimumReplicasAvailable"),
            condition("Progressing", "False", "ProgressDeadlineExceeded")));
  }

  public static Map<String, Object> node(String name, boolean ready, boolean unschedulable) {
    return map(
        "apiVersion", "v1",
        "kind", "Node",
        "metadata", map("name", name, "creationTimestamp", PodFixtures.CREATED.toString()),
        "spec", map("unschedulable", unschedulable),
        "status",
            map(
                "conditions",
                List.of(
                    condition("MemoryPressure", "False", "KubeletHasSufficientMemory"),
                    condition("Ready", ready ? "True" : "False", ready ? "KubeletReady" : "KubeletNotReady"))));
  }

  public static Map<String, Object> completedJob(String name, String namespace) {
    return job(name, namespace, 1, 0, List.of(condition("Complete", "True", null)));
  }

  public static Map<String, Object> failedJob(String name, String namespace) {
    return job(name, namespace, 0, 1, List.of(condition("Failed", "True", "BackoffLimitExceeded")));
  }

  public static Map<String, Object> runningJob(String name, String namespace) {
    return job(name, namespace, 0, 0, List.of());
  }

  /**
   * A core/v1 Event about {@code kind/name}.
   *
   * @param lastTimestamp ISO instant, or null for events that only carry {@code eventTime}
   */
  public static Map<String, Object> event(
      String namespace, String type, String reason, String kind, String name, String message, String lastTimestamp) {
    return map(
        "apiVersion", "v1",
        "kind", "Event",
        "metadata", map("name", name + "." + Integer.toHexString((reason + lastTimestamp).hashCode()), "namespace", namespace),
        "type", type,
        "reason", reason,
        "message", message,
        "involvedObject", map("kind", kind, "name", name, "namespace", namespace),
        "count", 1,
        "lastTimestamp", lastTimestamp);
  }

  private static Map<String, Object> deployment(
      String name, String namespace, int desired, int ready, List<Map<String, Object>> conditions) {
    return map(
        "apiVersion", "apps/v1",
        "kind", "Deployment",
        "metadata", map("name", name, "namespace", namespace, "creationTimestamp", PodFixtures.CREATED.toString()),
        "spec", map("replicas", desired),
        "status", map("replicas", desired, "readyReplicas", ready, "conditions", conditions));
  }

  private static Map<String, Object> job(
      String name, String namespace, int succeeded, int failed, List<Map<String, Object>> conditions) {
    return map(
        "apiVersion", "batch/v1",
        "kind", "Job",
        "metadata", map("name", name, "namespace", namespace, "creationTimestamp", PodFixtures.CREATED.toString()),
        "spec", map("completions", 1, "backoffLimit", 0),
        "status", map("succeeded", succeeded, "failed", failed, "conditions", conditions));
  }

  private static Map<String, Object> condition(String type, String status, String reason) {
    return map("type", type, "status", status, "reason", reason);
  }
}
