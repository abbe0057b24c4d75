package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.cluster.WaitCondition;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_wait_for_resource}: wait until an object is ready, available, complete, exists or is gone. */
final class WaitForResourceTool implements Tool {
  static final int DEFAULT_TIMEOUT = 120;
  static final int MAX_TIMEOUT = 600;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_wait_for_resource",
          "Wait for resource",
          "Wait until an object reaches a condition, looking every pollIntervalSeconds up to"
              + " timeoutSeconds and reporting progress: ready (Ready condition, or all replicas"
              + " ready), available (Available condition or replicas), complete (a Job or Pod"
              + " finished, a rollout done), exists, or deleted. A failed Job or Pod ends the wait"
              + " early. Cancelling the call stops the wait.",
          Schemas.result(
              List.of("kind", "name", "condition", "satisfied"),
              "kind", Schemas.string("Kind."),
              "name", Schemas.string("Name."),
              "namespace", Schemas.string("Namespace."),
              "condition", Schemas.string("The condition waited for."),
              "satisfied", Schemas.bool("Whether it was reached."),
              "outcome", Schemas.string("done, failed, timed_out or cancelled."),
              "detail", Schemas.string("What the last look saw."),
              "waitedSeconds", Schemas.integer("How long the call waited."),
              "looks", Schemas.integer("How many times the object was read.")),
          Parameters.kind(),
          ToolParameter.requiredString("name", "Object name."),
          Parameters.namespace("Namespace of a namespaced object (default: default)."),
          ToolParameter.optionalEnum("condition", "ready (default), available, complete, exists or deleted.", "ready", WaitCondition.wireNames()),
          Parameters.timeoutSeconds(DEFAULT_TIMEOUT, MAX_TIMEOUT),
          ToolParameter.optionalInteger("pollIntervalSeconds", "Seconds between looks (default 5).", 5, 1, 60));

  private final Cluster cluster;
  private final Poller poller;

  WaitForResourceTool(Cluster cluster, Poller poller) {
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
    WaitCondition condition = WaitCondition.fromWireName(args.string("condition").orElse("ready"));
    ResourceRef ref = namedObject(args);
    Duration timeout = Duration.ofSeconds(args.intValue("timeoutSeconds", DEFAULT_TIMEOUT));
    Duration interval = Duration.ofSeconds(args.intValue("pollIntervalSeconds", 5));
    String what = type.kind() + " " + ref.name() + " to be " + condition.wireName();
    Poller.Outcome outcome =
        poller.until(timeout, interval, call, "waiting for " + what, () -> {
          WaitCondition.State state = condition.check(type.kind(), session.find(ref));
          return switch (state.phase()) {
            case SATISFIED -> Poller.Look.done(state.detail());
            case FAILED -> Poller.Look.failed(state.detail());
            case WAITING -> Poller.Look.waiting(state.detail());
          };
        });
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("kind", type.kind());
    structured.put("name", ref.name());
    if (type.namespaced()) {
      structured.put("namespace", ref.namespace().orElse(ClusterSession.DEFAULT_NAMESPACE));
    }
    structured.put("condition", condition.wireName());
    structured.put("satisfied", outcome.end() == Poller.End.DONE);
    structured.put("outcome", outcome.end().name().toLowerCase(java.util.Locale.ROOT));
    structured.put("detail", outcome.detail());
    structured.put("waitedSeconds", outcome.waited().toSeconds());
    structured.put("looks", outcome.looks());
    return new ToolResult(Poller.describe(outcome, "Waiting for " + what, timeout) + "\n", structured);
  }
}
