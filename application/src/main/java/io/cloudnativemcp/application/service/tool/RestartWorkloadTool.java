package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.PatchType;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.cluster.Rollout;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import io.cloudnativemcp.domain.tool.ToolRisk;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** {@code kubernetes_restart_workload}: kubectl rollout restart, optionally waiting for the new pods. */
final class RestartWorkloadTool implements Tool {
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
  static final int DEFAULT_TIMEOUT = 120;
  static final int MAX_TIMEOUT = 600;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.tool(
          "kubernetes_restart_workload",
          "Restart workload",
          "Restart every pod of a Deployment, StatefulSet or DaemonSet with a rolling update, like"
              + " kubectl rollout restart (it stamps the pod template's restartedAt annotation)."
              + " With waitForReady it waits, up to timeoutSeconds, until the rollout finished,"
              + " reporting progress.",
          ToolRisk.DESTRUCTIVE,
          false,
          Changes.schema(
              "restartedAt", Schemas.string("The timestamp stamped on the pod template."),
              "rollout", Schemas.string("The rollout status at the end, when waited for."),
              "ready", Schemas.bool("Whether the rollout finished, when waited for."),
              "waitedSeconds", Schemas.integer("How long the call waited.")),
          Parameters.kind("Deployment, StatefulSet or DaemonSet."),
          ToolParameter.requiredString("name", "Workload name."),
          Parameters.requiredNamespace("Namespace of the workload."),
          ToolParameter.optionalBoolean("waitForReady", "Wait until the restarted workload is rolled out (default false).", false),
          Parameters.timeoutSeconds(DEFAULT_TIMEOUT, MAX_TIMEOUT));

  private final Cluster cluster;
  private final Poller poller;
  private final Clock clock;

  RestartWorkloadTool(Cluster cluster, Poller poller, Clock clock) {
    this.cluster = cluster;
    this.poller = poller;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public String confirmation(ToolArguments args) {
    return "Restart all pods of " + args.requiredString("kind") + " " + Texts.qualified(namespace(args).orElse(null), args.requiredString("name")) + "?";
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    ApiResource type = session.resolve(args.requiredString("kind"));
    if (!Rollout.KINDS.contains(type.kind())) {
      throw new InvalidToolArgumentException("kind", type.kind() + " cannot be restarted; use Deployment, StatefulSet or DaemonSet");
    }
    ResourceRef ref = namedObject(args);
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, Object> patch =
        Map.of("spec", Map.of("template", Map.of("metadata", Map.of("annotations", Map.of(RESTARTED_AT, now)))));
    Map<String, Object> patched = session.patch(ref, PatchType.MERGE, patch);
    Map<String, Object> result = Changes.result("restarted", type, patched, ref.name(), ref.namespace().orElse(null));
    result.put("restartedAt", now);
    StringBuilder text = new StringBuilder("Restarted " + Changes.label(type, (String) result.get("namespace"), ref.name()) + " (restartedAt " + now + ").\n");
    if (args.flag("waitForReady")) {
      Duration timeout = Duration.ofSeconds(args.intValue("timeoutSeconds", DEFAULT_TIMEOUT));
      Rollout[] last = new Rollout[1];
      Poller.Outcome outcome =
          poller.until(timeout, Duration.ofSeconds(2), call, "restart of " + ref.name(), () -> {
            last[0] = Rollout.of(type.kind(), session.get(ref));
            return last[0].failed() ? Poller.Look.failed(last[0].message())
                : last[0].done() ? Poller.Look.done(last[0].message()) : Poller.Look.waiting(last[0].message());
          });
      result.put("rollout", last[0] == null ? "not read" : last[0].message());
      result.put("ready", outcome.end() == Poller.End.DONE);
      result.put("waitedSeconds", outcome.waited().toSeconds());
      text.append(Poller.describe(outcome, "Waiting for the rollout", timeout)).append('\n');
    }
    return new ToolResult(text.toString(), result);
  }
}
