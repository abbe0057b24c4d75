package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.ObjectFields.at;
import static io.cloudnativemcp.domain.cluster.ObjectFields.integer;
import static io.cloudnativemcp.domain.cluster.ObjectFields.list;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a workload's rollout, judged as {@code kubectl rollout status} does.
 *
 * @param done whether the rollout finished
 * @param failed whether it cannot finish without help (progress deadline exceeded)
 * @param message what kubectl would print
 */
public record Rollout(boolean done, boolean failed, String message) {
  public static final List<String> KINDS = List.of("Deployment", "StatefulSet", "DaemonSet");

  public Rollout {
    Objects.requireNonNull(message, "'message' must not be null");
  }

  /**
   * @throws IllegalArgumentException for a kind without rollouts
   */
  public static Rollout of(String kind, Map<String, Object> object) {
    String name = string(object, "metadata", "name");
    long generation = number(at(object, "metadata", "generation"));
    long observed = number(at(object, "status", "observedGeneration"));
    boolean specObserved = generation == 0 || observed >= generation;
    return switch (kind) {
      case "Deployment" -> deployment(name, object, specObserved);
      case "StatefulSet" -> statefulSet(name, object, specObserved);
      case "DaemonSet" -> daemonSet(name, object, specObserved);
      default -> throw new IllegalArgumentException(
          "rollout status applies to Deployment, StatefulSet and DaemonSet, not " + kind);
    };
  }

  private static Rollout deployment(String name, Map<String, Object> d, boolean specObserved) {
    if (!specObserved) {
      return waiting("Waiting for deployment spec update to be observed...");
    }
    for (Map<String, Object> c : list(d, "status", "conditions")) {
      if ("Progressing".equals(c.get("type")) && "ProgressDeadlineExceeded".equals(c.get("reason"))) {
        return new Rollout(false, true, "deployment \"" + name + "\" exceeded its progress deadline");
      }
    }
    int replicas = integer(d, "spec", "replicas") == null ? 1 : integer(d, "spec", "replicas");
    int updated = zero(integer(d, "status", "updatedReplicas"));
    int current = zero(integer(d, "status", "replicas"));
    int available = zero(integer(d, "status", "availableReplicas"));
    if (updated < replicas) {
      return waiting(
          "Waiting for deployment \"" + name + "\" rollout to finish: " + updated + " out of " + replicas
              + " new replicas have been updated...");
    }
    if (current > updated) {
      return waiting(
          "Waiting for deployment \"" + name + "\" rollout to finish: " + (current - updated)
              + " old replicas are pending termination...");
    }
    if (available < updated) {
      return waiting(
          "Waiting for deployment \"" + name + "\" rollout to finish: " + available + " of " + updated
              + " updated replicas are available...");
    }
    return new Rollout(true, false, "deployment \"" + name + "\" successfully rolled out");
  }

  private static Rollout statefulSet(String name, Map<String, Object> s, boolean specObserved) {
    if ("OnDelete".equals(string(s, "spec", "updateStrategy", "type"))) {
      return new Rollout(true, false, "statefulset \"" + name + "\" uses the OnDelete strategy: rollout status is not tracked");
    }
    if (!specObserved) {
      return waiting("Waiting for statefulset spec update to be observed...");
    }
    int replicas = integer(s, "spec", "replicas") == null ? 1 : integer(s, "spec", "replicas");
    int ready = zero(integer(s, "status", "readyReplicas"));
    if (ready < replicas) {
      return waiting("Waiting for " + (replicas - ready) + " pods to be ready...");
    }
    Integer partition = integer(s, "spec", "updateStrategy", "rollingUpdate", "partition");
    int updated = zero(integer(s, "status", "updatedReplicas"));
    if (partition != null && partition > 0) {
      int expected = replicas - partition;
      if (updated < expected) {
        return waiting("Waiting for partitioned roll out to finish: " + updated + " out of " + expected + " new pods have been updated...");
      }
      return new Rollout(true, false, "partitioned roll out complete: " + updated + " new pods have been updated...");
    }
    String currentRevision = string(s, "status", "currentRevision");
    String updateRevision = string(s, "status", "updateRevision");
    if (updateRevision != null && !updateRevision.equals(currentRevision)) {
      return waiting("waiting for statefulset rolling update to complete " + updated + " pods at revision " + updateRevision + "...");
    }
    return new Rollout(true, false, "statefulset rolling update complete " + ready + " pods at revision " + (currentRevision == null ? "-" : currentRevision) + "...");
  }

  private static Rollout daemonSet(String name, Map<String, Object> ds, boolean specObserved) {
    if ("OnDelete".equals(string(ds, "spec", "updateStrategy", "type"))) {
      return new Rollout(true, false, "daemon set \"" + name + "\" uses the OnDelete strategy: rollout status is not tracked");
    }
    if (!specObserved) {
      return waiting("Waiting for daemon set spec update to be observed...");
    }
    int desired = zero(integer(ds, "status", "desiredNumberScheduled"));
    int updated = zero(integer(ds, "status", "updatedNumberScheduled"));
    int available = zero(integer(ds, "status", "numberAvailable"));
    if (updated < desired) {
      return waiting("Waiting for daemon set \"" + name + "\" rollout to finish: " + updated + " out of " + desired + " new pods have been updated...");
    }
    if (available < desired) {
      return waiting("Waiting for daemon set \"" + name + "\" rollout to finish: " + available + " of " + desired + " updated pods are available...");
    }
    return new Rollout(true, false, "daemon set \"" + name + "\" successfully rolled out");
  }

  private static Rollout waiting(String message) {
    return new Rollout(false, false, message);
  }

  private static long number(Object v) {
    return v instanceof Number n ? n.longValue() : 0;
  }

  private static int zero(Integer v) {
    return v == null ? 0 : v;
  }
}
