package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.service.render.YamlWriter;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.JsonPath;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolParameter;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubernetes_get_resource}: one object as YAML, without managed fields, secrets masked; or
 * the values a JSONPath selects from it.
 */
final class GetResourceTool implements Tool {
  static final String LAST_APPLIED = Shown.LAST_APPLIED;

  private static final ToolDescriptor DESCRIPTOR =
      Specs.readOnly(
          "kubernetes_get_resource",
          "Get resource",
          "Get one Kubernetes object as YAML (managedFields and the last-applied annotation"
              + " removed; Secret values and other credentials masked), or only the fields a"
              + " JSONPath selects, such as {.status.phase} or status.containerStatuses[*].ready.",
          Schemas.anyObject(
              "The object as the API server returned it (Secret values masked); with jsonpath, {jsonpath, values}."),
          Parameters.kind(),
          ToolParameter.requiredString("name", "Object name."),
          Parameters.namespace(
              "Namespace of a namespaced object (default: default); ignored for cluster-scoped kinds."),
          ToolParameter.optionalString(
              "jsonpath",
              "kubectl-style JSONPath to extract fields instead of the whole object; {.status.phase} and"
                  + " status.phase are both accepted."));

  private final Cluster cluster;
  private final MaskingPolicy masking;

  GetResourceTool(Cluster cluster, MaskingPolicy masking) {
    this.cluster = cluster;
    this.masking = masking;
  }

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ToolResult call(ToolArguments args, ToolCall call) {
    Optional<JsonPath> jsonPath = jsonPath(args, "jsonpath");
    Map<String, Object> object =
        cluster
            .session(args, call)
            .get(namedObject(args));
    Map<String, Object> shown = Shown.object(object, masking);
    if (jsonPath.isPresent()) {
      List<Object> values = jsonPath.get().values(shown);
      String text = jsonPath.get().render(shown);
      Map<String, Object> structured = new LinkedHashMap<>();
      structured.put("jsonpath", jsonPath.get().expression());
      structured.put("values", values);
      return new ToolResult(text.isEmpty() ? "(the JSONPath selected nothing)\n" : text + (text.endsWith("\n") ? "" : "\n"), structured);
    }
    return new ToolResult(YamlWriter.write(shown), shown);
  }

  /** Compiles a JSONPath argument, naming the argument when it is invalid. */
  static Optional<JsonPath> jsonPath(ToolArguments args, String parameter) {
    Optional<String> expression = args.string(parameter);
    if (expression.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonPath.compile(expression.get()));
    } catch (IllegalArgumentException e) {
      throw new InvalidToolArgumentException(parameter, e.getMessage());
    }
  }

  static Map<String, Object> withoutNoise(Map<String, Object> object) {
    return Shown.withoutNoise(object);
  }
}
