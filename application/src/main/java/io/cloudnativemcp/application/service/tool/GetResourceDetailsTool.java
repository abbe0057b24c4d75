package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Clock;
import java.util.Map;

/** {@code kubernetes_get_resource_details}: configuration, status, events and relationships of one object. */
final class GetResourceDetailsTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_resource_details",
          "Resource details",
          "Everything about one object in one call: summary, metadata, configuration (spec),"
              + " status, its recent events and its relationships (owners, owned and selected objects,"
              + " what it uses). Credentials are masked.",
          DetailView.schema(),
          Parameters.kind(),
          ToolParameter.requiredString("name", "Object name."),
          Parameters.namespace("Namespace of a namespaced object (default: default)."));

  private final Cluster cluster;
  private final MaskingPolicy masking;
  private final Clock clock;

  GetResourceDetailsTool(Cluster cluster, MaskingPolicy masking, Clock clock) {
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
    Map<String, Object> object =
        session.get(namedObject(args));
    return DetailView.render(
        session, type, object, new DetailView.Options(true, true, false, true, true, "structured"), masking, clock);
  }
}
