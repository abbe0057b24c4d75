package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.tool.ToolDescriptor;
import java.util.List;

/** Use case: listing the tools, all of them or those a principal may call. */
public interface ListToolsUseCase {
  /** Every tool the server offers in its current mode (what the transports register). */
  List<ToolDescriptor> allTools();

  /** The tools this principal may call. */
  List<ToolDescriptor> list(ListToolsQuery query);
}
