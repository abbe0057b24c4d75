package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.cluster.ResourceRef;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.Optional;
import java.util.stream.Collectors;

/** One tool of the catalog: its descriptor and the handler that runs it through the ports. */
public interface Tool {

  ToolDescriptor descriptor();

  /**
   * The namespace the call addresses, for the access policy and the audit record. Empty means all
   * namespaces or a cluster-scoped object.
   */
  default Optional<String> namespace(ToolArguments arguments) {
    return arguments.string("namespace").filter(ns -> !ns.isBlank());
  }

  /** The object named by the {@code kind}, {@code name} and {@code namespace} arguments. */
  default ResourceRef namedObject(ToolArguments arguments) {
    return new ResourceRef(arguments.requiredString("kind"), arguments.requiredString("name"), namespace(arguments));
  }

  /**
   * The question put to the user before a destructive call runs, in one sentence.
   *
   * @param arguments validated arguments
   */
  default String confirmation(ToolArguments arguments) {
    String args =
        arguments.asMap().entrySet().stream()
            .filter(e -> e.getValue() instanceof String || e.getValue() instanceof Number || e.getValue() instanceof Boolean)
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    return "Allow " + descriptor().title().toLowerCase(java.util.Locale.ROOT) + " (" + args + ")?";
  }

  /**
   * Runs the tool. Port exceptions propagate; the use case turns them into results.
   *
   * @param arguments validated arguments
   * @param call who is calling and what the client can do meanwhile (progress, cancellation)
   */
  ToolResult call(ToolArguments arguments, ToolCall call);
}
