package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourceHealth;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubernetes_describe_resource}: kubectl-describe-like text with the object's events. */
final class DescribeResourceTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_describe_resource",
          "Describe resource",
          "A kubectl-describe-like, human-readable description of one object: metadata, the parts"
              + " that matter for its kind (containers and their states, replicas, ports, capacity,"
              + " taints), conditions and recent events. Credentials are masked. Best for"
              + " troubleshooting one object.",
          Schemas.result(
              List.of("kind", "name"),
              "kind", Schemas.string("The resolved kind."),
              "name", Schemas.string("Object name."),
              "namespace", Schemas.string("Namespace."),
              "problem", Schemas.string("Why the object looks unhealthy; absent when it does not."),
              "events", Schemas.integer("Recent events shown.")),
          Parameters.kind(),
          ToolParameter.requiredString("name", "Object name."),
          Parameters.namespace("Namespace of a namespaced object (default: default)."));

  private final Cluster cluster;
  private final MaskingPolicy masking;
  private final Clock clock;

  DescribeResourceTool(Cluster cluster, MaskingPolicy masking, Clock clock) {
    this.cluster = cluster;
    this.masking = masking;
    this.clock = clock;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    ClusterSession session = cluster.session(args, call);
    ApiResource type = session.resolve(args.requiredString("kind"));
    Map<String, Object> raw =
        session.get(namedObject(args));
    List<Map<String, Object>> events = Events.about(session, type, raw, DetailView.EVENTS);
    String text = Describer.describe(type.kind(), Shown.object(raw, masking), events, clock.instant());
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("kind", type.kind());
    structured.put("name", String.valueOf(ObjectFields.string(raw, "metadata", "name")));
    Texts.putIfPresent(structured, "namespace", ObjectFields.string(raw, "metadata", "namespace"));
    ResourceHealth.problem(type.kind(), raw).ifPresent(p -> structured.put("problem", p));
    structured.put("events", events.size());
    return new ToolResult(text, structured);
  }
}
