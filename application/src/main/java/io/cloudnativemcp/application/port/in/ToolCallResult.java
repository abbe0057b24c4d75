package io.cloudnativemcp.application.port.in;

import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.Objects;

/**
 * What became of a tool call. Denials and failures are ordinary results, not exceptions: the MCP
 * adapter turns them into {@code isError} results the assistant can act on.
 */
public sealed interface ToolCallResult
    permits ToolCallResult.Succeeded, ToolCallResult.Denied, ToolCallResult.Failed {

  AuditOutcome outcome();

  /** The tool ran. */
  record Succeeded(ToolResult result) implements ToolCallResult {
    public Succeeded {
      Objects.requireNonNull(result, "'result' must not be null");
    }

    @Override
    public AuditOutcome outcome() {
      return AuditOutcome.SUCCESS;
    }
  }

  /** The access policy refused the call. */
  record Denied(String reason) implements ToolCallResult {
    @Override
    public AuditOutcome outcome() {
      return AuditOutcome.DENIED;
    }
  }

  /**
   * The call failed: {@code outcome} is {@link AuditOutcome#FAILED} for the caller's mistakes
   * (bad arguments, not found) and {@link AuditOutcome#ERROR} for server or cluster failures.
   */
  record Failed(AuditOutcome outcome, String code, String message) implements ToolCallResult {
    public Failed {
      if (outcome != AuditOutcome.FAILED && outcome != AuditOutcome.ERROR) {
        throw new IllegalArgumentException("a failure is FAILED or ERROR");
      }
      Objects.requireNonNull(message, "'message' must not be null");
    }
  }
}
