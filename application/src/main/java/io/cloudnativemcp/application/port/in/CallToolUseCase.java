package io.cloudnativemcp.application.port.in;

/** Use case: calling a tool on behalf of a principal, under policy, with one audit record. */
public interface CallToolUseCase {
  ToolCallResult call(CallToolCommand command);
}
