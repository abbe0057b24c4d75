package io.cloudnativemcp.application.service.tool;

import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.cloudnativemcp.domain.principal.Principal;
import io.cloudnativemcp.domain.principal.PrincipalFixtures;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls tools the way the use case does: arguments validated against the descriptor first. */
final class ToolTests {
  private ToolTests() {}

  static ToolResult call(Tool tool, Map<String, Object> arguments) {
    return call(tool, arguments, PrincipalFixtures.admin(), CallToolCommand.Interaction.NONE);
  }

  static ToolResult call(Tool tool, Map<String, Object> arguments, Principal caller, CallToolCommand.Interaction interaction) {
    return tool.call(ToolArguments.validate(tool.descriptor(), arguments), new ToolCall(caller, interaction));
  }

  /** An interaction that records progress and can be told the caller gave up. */
  static final class RecordingInteraction implements CallToolCommand.Interaction {
    final List<String> progress = new ArrayList<>();
    volatile boolean cancelAfterProgress;
    private volatile boolean cancelled;

    @Override
    public boolean canConfirm() {
      return false;
    }

    @Override
    public Confirmation confirm(String message) {
      return Confirmation.UNAVAILABLE;
    }

    @Override
    public synchronized void progress(double done, Double total, String message) {
      progress.add(done + "/" + total + " " + message);
      if (cancelAfterProgress) {
        cancelled = true;
      }
    }

    @Override
    public boolean cancelled() {
      return cancelled;
    }
  }
}
