package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolDescriptor;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.Optional;

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

  /**
   * Runs the tool. Port exceptions propagate; the use case turns them into results.
   *
   * @param arguments validated arguments
   * @param caller who is calling (for impersonation and messages)
   */
  ToolResult call(ToolArguments arguments, Principal caller);
}
