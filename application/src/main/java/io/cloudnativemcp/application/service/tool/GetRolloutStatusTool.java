package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.cluster.Rollout;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_get_rollout_status}: kubectl rollout status, now or after waiting. */
final class GetRolloutStatusTool implements Tool {
  static final int MAX_WAIT = 600;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_rollout_status",
          "Rollout status",
          "The rollout status of a Deployment, StatefulSet or DaemonSet as kubectl rollout status"
              + " reports it (updated, available, old replicas pending termination, progress deadline)."
              + " With timeoutSeconds it waits up to that long for the rollout to finish, reporting"
              + " progress; without, it answers at once.",
          Schemas.result(
              List.of("kind", "name", "done", "message"),
              "kind", Schemas.string("Kind."),
              "name", Schemas.string("Name."),
              "namespace", Schemas.string("Namespace."),
              "done", Schemas.bool("Whether the rollout finished."),
              "failed", Schemas.bool("Whether it cannot finish without help."),
              "message", Schemas.string("kubectl's words."),
              "waitedSeconds", Schemas.integer("How long the call waited."),
              "timedOut", Schemas.bool("Whether the wait ended at the timeout."),
              "cancelled", Schemas.bool("Whether the wait was cancelled.")),
          Parameters.kind("Deployment, StatefulSet or DaemonSet."),
          ToolParameter.requiredString("name", "Workload name."),
          Parameters.requiredNamespace("Namespace of the workload."),
          ToolParameter.optionalInteger("timeoutSeconds", "Wait up to this many seconds for the rollout to finish (max 600); omit to answer at once.", 1, MAX_WAIT));

  private final Cluster cluster;
  private final Poller poller;

  GetRolloutStatusTool(Cluster cluster, Poller poller) {
    this.cluster = cluster;
    this.poller = poller;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    ApiResource type = session.resolve(args.requiredString("kind"));
    if (!Rollout.KINDS.contains(type.kind())) {
      throw new InvalidToolArgumentException("kind", "rollout status applies to Deployment, StatefulSet and DaemonSet, not " + type.kind());
    }
    ResourceRef ref = namedObject(args);
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("kind", type.kind());
    structured.put("name", ref.name());
    structured.put("namespace", ref.namespace().orElse(""));
    if (args.integer("timeoutSeconds").isEmpty()) {
      Rollout r = Rollout.of(type.kind(), session.get(ref));
      structured.put("done", r.done());
      structured.put("failed", r.failed());
      structured.put("message", r.message());
      return new ToolResult(r.message() + "\n", structured);
    }
    Duration timeout = Duration.ofSeconds(args.integer("timeoutSeconds").get());
    Rollout[] last = new Rollout[1];
    Poller.Outcome outcome =
        poller.until(timeout, Duration.ofSeconds(2), call, "rollout of " + type.kind() + " " + ref.name(), () -> {
          last[0] = Rollout.of(type.kind(), session.get(ref));
          return last[0].failed() ? Poller.Look.failed(last[0].message())
              : last[0].done() ? Poller.Look.done(last[0].message()) : Poller.Look.waiting(last[0].message());
        });
    structured.put("done", last[0] != null && last[0].done());
    structured.put("failed", last[0] != null && last[0].failed());
    structured.put("message", last[0] == null ? "not read" : last[0].message());
    structured.put("waitedSeconds", outcome.waited().toSeconds());
    structured.put("timedOut", outcome.end() == Poller.End.TIMED_OUT);
    structured.put("cancelled", outcome.end() == Poller.End.CANCELLED);
    String text = (last[0] == null ? "" : last[0].message() + "\n")
        + Poller.describe(outcome, "Waiting for the rollout", timeout) + "\n";
    return new ToolResult(text, structured);
  }
}
