package io.cloudnativemcp.domain.cluster;

import static io.cloudnativemcp.domain.cluster.ObjectFields.condition;
import static io.cloudnativemcp.domain.cluster.ObjectFields.integer;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What {@code kubernetes_wait_for_resource} waits for, and how each kind satisfies it. */
public enum WaitCondition {
  READY,
  AVAILABLE,
  COMPLETE,
  EXISTS,
  DELETED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(WaitCondition::wireName).toList();
  }

  public static WaitCondition fromWireName(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown condition '" + name + "'; use " + String.join(", ", wireNames()), e);
    }
  }

  /** Where a wait stands after one look at the object. */
  public enum Phase {
    SATISFIED,
    WAITING,
    /** The condition can no longer be reached (a failed Job, a failed Pod). */
    FAILED
  }

  /** One look: the phase and what was seen. */
  public record State(Phase phase, String detail) {}

  /**
   * Judges the object as it is now.
   *
   * @param kind the resolved kind
   * @param object the object, or empty when it does not exist
   */
  public State check(String kind, Optional<Map<String, Object>> object) {
    if (this == DELETED) {
      return object.isEmpty() ? new State(Phase.SATISFIED, "deleted") : new State(Phase.WAITING, "still exists");
    }
    if (object.isEmpty()) {
      return new State(Phase.WAITING, "does not exist yet");
    }
    Map<String, Object> o = object.get();
    if (this == EXISTS) {
      return new State(Phase.SATISFIED, "exists");
    }
    if ("Pod".equals(kind) && "Failed".equals(string(o, "status", "phase"))) {
      return new State(Phase.FAILED, "the pod failed");
    }
    if ("Job".equals(kind) && "True".equals(condition(o, "Failed"))) {
      return new State(Phase.FAILED, "the job failed");
    }
    return switch (this) {
      case READY -> ready(kind, o);
      case AVAILABLE -> available(kind, o);
      case COMPLETE -> complete(kind, o);
      default -> throw new IllegalStateException();
    };
  }

  private static State ready(String kind, Map<String, Object> o) {
    switch (kind) {
      case "Deployment", "StatefulSet", "ReplicaSet", "DeploymentConfig" -> {
        return replicas(o, "readyReplicas", "ready");
      }
      case "DaemonSet" -> {
        int desired = zero(integer(o, "status", "desiredNumberScheduled"));
        int ready = zero(integer(o, "status", "numberReady"));
        return ready >= desired
            ? new State(Phase.SATISFIED, ready + "/" + desired + " pods ready")
            : new State(Phase.WAITING, ready + "/" + desired + " pods ready");
      }
      case "Job" -> {
        return complete(kind, o);
      }
      case "PersistentVolumeClaim" -> {
        String phase = string(o, "status", "phase");
        return "Bound".equals(phase) ? new State(Phase.SATISFIED, "Bound") : new State(Phase.WAITING, String.valueOf(phase));
      }
      default -> {
        String ready = condition(o, "Ready");
        if (ready != null) {
          return "True".equals(ready) ? new State(Phase.SATISFIED, "Ready=True") : new State(Phase.WAITING, "Ready=" + ready);
        }
        if ("Pod".equals(kind) || "Node".equals(kind)) {
          return new State(Phase.WAITING, "no Ready condition yet");
        }
        return new State(Phase.SATISFIED, "exists (the kind reports no readiness)");
      }
    }
  }

  private static State available(String kind, Map<String, Object> o) {
    String available = condition(o, "Available");
    if (available != null) {
      return "True".equals(available)
          ? new State(Phase.SATISFIED, "Available=True")
          : new State(Phase.WAITING, "Available=" + available);
    }
    if (kind.equals("Deployment") || kind.equals("StatefulSet") || kind.equals("ReplicaSet")) {
      return replicas(o, "availableReplicas", "available");
    }
    return ready(kind, o);
  }

  private static State complete(String kind, Map<String, Object> o) {
    if ("Job".equals(kind)) {
      return "True".equals(condition(o, "Complete"))
          ? new State(Phase.SATISFIED, "Complete=True")
          : new State(Phase.WAITING, zero(integer(o, "status", "succeeded")) + " succeeded, " + zero(integer(o, "status", "active")) + " active");
    }
    if ("Pod".equals(kind)) {
      String phase = string(o, "status", "phase");
      return "Succeeded".equals(phase) ? new State(Phase.SATISFIED, "Succeeded") : new State(Phase.WAITING, String.valueOf(phase));
    }
    if (Rollout.KINDS.contains(kind)) {
      Rollout r = Rollout.of(kind, o);
      return new State(r.failed() ? Phase.FAILED : r.done() ? Phase.SATISFIED : Phase.WAITING, r.message());
    }
    return ready(kind, o);
  }

  private static State replicas(Map<String, Object> o, String field, String word) {
    int desired = integer(o, "spec", "replicas") == null ? 1 : integer(o, "spec", "replicas");
    int have = zero(integer(o, "status", field));
    String detail = have + "/" + desired + " replicas " + word;
    return have >= desired ? new State(Phase.SATISFIED, detail) : new State(Phase.WAITING, detail);
  }

  private static int zero(Integer v) {
    return v == null ? 0 : v;
  }
}
