package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.list;
import static io.cloudnativemcp.domain.cluster.ObjectFields.map;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.domain.access.RestrictedResourceException;
import io.cloudnativemcp.domain.cluster.Eviction;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kubernetes_drain_node}: cordon a node and evict its pods through the eviction API, so
 * PodDisruptionBudgets are honoured: an eviction a budget refuses is retried until the timeout.
 */
final class DrainNodeTool implements Tool {
  static final int DEFAULT_TIMEOUT = 120;
  static final int MAX_TIMEOUT = 1800;
  static final String MIRROR = "kubernetes.io/config.mirror";

  private static final ToolDescriptor DESCRIPTOR =
      Specs.tool(
          "kubernetes_drain_node",
          "Drain node",
          "Prepare a node for maintenance like kubectl drain: cordon it, then evict its pods through"
              + " the eviction API so PodDisruptionBudgets are honoured (a refused eviction is retried"
              + " until timeoutSeconds), and wait until they are gone, reporting progress. DaemonSet"
              + " pods are skipped when ignoreDaemonsets (default true); pods with emptyDir data need"
              + " deleteEmptyDir; pods no controller manages are refused, as they would not come back."
              + " Cancelling the call stops it; the node stays cordoned.",
          ToolRisk.DESTRUCTIVE,
          false,
          Changes.schema(
              "evicted", Schemas.stringArray("Pods evicted (namespace/name)."),
              "skipped", Schemas.stringArray("Pods left alone and why."),
              "remaining", Schemas.stringArray("Pods still on the node at the end."),
              "blocked", Schemas.stringArray("Pods whose eviction a disruption budget kept refusing."),
              "outcome", Schemas.string("drained, timed_out, cancelled or refused.")),
          ToolParameter.requiredString("name", "Node name."),
          ToolParameter.optionalBoolean("deleteEmptyDir", "Evict pods that use emptyDir volumes (their data is lost). Default false.", false),
          ToolParameter.optionalBoolean("ignoreDaemonsets", "Skip DaemonSet pods (they would be recreated at once). Default true.", true),
          ToolParameter.optionalInteger("gracePeriodSeconds", "Grace period for each pod; omit for the pod's own.", 0, 3600),
          Parameters.timeoutSeconds(DEFAULT_TIMEOUT, MAX_TIMEOUT));

  private final Cluster cluster;
  private final Poller poller;

  DrainNodeTool(Cluster cluster, Poller poller) {
    this.cluster = cluster;
    this.poller = poller;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Optional<String> namespace(ToolArguments arguments) {
    return Optional.empty();
  }

  @Override
  public String confirmation(ToolArguments args) {
    return "Drain node " + args.requiredString("name") + ": cordon it and evict its pods?";
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    String nodeName = args.requiredString("name");
    ResourceRef nodeRef = new ResourceRef("nodes", nodeName, Optional.empty());
    Map<String, Object> node = session.get(nodeRef);
    boolean ignoreDaemonsets = args.flag("ignoreDaemonsets");
    boolean deleteEmptyDir = args.flag("deleteEmptyDir");
    Optional<Long> grace = args.integer("gracePeriodSeconds");
    Duration timeout = Duration.ofSeconds(args.intValue("timeoutSeconds", DEFAULT_TIMEOUT));

    List<Map<String, Object>> all = podsOn(session, nodeName);
    long outOfBounds = all.stream().filter(p -> !session.served(p)).count();
    if (outOfBounds > 0) {
      // Draining would evict what this server may not touch; say how many, not which.
      throw new RestrictedResourceException(
          outOfBounds + " pod(s) on node " + nodeName + " are in namespaces this server does not serve"
              + " (kubernetes.namespaces); the node cannot be drained through it.");
    }
    List<Map<String, Object>> pods = all;
    List<Map<String, Object>> toEvict = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    for (Map<String, Object> pod : pods) {
      String id = id(pod);
      String phase = string(pod, "status", "phase");
      if (map(pod, "metadata", "annotations").containsKey(MIRROR)) {
        skipped.add(id + " (static pod)");
      } else if (ownedBy(pod, "DaemonSet")) {
        if (ignoreDaemonsets) {
          skipped.add(id + " (DaemonSet)");
        } else {
          refusals.add(id + " is managed by a DaemonSet (set ignoreDaemonsets=true)");
        }
      } else if (controller(pod).isEmpty() && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
        refusals.add(id + " is not managed by a controller and would not come back");
      } else if (usesEmptyDir(pod) && !deleteEmptyDir) {
        refusals.add(id + " uses emptyDir data (set deleteEmptyDir=true to lose it)");
      } else {
        toEvict.add(pod);
      }
    }
    Map<String, Object> result = Changes.result("drained", session.resolve("nodes"), null, nodeName, null);
    result.put("skipped", skipped);
    if (!refusals.isEmpty()) {
      result.put("action", "refused");
      result.put("outcome", "refused");
      result.put("evicted", List.of());
      result.put("remaining", pods.stream().map(DrainNodeTool::id).toList());
      result.put("blocked", List.of());
      return new ToolResult(
          "Not drained: nothing was changed because:\n- " + String.join("\n- ", refusals) + "\n", result);
    }

    boolean wasCordoned = Boolean.TRUE.equals(ObjectFields.at(node, "spec", "unschedulable"));
    if (!wasCordoned) {
      NodeScheduling.setUnschedulable(session, nodeRef, true);
    }
    Set<String> pending = new LinkedHashSet<>();
    Map<String, String> uids = new LinkedHashMap<>();
    toEvict.forEach(p -> {
      pending.add(id(p));
      uids.put(id(p), string(p, "metadata", "uid"));
    });
    Set<String> evicted = new LinkedHashSet<>();
    Set<String> blocked = new LinkedHashSet<>();
    Set<String> gone = new LinkedHashSet<>();
    int total = toEvict.size();
    Poller.Outcome outcome =
        poller.until(timeout, Duration.ofSeconds(2), call, "draining " + nodeName, () -> {
          for (String id : List.copyOf(pending)) {
            if (call.cancelled()) {
              break;
            }
            String[] parts = id.split("/", 2);
            if (!evicted.contains(id)) {
              Eviction e = session.evict(parts[0], parts[1], grace);
              switch (e.outcome()) {
                case EVICTED -> {
                  evicted.add(id);
                  blocked.remove(id);
                }
                case ALREADY_GONE -> {
                  evicted.add(id);
                  gone.add(id);
                  pending.remove(id);
                }
                case BLOCKED_BY_DISRUPTION_BUDGET -> blocked.add(id);
              }
            }
            if (evicted.contains(id) && !gone.contains(id)) {
              Optional<Map<String, Object>> now = session.find(new ResourceRef("pods", parts[1], Optional.of(parts[0])));
              if (now.isEmpty() || !String.valueOf(uids.get(id)).equals(string(now.get(), "metadata", "uid"))) {
                gone.add(id);
                pending.remove(id);
              }
            }
          }
          String detail = gone.size() + "/" + total + " pods gone, " + evicted.size() + " evicted"
              + (blocked.isEmpty() ? "" : ", " + blocked.size() + " blocked by disruption budgets");
          return pending.isEmpty() ? Poller.Look.done(detail) : Poller.Look.waiting(detail);
        });
    result.put("evicted", List.copyOf(evicted));
    result.put("remaining", List.copyOf(pending));
    result.put("blocked", List.copyOf(blocked));
    String end = switch (outcome.end()) {
      case DONE -> "drained";
      case TIMED_OUT -> "timed_out";
      case CANCELLED -> "cancelled";
      case FAILED -> "failed";
    };
    result.put("outcome", end);
    if (outcome.end() != Poller.End.DONE) {
      result.put("action", "partially drained");
    }
    StringBuilder text = new StringBuilder("Node ").append(nodeName).append(wasCordoned ? " was already cordoned" : " cordoned").append(". ");
    text.append(Poller.describe(outcome, "Draining", timeout)).append('\n');
    text.append("evicted: ").append(evicted.isEmpty() ? "none" : String.join(", ", evicted)).append('\n');
    if (!skipped.isEmpty()) {
      text.append("skipped: ").append(String.join(", ", skipped)).append('\n');
    }
    if (!pending.isEmpty()) {
      text.append("still on the node: ").append(String.join(", ", pending)).append('\n');
    }
    if (!blocked.isEmpty()) {
      text.append("blocked by PodDisruptionBudgets: ").append(String.join(", ", blocked))
          .append(" (their budgets allow no more disruption now; retry later or scale the workloads up)\n");
    }
    return new ToolResult(text.toString(), result);
  }

  private static List<Map<String, Object>> podsOn(ClusterSession session, String node) {
    List<Map<String, Object>> pods = new ArrayList<>();
    String token = null;
    do {
      ResourcePage page = session.listUnfiltered(new ListQuery("pods", Optional.empty(), null, "spec.nodeName=" + node, 500, token));
      for (Map<String, Object> p : page.items()) {
        // Filter here too: the field selector is the API server's, and proxies may drop it.
        if (node.equals(string(p, "spec", "nodeName"))) {
          pods.add(p);
        }
      }
      token = page.continueToken();
    } while (token != null && pods.size() < 10_000);
    return pods;
  }

  private static String id(Map<String, Object> pod) {
    return string(pod, "metadata", "namespace") + "/" + string(pod, "metadata", "name");
  }

  private static Optional<Map<String, Object>> controller(Map<String, Object> pod) {
    return list(pod, "metadata", "ownerReferences").stream().filter(r -> Boolean.TRUE.equals(r.get("controller"))).findFirst();
  }

  private static boolean ownedBy(Map<String, Object> pod, String kind) {
    return controller(pod).map(r -> kind.equals(r.get("kind"))).orElse(false);
  }

  private static boolean usesEmptyDir(Map<String, Object> pod) {
    return list(pod, "spec", "volumes").stream().anyMatch(v -> v.get("emptyDir") != null);
  }
}
