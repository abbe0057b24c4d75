package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.time.Clock;
import java.util.Map;

/** {@code kubernetes_get_resource_detail_advanced}: one object in sections chosen by the caller. */
final class GetResourceDetailAdvancedTool implements Tool {
  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_resource_detail_advanced",
          "Resource detail (advanced)",
          "One object in sections: a summary, then optionally its configuration (spec), status,"
              + " recent events, relationships (owners, owned and selected objects, what it uses) and"
              + " diagnostics. outputFormat compact shows the summary and the chosen sections briefly,"
              + " structured (default) each section in full, verbose the whole object as well.",
          DetailView.schema(),
          Parameters.kind(),
          ToolParameter.requiredString("name", "Object name."),
          Parameters.namespace("Namespace of a namespaced object (default: default)."),
          ToolParameter.optionalBoolean("includeEvents", "Add recent events about the object.", false),
          ToolParameter.optionalBoolean("includeRelationships", "Add owners, owned/selected objects and what it uses.", false),
          ToolParameter.optionalBoolean("includeDiagnostics", "Add plain-language health observations.", false),
          ToolParameter.optionalBoolean("includeConfiguration", "Add the configuration (spec, data); default true.", true),
          ToolParameter.optionalEnum("outputFormat", "compact, structured (default) or verbose.", "structured", DetailView.FORMATS));

  private final Cluster cluster;
  private final MaskingPolicy masking;
  private final Clock clock;

  GetResourceDetailAdvancedTool(Cluster cluster, MaskingPolicy masking, Clock clock) {
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
    String format = args.string("outputFormat").orElse("structured");
    return DetailView.render(
        session,
        type,
        object,
        new DetailView.Options(
            args.flag("includeEvents"),
            args.flag("includeRelationships"),
            args.flag("includeDiagnostics"),
            args.flag("includeConfiguration"),
            !"compact".equals(format),
            format),
        masking,
        clock);
  }
}
