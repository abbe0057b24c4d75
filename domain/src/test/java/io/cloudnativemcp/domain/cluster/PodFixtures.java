package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.JsonMaps.map;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Pods as the API server returns them (nested maps), in the states an operator meets. */
public final class PodFixtures {
  /** When every fixture pod was created. */
  public static final Instant CREATED = Instant.parse("2026-01-10T12:00:00Z");

  private PodFixtures() {}

  /** One ready container, no restarts. */
  public static Map<String, Object> runningPod(String name, String namespace, String node) {
    return pod(
        name,
        namespace,
        node,
        "Running",
        List.of(container("app")),
        List.of(containerStatus("app", true, 0, map("running", map("startedAt", CREATED.toString())))));
  }

  /** Phase Running, but the only container waits in CrashLoopBackOff. */
  public static Map<String, Object> crashLoopingPod(String name, String namespace, String node, int restarts) {
    return pod(
        name,
        namespace,
        node,
        "Running",
        List.of(container("app")),
        List.of(
            containerStatus(
                "app",
                false,
                restarts,
                map("waiting", map("reason", "CrashLoopBackOff", "message", "back-off 5m0s restarting failed container")))));
  }

  /** Pending: an init container cannot start, for example with {@code ErrImagePull}. */
  public static Map<String, Object> initFailingPod(String name, String namespace, String node, String reason) {
    Map<String, Object> pod =
        pod(
            name,
            namespace,
            node,
            "Pending",
            List.of(container("app")),
            List.of(containerStatus("app", false, 0, map("waiting", map("reason", "PodInitializing")))));
    status(pod)
        .put(
            "initContainerStatuses",
            List.of(containerStatus("init-db", false, 0, map("waiting", map("reason", reason)))));
    return pod;
  }

  /** A running pod that is being deleted. */
  public static Map<String, Object> terminatingPod(String name, String namespace, String node) {
    Map<String, Object> pod = runningPod(name, namespace, node);
    metadata(pod).put("deletionTimestamp", CREATED.plusSeconds(3600).toString());
    return pod;
  }

  /** Failed because the kubelet evicted it (for example under disk pressure). */
  public static Map<String, Object> evictedPod(String name, String namespace, String node) {
    Map<String, Object> pod = pod(name, namespace, node, "Failed", List.of(container("app")), List.of());
    status(pod).put("reason", "Evicted");
    status(pod).put("message", "The node was low on resource: ephemeral-storage.");
    return pod;
  }

  /** An app container and a sidecar, each with its own readiness and restart count. */
  public static Map<String, Object> podWithSidecar(
      String name,
      String namespace,
      String node,
      boolean appReady,
      int appRestarts,
      boolean sidecarReady,
      int sidecarRestarts) {
    return pod(
        name,
        namespace,
        node,
        "Running",
        List.of(container("app"), container("sidecar")),
        List.of(
            containerStatus("app", appReady, appRestarts, map("running", map())),
            containerStatus("sidecar", sidecarReady, sidecarRestarts, map("running", map()))));
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> metadata(Map<String, Object> object) {
    return (Map<String, Object>) object.get("metadata");
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> status(Map<String, Object> object) {
    return (Map<String, Object>) object.get("status");
  }

  private static Map<String, Object> pod(
      String name,
      String namespace,
      String node,
      String phase,
      List<Map<String, Object>> containers,
      List<Map<String, Object>> statuses) {
    return map(
        "apiVersion", "v1",
        "kind", "Pod",
        "metadata",
            map(
                "name", name,
                "namespace", namespace,
                "creationTimestamp", CREATED.toString(),
                "labels", map("app", name.replaceAll("-[^-]*$", ""))),
        "spec", map("nodeName", node, "containers", containers),
        "status", map("phase", phase, "containerStatuses", statuses));
  }

  private static Map<String, Object> container(String name) {
    return map("name", name, "image", "registry.example.com/" + name + ":1.0");
  }

  private static Map<String, Object> containerStatus(
      String name, boolean ready, int restarts, Map<String, Object> state) {
    return map("name", name, "ready", ready, "restartCount", restarts, "state", state);
  }
}
